// SPDX-License-Identifier: MIT
#include "agent/workqueuemetrics.h"

#include "shared/metrics/registry.h"
#include "shared/sync/workqueue.h"

using namespace Qt::StringLiterals;

namespace Amo::Agent {

namespace {
const QStringList kName {u"name"_s};
constexpr int kSampleMs = 500;
} // namespace

WorkQueueMetrics::WorkQueueMetrics(Metrics::Registry &registry, QObject *parent)
    : QObject(parent)
    , m_depth(registry.gauge(u"azuremsi_workqueue_depth"_s, u"Current depth of the sync work queue"_s, kName))
    , m_retries(registry.counter(u"azuremsi_workqueue_retries_total"_s,
                                 u"Total number of retries handled by the sync work queue"_s, kName))
    , m_longestRunning(registry.gauge(u"azuremsi_workqueue_longest_running_seconds"_s,
                                      u"How many seconds the longest running key of the sync work queue has been "
                                      u"worked on"_s,
                                      kName))
{
    connect(&m_sampler, &QTimer::timeout, this, &WorkQueueMetrics::sample);
}

void WorkQueueMetrics::observe(const Sync::WorkQueue *queue, const QString &name)
{
    if (m_queue)
        disconnect(m_queue, nullptr, this, nullptr);
    m_queue = queue;
    m_name = name;
    m_depth.set({name}, queue ? queue->depth() : 0);
    m_retries.inc({name}, 0); // present from the start, as client-go's
    m_longestRunning.set({name}, 0);
    if (!queue) {
        m_sampler.stop();
        return;
    }
    connect(queue, &Sync::WorkQueue::depthChanged, this, [this](int depth) { m_depth.set({m_name}, depth); });
    connect(queue, &Sync::WorkQueue::retried, this, [this] { m_retries.inc({m_name}); });
    m_sampler.start(kSampleMs);
}

void WorkQueueMetrics::sample()
{
    if (m_queue)
        m_longestRunning.set({m_name}, m_queue->longestRunningSeconds());
}

} // namespace Amo::Agent
