// SPDX-License-Identifier: MIT
#pragma once

#include "shared/util/clock.h"

#include <QHash>
#include <QString>

namespace Amo::Sandbox {

/**
 * ARM's read throttling as a token bucket per scope (subscription or tenant) + principal:
 * each read takes one token, the bucket refills continuously up to its size. A second, global
 * bucket per scope (15 times the size) is shared by all principals.
 */
class ArmThrottle
{
public:
    struct Result
    {
        bool allowed = true;
        int remaining = 0; // after this request
        int globalRemaining = 0; // of the scope's budget across all principals
        int retryAfterSeconds = 0; // when not allowed
    };

    explicit ArmThrottle(const Clock *clock = nullptr);
    void configure(int budget, double refillPerSecond);
    void setClock(const Clock *clock) { m_clock = clock ? clock : &Clock::system(); }
    Result consume(const QString &scope, const QString &principal);
    void reset() { m_buckets.clear(); }

    static constexpr int kGlobalFactor = 15;

private:
    bool take(const QString &key, int budget, qint64 now, int *remaining, int *wait);

    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };

    const Clock *m_clock;
    int m_budget = 250;
    double m_refillPerSecond = 25;
    QHash<QString, Bucket> m_buckets;
};

} // namespace Amo::Sandbox
