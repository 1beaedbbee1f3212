// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/syncreport.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace Amo {
class Logger;
namespace Config {
struct OperatorConfig;
}
namespace Kube {
class EventRecorder;
}
namespace Sync {
class LeaderElector;
class OperatorClients;
class Reconciler;
} // namespace Sync
} // namespace Amo

namespace Amo::Agent {

class MetricsServer;
class SyncEvents;
class SyncMetrics;
class WorkQueueMetrics;

/**
 * The running operator: the reconciler, optionally behind a Lease, reporting to the metrics, the
 * readiness endpoint, the log and Kubernetes Events. Shutdown stops intake, lets writes in flight
 * finish (bounded), then hands the Lease back so a standby takes over at once.
 */
class OperatorService : public QObject
{
    Q_OBJECT
public:
    /** Bound for writes in flight at shutdown; the Lease release has its own bound (the renew deadline). */
    static constexpr int kDrainMs = 2000;

    OperatorService(const Config::OperatorConfig &config, Sync::OperatorClients *clients, const Logger &logger,
                    QObject *parent = nullptr);
    ~OperatorService() override;

    void setMetrics(SyncMetrics *metrics) { m_metrics = metrics; }
    /** Follows the reconciler's work queue once start() has made it. */
    void setQueueMetrics(WorkQueueMetrics *metrics) { m_queueMetrics = metrics; }
    void setServer(MetricsServer *server) { m_server = server; }
    /** Kubernetes Events for writes and skips; off in --demo and --dry-run. */
    void enableEvents(const QString &instance);
    /** The recorder that enableEvents() made, or null. */
    Kube::EventRecorder *eventRecorder() const { return m_eventRecorder; }

    /** Starts syncing (competing for the Lease first when enabled); false with *error for bad lease settings. */
    bool start(bool once, QString *error);
    /** Graceful stop: emits finished() when done. */
    void shutdown();

    Sync::Reconciler *reconciler() const { return m_reconciler.get(); }
    /** hostname_pid: the Lease identity when --instance.pod is not set. */
    static QString defaultIdentity();

Q_SIGNALS:
    void syncFinished(const Amo::Sync::SyncReport &report);
    void finished();

private:
    void onSyncFinished(const Sync::SyncReport &report);
    void onLeadership(bool leader);
    void onStopped();
    void logReport(const Sync::SyncReport &report) const;
    void recordMetrics(const Sync::SyncReport &report);

    const Config::OperatorConfig &m_config;
    Sync::OperatorClients *m_clients;
    const Logger &m_logger;
    SyncMetrics *m_metrics = nullptr;
    WorkQueueMetrics *m_queueMetrics = nullptr;
    Kube::EventRecorder *m_eventRecorder = nullptr; // owned as a child
    MetricsServer *m_server = nullptr;
    std::unique_ptr<Sync::Reconciler> m_reconciler;
    std::unique_ptr<Sync::LeaderElector> m_elector;
    std::unique_ptr<SyncEvents> m_events;
    QTimer m_drainTimer;
    bool m_shuttingDown = false;
    bool m_released = false;
    bool m_stopHandled = false;
};

} // namespace Amo::Agent
