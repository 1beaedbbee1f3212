// SPDX-License-Identifier: MIT
#include "shared/sync/ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace Amo::Sync {

using std::chrono::milliseconds;

RateLimiter::RateLimiter()
    : RateLimiter(Options {})
{
}

RateLimiter::RateLimiter(const Options &options)
    : m_options(options)
    , m_tokens(double(std::max(1, options.burst)))
{
}

milliseconds RateLimiter::when(const QString &key, Clock::time_point now)
{
    return std::max(backoff(key), reserveToken(now));
}

milliseconds RateLimiter::backoff(const QString &key)
{
    const int failures = m_failures.value(key);
    m_failures.insert(key, failures + 1);
    // base * 2^failures, computed in floating point so that a long run of failures cannot overflow.
    const double delay = double(m_options.base.count()) * std::pow(2.0, std::min(failures, 62));
    return milliseconds(qint64(std::min(delay, double(m_options.cap.count()))));
}

milliseconds RateLimiter::reserveToken(Clock::time_point now)
{
    if (m_options.qps <= 0)
        return milliseconds(0);
    const double burst = double(std::max(1, m_options.burst));
    if (m_started) {
        const double elapsed = std::chrono::duration<double>(now - m_refilledAt).count();
        m_tokens = std::min(burst, m_tokens + std::max(0.0, elapsed) * m_options.qps);
    }
    m_started = true;
    m_refilledAt = now;
    // As golang.org/x/time/rate's Reserve: the token is taken now, possibly on credit, and the wait
    // is how long the bucket needs to pay the debt back.
    m_tokens -= 1.0;
    if (m_tokens >= 0)
        return milliseconds(0);
    return milliseconds(qint64(std::ceil(-m_tokens / m_options.qps * 1000.0)));
}

} // namespace Amo::Sync
