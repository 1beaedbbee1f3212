// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/ratelimiter.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <chrono>
#include <optional>

namespace Amo::Sync {

/**
 * client-go's rate-limited work queue, for keys of the sync engine (a namespace).
 *
 * A key is queued at most once (the dirty set); a key taken for work is in the processing set
 * until done(), and is never handed out again meanwhile: adding it then only marks it dirty, and
 * done() queues it again, so a change seen during the work is never lost nor worked on twice at
 * once. addRateLimited() queues a failed key after its backoff (RateLimiter: 5 ms doubling to
 * 1000 s, and a 10/s, burst 100 bucket over all keys); forget() clears it after a success.
 */
class WorkQueue : public QObject
{
    Q_OBJECT
public:
    using Clock = RateLimiter::Clock;

    explicit WorkQueue(const RateLimiter::Options &limits = {}, QObject *parent = nullptr);
    ~WorkQueue() override;

    /** Queues @p key now (no-op when it is queued already; marked dirty when in progress). */
    void add(const QString &key);
    /** Queues @p key after @p delay; a key waiting already keeps the earlier of the two times. */
    void addAfter(const QString &key, std::chrono::milliseconds delay);
    /** Queues a key whose work failed, after the rate limiter's delay; counts one retry. */
    void addRateLimited(const QString &key);
    /** The key's work succeeded: its backoff starts over. */
    void forget(const QString &key) { m_limiter.forget(key); }
    /** Failures of the key since its last forget(). */
    int numRequeues(const QString &key) const { return m_limiter.failures(key); }

    /** The next queued key, now in progress; nullopt when none is queued. */
    std::optional<QString> take();
    /** The work on @p key ended; it is queued again if it was added meanwhile. */
    void done(const QString &key);
    /** Drops every queued, waiting and dirty key and every backoff (e.g. a new leader term starts clean). */
    void clear();

    /** Keys queued and ready (client-go's workqueue_depth). */
    int depth() const { return int(m_queue.size()); }
    bool hasReady() const { return !m_queue.isEmpty(); }
    /** Keys waiting for their delay. */
    int waiting() const { return int(m_waiting.size()); }
    bool isProcessing(const QString &key) const { return m_processing.contains(key); }
    int processing() const { return int(m_processing.size()); }
    /** Seconds the oldest key in progress has been worked on; 0 when none. */
    double longestRunningSeconds(Clock::time_point now = Clock::now()) const;
    /** addRateLimited() calls so far. */
    qint64 retries() const { return m_retries; }

Q_SIGNALS:
    /** A key became ready; emitted queued, so a consumer may take() at once. */
    void keyReady();
    void depthChanged(int depth);
    void retried(const QString &key);

private:
    void enqueue(const QString &key);
    void onWaitTimer();
    void armWaitTimer();
    void notifyReady();

    RateLimiter m_limiter;
    QList<QString> m_queue; // ready keys, in order
    QSet<QString> m_dirty; // keys that need work (queued, or added while in progress)
    QHash<QString, Clock::time_point> m_processing; // key -> when its work started
    QHash<QString, Clock::time_point> m_waiting; // key -> when it becomes ready
    QTimer m_waitTimer;
    qint64 m_retries = 0;
    bool m_notifyPending = false;
};

} // namespace Amo::Sync
