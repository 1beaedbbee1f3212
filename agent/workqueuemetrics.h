// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Amo::Metrics {
class MetricFamily;
class Registry;
} // namespace Amo::Metrics

namespace Amo::Sync {
class WorkQueue;
}

namespace Amo::Agent {

/**
 * The sync engine's work queue as client-go's workqueue metrics show theirs, one series per queue
 * (label name, "sync"):
 *   azuremsi_workqueue_depth{name}                     gauge, keys ready and waiting for a worker
 *   azuremsi_workqueue_retries_total{name}             counter, keys put back after a failure
 *   azuremsi_workqueue_longest_running_seconds{name}   gauge, the oldest key being worked on
 * The last one is sampled every 500 ms, as client-go's updateUnfinishedWorkLoop does.
 */
class WorkQueueMetrics : public QObject
{
    Q_OBJECT
public:
    explicit WorkQueueMetrics(Metrics::Registry &registry, QObject *parent = nullptr);

    /** Follows @p queue (not owned; may be replaced by a later call). */
    void observe(const Sync::WorkQueue *queue, const QString &name = QStringLiteral("sync"));

private:
    void sample();

    Metrics::MetricFamily &m_depth;
    Metrics::MetricFamily &m_retries;
    Metrics::MetricFamily &m_longestRunning;
    QPointer<const Sync::WorkQueue> m_queue;
    QString m_name;
    QTimer m_sampler;
};

} // namespace Amo::Agent
