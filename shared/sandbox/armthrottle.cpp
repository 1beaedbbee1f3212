// SPDX-License-Identifier: MIT
#include "shared/sandbox/armthrottle.h"

#include <cmath>

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

ArmThrottle::Result ArmThrottle::consume(const QString &scope, const QString &principal)
{
    const qint64 now = m_clock->nowUtc().toMSecsSinceEpoch();
    const QString key = scope.toLower() + QLatin1Char('|') + principal;
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket {double(m_budget), now});
    Bucket &b = it.value();
    b.tokens = std::min<double>(m_budget, b.tokens + double(now - b.updatedMs) / 1000.0 * m_refillPerSecond);
    b.updatedMs = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return Result {true, int(std::floor(b.tokens)), 0};
    }
    const double missing = 1.0 - b.tokens;
    const int wait = m_refillPerSecond > 0 ? int(std::ceil(missing / m_refillPerSecond)) : 3600;
    return Result {false, 0, std::max(1, wait)};
}

} // namespace Amo::Sandbox
