// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace Amo {
class Clock;
}

namespace Amo::Kube {

/**
 * client-go's EventSourceObjectSpamFilter: one token bucket per key (source and involved object),
 * so one object in a hot loop cannot drown the Events of every other object. Buckets start full;
 * the number of buckets is bounded, evicting the longest-idle one (by then usually refilled anyway).
 */
class EventSpamFilter
{
public:
    EventSpamFilter(int burst, qint64 refillIntervalMs, const Clock &clock, int maxKeys = 4096);

    /** Takes a token for @p key; false means the event is to be dropped. */
    bool allow(const QString &key);

    /** Tokens left for @p key right now (burst for an unseen key); for tests. */
    double tokens(const QString &key) const;
    int size() const { return int(m_buckets.size()); }

private:
    struct Bucket
    {
        double tokens = 0;
        QDateTime refilled; // when tokens was last brought up to date
        QDateTime used; // last allow() call, for eviction
    };
    double refilled(const Bucket &bucket, const QDateTime &now) const;
    void evictOne();

    int m_burst;
    qint64 m_refillIntervalMs;
    const Clock &m_clock;
    int m_maxKeys;
    QHash<QString, Bucket> m_buckets;
};

} // namespace Amo::Kube
