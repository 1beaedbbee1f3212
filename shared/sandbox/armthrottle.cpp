// SPDX-License-Identifier: MIT
#include "shared/sandbox/armthrottle.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

ArmThrottle::ArmThrottle(const Clock *clock)
    : m_clock(clock ? clock : &Clock::system())
{
}

void ArmThrottle::configure(int budget, double refillPerSecond)
{
    m_budget = std::max(1, budget);
    m_refillPerSecond = std::max(0.0, refillPerSecond);
    m_buckets.clear();
}

bool ArmThrottle::take(const QString &key, int budget, qint64 now, int *remaining, int *wait)
{
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket {double(budget), now});
    Bucket &b = it.value();
    const double refill = m_refillPerSecond * double(budget) / double(m_budget);
    b.tokens = std::min<double>(budget, b.tokens + double(now - b.updatedMs) / 1000.0 * refill);
    b.updatedMs = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        *remaining = int(std::floor(b.tokens));
        return true;
    }
    *remaining = 0;
    *wait = refill > 0 ? std::max(1, int(std::ceil((1.0 - b.tokens) / refill))) : 3600;
    return false;
}

ArmThrottle::Result ArmThrottle::consume(const QString &scope, const QString &principal)
{
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    Result r;
    // per scope + principal, and (Microsoft's throttling documentation) 15 times that per scope
    // across all principals
    int wait = 0;
    const bool own = take(scope.toLower() + QLatin1Char('|') + principal, m_budget, now, &r.remaining, &wait);
    int globalWait = 0;
    const bool global
        = !own || take(scope.toLower() + u"|*"_s, m_budget * kGlobalFactor, now, &r.globalRemaining, &globalWait);
    if (own && !global) {
        // give the principal's token back: this request was not served
        m_buckets[scope.toLower() + QLatin1Char('|') + principal].tokens += 1.0;
        r.remaining += 1;
    }
    r.allowed = own && global;
    r.retryAfterSeconds = r.allowed ? 0 : std::max(wait, globalWait);
    return r;
}

} // namespace Amo::Sandbox
