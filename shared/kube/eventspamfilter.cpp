// SPDX-License-Identifier: MIT
#include "eventspamfilter.h"

#include "shared/util/clock.h"

#include <algorithm>

namespace Amo::Kube {

EventSpamFilter::EventSpamFilter(int burst, qint64 refillIntervalMs, const Clock &clock, int maxKeys)
    : m_burst(qMax(1, burst))
    , m_refillIntervalMs(qMax<qint64>(1, refillIntervalMs))
    , m_clock(clock)
    , m_maxKeys(qMax(1, maxKeys))
{
}

double EventSpamFilter::refilled(const Bucket &bucket, const QDateTime &now) const
{
    // A clock stepping backwards mints nothing.
    const qint64 elapsedMs = qMax<qint64>(0, bucket.refilled.msecsTo(now));
    return std::min<double>(m_burst, bucket.tokens + double(elapsedMs) / double(m_refillIntervalMs));
}

bool EventSpamFilter::allow(const QString &key)
{
    const QDateTime now = m_clock.nowUtc();
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxKeys)
            evictOne();
        it = m_buckets.insert(key, Bucket {double(m_burst), now, now});
    }
    Bucket &b = it.value();
    b.tokens = refilled(b, now);
    b.refilled = now;
    b.used = now;
    if (b.tokens < 1.0)
        return false;
    b.tokens -= 1.0;
    return true;
}

double EventSpamFilter::tokens(const QString &key) const
{
    const auto it = m_buckets.constFind(key);
    return it == m_buckets.cend() ? double(m_burst) : refilled(it.value(), m_clock.nowUtc());
}

void EventSpamFilter::evictOne()
{
    auto oldest = m_buckets.begin();
    for (auto it = m_buckets.begin(); it != m_buckets.end(); ++it) {
        if (it.value().used < oldest.value().used)
            oldest = it;
    }
    if (oldest != m_buckets.end())
        m_buckets.erase(oldest);
}

} // namespace Amo::Kube
