// SPDX-License-Identifier: MIT
#pragma once

#include "shared/mapping/msimapping.h"
#include "shared/model/clusterstate.h"
#include "shared/sync/msicatalog.h"
#include "shared/sync/planbuilder.h"
#include "shared/sync/ratelimiter.h"
#include "shared/sync/syncreport.h"
#include "shared/sync/workloadstatejob.h"
#include "shared/sync/workqueue.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <list>
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
    int concurrency = 4; // writes in flight per batch
    RateLimiter::Options retry; // per-key backoff of failed writes (client-go's controller defaults)
    // Retries of each write request itself. 0: the queue alone retries, and it stops when leadership
    // ends; -1: the client's own rules, for a single sync (--sync.once) that reports its first result.
    int requestRetries = 0;
    std::chrono::milliseconds listingRetryBase {std::chrono::seconds(1)}; // a failed full sync, doubling
    std::chrono::milliseconds listingRetryCap {std::chrono::minutes(5)};
};

/**
 * The sync loop, keyed by namespace as controller-runtime keys by object. A full sync lists the
 * MSIs from Azure (with --sync.watch; else also fresh paged lists of the cluster) and enqueues every
 * namespace concerned into a WorkQueue; a watch event enqueues its namespace after a short
 * coalescing window. Workers take every ready key at once as one batch, plan those namespaces from
 * the caches and apply the writes; a batch whose key had a failed write puts the key back with
 * per-key exponential backoff (the full sync's batch is reported as the full sync). A key is never
 * in two batches at once; one marked meanwhile runs again afterwards. Up to kMaxBatches run at the
 * same time, and the Azure listing runs beside them, so incremental work never waits for a full
 * sync or a stalled Azure. Full syncs run at start and then every interval, start to start, never
 * closer than the lock time (a trigger inside it is postponed to its end, never dropped); a full
 * sync that failed is retried after 1 s, doubling to 5 min. A 409 re-plans its one key. Without
 * writing (a standby) it keeps the caches warm and lists nothing from Azure; losing the right to
 * write aborts every request in flight at once.
 */
class Reconciler : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxBatches = 2;

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
    /** Whether this replica writes (the Lease holder, or no election). Losing it aborts every write in flight. */
    void setWriting(bool writing);
    bool isWriting() const { return m_writing; }

    /** Asks for a full sync; it runs as soon as the lock time and a running listing allow. */
    void requestFullSync();
    /** Marks one namespace for an incremental sync (what watch events do). */
    void markNamespace(const QString &ns);

    /** Caches synced (with watches) and, when writing, the first Azure listing succeeded; never while stopping. */
    bool isReady() const;
    QString notReadyReason() const;
    bool isBusy() const { return m_listing || !m_batches.empty(); }
    bool cachesSynced() const;

    const MsiCatalog &catalog() const { return m_catalog; }
    const Model::ClusterState &cluster() const { return m_cluster; }
    const QList<Mapping::MsiMapping> &mappings() const { return m_mappings; }
    const WorkQueue &queue() const { return m_queue; }
    int fullSyncs() const { return m_fullSyncs; }
    int incrementalSyncs() const { return m_incrementalSyncs; }

Q_SIGNALS:
    void syncStarted(Amo::Sync::SyncReport::Kind kind);
    void syncFinished(const Amo::Sync::SyncReport &report);
    void readyChanged(bool ready);
    void stopped();

private:
    struct Batch
    {
        SyncReport report;
        QStringList keys;
        std::unique_ptr<Applier> applier;
    };

    void schedule();
    void startFull();
    void onInventory(const Azure::MsiInventory &inventory);
    void onSnapshot(const Snapshot &snapshot);
    /** Records a finished Azure listing in the report and maps the MSIs; false when nothing can be planned. */
    bool takeListing(const QDateTime &listedAt, const QString &inventoryError);
    /** The listing of a full sync failed: report it and try again soon, with backoff. */
    void failFull(const QString &error);
    /** Enqueues every namespace the MSIs or the cluster name; the next batch carries the full report. */
    void enqueueAll();
    /** After a listing: reads the workload identity state first when that mode is on, then enqueueAll(). */
    void afterListing();
    void onWorkloadState(const WorkloadStateResult &result);
    /** Keeps the workload state in step with a write that landed, until the next full read. */
    void rememberWorkloadWrite(const Action &action);
    void pump();
    void startBatch(const QStringList &keys, bool full);
    Plan planKeys(const QSet<QString> &keys, bool full) const;
    void onBatchApplied(Batch *batch, const QList<ActionResult> &results);
    void finishBatch(Batch *batch);
    void flushMarks();
    void abandonListing();
    void checkStopped();
    void updateReady();
    void setMappings(QList<Mapping::MsiMapping> mappings);
    QList<Mapping::MsiMapping> mappingsFor(const QString &ns) const;
    QDateTime now() const;

    Azure::ArmClient *m_arm;
    Kube::KubeClient *m_kube;
    PlanBuilder m_builder;
    ReconcilerOptions m_options;
    const Logger &m_logger;
    MsiCatalog m_catalog;
    Model::ClusterState m_cluster;
    Workload::WorkloadState m_workload; // ServiceAccounts and credentials, read at each full sync
    bool m_workloadOk = false; // the last read of it succeeded
    QList<Mapping::MsiMapping> m_mappings;
    QHash<QString, QList<int>> m_mappingsByNamespace; // target namespace -> indices into m_mappings
    std::unique_ptr<ClusterStateSink> m_sinks[3];
    std::unique_ptr<Kube::Informer> m_informers[3];
    WorkQueue m_queue; // namespaces to plan and apply
    std::list<std::unique_ptr<Batch>> m_batches; // in flight
    QPointer<QObject> m_listing; // the full sync's Azure listing in flight
    SyncReport m_fullReport; // of the full sync being listed, until its batch takes it
    QString m_lastListingError; // why the last full sync's listing failed; empty once one succeeds
    bool m_fullListed = false; // a listing finished; the next batch is the full sync's
    RateLimiter m_listingBackoff;
    bool m_started = false;
    bool m_stopping = false;
    bool m_writing = true;
    bool m_fullPending = false;
    bool m_retryingFull = false; // the pending full sync retries a failed one: the lock time does not hold it
    bool m_ready = false;
    bool m_stoppedEmitted = false;
    QSet<QString> m_marks; // namespaces marked by watch events in the coalescing window
    QDateTime m_lastFullStart;
    QTimer m_intervalTimer; // next regular full sync
    QTimer m_lockTimer; // a postponed full sync
    QTimer m_coalesceTimer; // gathers watch events
    QTimer m_listingRetryTimer; // a failed full sync, again
    int m_fullSyncs = 0;
    int m_incrementalSyncs = 0;
};

} // namespace Amo::Sync
