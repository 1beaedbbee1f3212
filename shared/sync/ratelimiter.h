// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

#include <chrono>

namespace Amo::Sync {

/**
 * client-go's DefaultControllerRateLimiter: the longer of a per-key exponential backoff (base
 * doubling up to a cap, cleared by forget()) and an overall token bucket shared by every key, so a
 * storm of failures is spread out even when each key is still at its first, short delay.
 */
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    struct Options
    {
        std::chrono::milliseconds base {5};
        std::chrono::milliseconds cap {std::chrono::seconds(1000)};
        double qps = 10.0; // bucket refill per second
        int burst = 100; // bucket size
    };

    RateLimiter();
    explicit RateLimiter(const Options &options);

    /** The delay before @p key may run again; counts one more failure of it and takes a token. */
    std::chrono::milliseconds when(const QString &key, Clock::time_point now = Clock::now());
    /** The key succeeded: its next failure starts at the base delay again. */
    void forget(const QString &key) { m_failures.remove(key); }
    /** Failures of @p key since its last forget(). */
    int failures(const QString &key) const { return m_failures.value(key); }
    const Options &options() const { return m_options; }

private:
    std::chrono::milliseconds backoff(const QString &key);
    std::chrono::milliseconds reserveToken(Clock::time_point now);

    Options m_options;
    QHash<QString, int> m_failures;
    double m_tokens;
    Clock::time_point m_refilledAt;
    bool m_started = false;
};

} // namespace Amo::Sync
