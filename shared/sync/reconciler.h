// SPDX-License-Identifier: MIT
#pragma once

#include "shared/mapping/msimapping.h"
#include "shared/model/clusterstate.h"
#include "shared/sync/msicatalog.h"
#include "shared/sync/planbuilder.h"
#include "shared/sync/syncreport.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <memory>

namespace Amo {
class Clock;
class Logger;
namespace Azure {
class ArmClient;
struct MsiInventory;
} // namespace Azure
namespace Kube {
class Informer;
class KubeClient;
} // namespace Kube
} // namespace Amo

namespace Amo::Sync {

class Applier;
class ClusterStateSink;
struct Snapshot;

struct ReconcilerOptions
{
    std::chrono::milliseconds interval {std::chrono::hours(1)}; // start to start of full syncs
    std::chrono::milliseconds lockTime {std::chrono::minutes(5)}; // least gap between full syncs
    std::chrono::milliseconds coalesce {100}; // watch events gathered into one incremental sync
    bool watch = false; // informers for namespaces, identities and bindings
    QStringList subscriptions; // empty: all the credential can see
    int concurrency = 4; // writes in flight
};

/**
 * The sync loop. A full sync lists the MSIs from Azure, plans against the cluster (the informer
 * caches with --sync.watch, else fresh paged lists) and applies the writes. Full syncs run at start
 * and then every interval, start to start, never closer than the lock time: a trigger inside the
 * lock time is postponed to its end, never dropped. With watches, a change to a namespace, a
 * managed AzureIdentity or a binding marks its namespace; marks are gathered for a short window and
 * planned from the caches without calling Azure, whatever the lock time. Only one sync runs at a
 * time; triggers that arrive meanwhile run next. Without writing (a standby) it keeps the caches warm
 * and lists nothing from Azure.
 */
class Reconciler : public QObject
{
    Q_OBJECT
public:
    Reconciler(Azure::ArmClient *arm, Kube::KubeClient *kube, const PlanBuilder &builder,
               const ReconcilerOptions &options, const Logger &logger, QObject *parent = nullptr);
    ~Reconciler() override;

    /** Starts the informers (with watches) and, when writing, the first full sync at once. */
    void start();
    /**
     * Stops intake: no new sync starts, writes not yet sent are cancelled, those in flight finish.
     * Emits stopped() once nothing is in flight (at once when idle).
     */
    void stop();
    /** Whether this replica writes (the Lease holder, or no election). Losing it cancels pending writes. */
    void setWriting(bool writing);
    bool isWriting() const { return m_writing; }

    /** Asks for a full sync; it runs as soon as the lock time and a running sync allow. */
    void requestFullSync();
    /** Marks one namespace for an incremental sync (what watch events do). */
    void markNamespace(const QString &ns);

    /** Caches synced (with watches) and, when writing, the first Azure listing succeeded. */
    bool isReady() const;
    QString notReadyReason() const;
    bool isBusy() const { return m_running != Run::None; }
    bool cachesSynced() const;

    const MsiCatalog &catalog() const { return m_catalog; }
    const Model::ClusterState &cluster() const { return m_cluster; }
    const QList<Mapping::MsiMapping> &mappings() const { return m_mappings; }
    int fullSyncs() const { return m_fullSyncs; }
    int incrementalSyncs() const { return m_incrementalSyncs; }

Q_SIGNALS:
    void syncStarted(Amo::Sync::SyncReport::Kind kind);
    void syncFinished(const Amo::Sync::SyncReport &report);
    void readyChanged(bool ready);
    void stopped();

private:
    enum class Run { None, Full, Incremental };

    void schedule();
    void startFull();
    void onInventory(const Azure::MsiInventory &inventory);
    void onSnapshot(const Snapshot &snapshot);
    /** Records a finished Azure listing in the report and maps the MSIs; false when nothing can be planned. */
    bool takeListing(const QDateTime &listedAt, const QString &inventoryError);
    void planAndApply(const QSet<QString> &scope);
    void startIncremental();
    void onApplied(const QList<ActionResult> &results);
    void finishRun();
    void onCacheChange(const QString &ns);
    void updateReady();
    void setMappings(QList<Mapping::MsiMapping> mappings);
    QDateTime now() const;

    Azure::ArmClient *m_arm;
    Kube::KubeClient *m_kube;
    PlanBuilder m_builder;
    ReconcilerOptions m_options;
    const Logger &m_logger;
    MsiCatalog m_catalog;
    Model::ClusterState m_cluster;
    QList<Mapping::MsiMapping> m_mappings;
    QHash<QString, QList<int>> m_mappingsByNamespace; // target namespace -> indices into m_mappings
    std::unique_ptr<ClusterStateSink> m_sinks[3];
    std::unique_ptr<Kube::Informer> m_informers[3];
    std::unique_ptr<Applier> m_applier;
    QPointer<QObject> m_job; // the listing in flight
    SyncReport m_report; // of the sync in flight
    Run m_running = Run::None;
    bool m_started = false;
    bool m_stopping = false;
    bool m_writing = true;
    bool m_fullPending = false;
    bool m_ready = false;
    QSet<QString> m_dirty; // namespaces waiting for an incremental sync
    QDateTime m_lastFullStart;
    QTimer m_intervalTimer; // next regular full sync
    QTimer m_lockTimer; // a postponed full sync
    QTimer m_coalesceTimer; // gathers watch events
    int m_fullSyncs = 0;
    int m_incrementalSyncs = 0;
};

} // namespace Amo::Sync
