// SPDX-License-Identifier: MIT
#include "shared/sync/workqueue.h"

#include <algorithm>
#include <limits>

namespace Amo::Sync {

using std::chrono::milliseconds;

WorkQueue::WorkQueue(const RateLimiter::Options &limits, QObject *parent)
    : QObject(parent)
    , m_limiter(limits)
{
    m_waitTimer.setSingleShot(true);
    m_waitTimer.setTimerType(Qt::PreciseTimer); // 5 ms backoffs should not become 50 ms
    connect(&m_waitTimer, &QTimer::timeout, this, &WorkQueue::onWaitTimer);
}

WorkQueue::~WorkQueue() = default;

void WorkQueue::add(const QString &key)
{
    if (key.isEmpty() || m_dirty.contains(key))
        return;
    m_waiting.remove(key); // ready now, earlier than any delay it had
    m_dirty.insert(key);
    if (m_processing.contains(key))
        return; // done() queues it
    enqueue(key);
}

void WorkQueue::enqueue(const QString &key)
{
    m_queue.append(key);
    Q_EMIT depthChanged(depth());
    notifyReady();
}

void WorkQueue::addAfter(const QString &key, milliseconds delay)
{
    if (key.isEmpty())
        return;
    if (delay <= milliseconds(0)) {
        add(key);
        return;
    }
    if (m_dirty.contains(key))
        return; // it runs again soon anyway: queued, or added while in progress
    const Clock::time_point at = Clock::now() + delay;
    const auto it = m_waiting.constFind(key);
    if (it != m_waiting.cend() && *it <= at)
        return;
    m_waiting.insert(key, at);
    armWaitTimer();
}

void WorkQueue::addRateLimited(const QString &key)
{
    ++m_retries;
    Q_EMIT retried(key);
    addAfter(key, m_limiter.when(key));
}

std::optional<QString> WorkQueue::take()
{
    if (m_queue.isEmpty())
        return std::nullopt;
    const QString key = m_queue.takeFirst();
    m_processing.insert(key, Clock::now());
    m_dirty.remove(key);
    Q_EMIT depthChanged(depth());
    return key;
}

void WorkQueue::done(const QString &key)
{
    if (m_processing.remove(key) == 0)
        return;
    if (m_dirty.contains(key))
        enqueue(key);
}

void WorkQueue::clear()
{
    const bool hadQueue = !m_queue.isEmpty();
    m_queue.clear();
    m_dirty.clear();
    m_waiting.clear();
    m_waitTimer.stop();
    m_limiter = RateLimiter(m_limiter.options());
    if (hadQueue)
        Q_EMIT depthChanged(0);
}

double WorkQueue::longestRunningSeconds(Clock::time_point now) const
{
    double longest = 0;
    for (const Clock::time_point &started : m_processing)
        longest = std::max(longest, std::chrono::duration<double>(now - started).count());
    return longest;
}

void WorkQueue::onWaitTimer()
{
    const Clock::time_point now = Clock::now();
    QStringList due;
    for (auto it = m_waiting.cbegin(); it != m_waiting.cend(); ++it) {
        if (it.value() <= now)
            due.append(it.key());
    }
    // In the order they fell due, so that equal backoffs keep their order.
    std::sort(due.begin(), due.end(),
              [this](const QString &a, const QString &b) { return m_waiting.value(a) < m_waiting.value(b); });
    for (const QString &key : std::as_const(due)) {
        m_waiting.remove(key);
        add(key);
    }
    armWaitTimer();
}

void WorkQueue::armWaitTimer()
{
    if (m_waiting.isEmpty()) {
        m_waitTimer.stop();
        return;
    }
    const Clock::time_point earliest = *std::min_element(m_waiting.cbegin(), m_waiting.cend());
    const auto wait = std::chrono::ceil<milliseconds>(earliest - Clock::now());
    const qint64 ms = std::clamp<qint64>(wait.count(), 0, std::numeric_limits<int>::max());
    m_waitTimer.start(int(ms));
}

void WorkQueue::notifyReady()
{
    if (m_notifyPending)
        return;
    m_notifyPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_notifyPending = false;
            if (!m_queue.isEmpty())
                Q_EMIT keyReady();
        },
        Qt::QueuedConnection);
}

} // namespace Amo::Sync
