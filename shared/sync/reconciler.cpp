// SPDX-License-Identifier: MIT
#include "shared/sync/reconciler.h"

#include "shared/azure/armclient.h"
#include "shared/azure/msiinventoryjob.h"
#include "shared/kube/informer.h"
#include "shared/kube/kubeclient.h"
#include "shared/sync/applier.h"
#include "shared/sync/clusterstatesink.h"
#include "shared/sync/snapshotjob.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amo::Sync {

namespace {
// Actions without a namespace (a whole MSI skipped) belong to this key; no namespace can be named so.
const QString kClusterKey = u"/"_s;

QString keyOf(const Action &action)
{
    return action.namespaceName.isEmpty() ? kClusterKey : action.namespaceName;
}

RateLimiter::Options listingBackoff(const ReconcilerOptions &options)
{
    RateLimiter::Options limits;
    limits.base = options.listingRetryBase;
    limits.cap = std::max(options.listingRetryBase, options.listingRetryCap);
    limits.qps = 0; // one key: the bucket adds nothing
    return limits;
}

int timerMs(std::chrono::milliseconds ms)
{
    return int(std::clamp<qint64>(ms.count(), 0, std::numeric_limits<int>::max()));
}
} // namespace

Reconciler::Reconciler(Azure::ArmClient *arm, Kube::KubeClient *kube, const PlanBuilder &builder,
                       const ReconcilerOptions &options, const Logger &logger, QObject *parent)
    : QObject(parent)
    , m_arm(arm)
    , m_kube(kube)
    , m_builder(builder)
    , m_options(options)
    , m_logger(logger)
    , m_queue(options.retry)
    , m_listingBackoff(listingBackoff(options))
{
    m_intervalTimer.setSingleShot(true);
    m_lockTimer.setSingleShot(true);
    m_coalesceTimer.setSingleShot(true);
    m_listingRetryTimer.setSingleShot(true);
    connect(&m_intervalTimer, &QTimer::timeout, this, &Reconciler::requestFullSync);
    connect(&m_lockTimer, &QTimer::timeout, this, &Reconciler::schedule);
    connect(&m_coalesceTimer, &QTimer::timeout, this, &Reconciler::flushMarks);
    connect(&m_listingRetryTimer, &QTimer::timeout, this, [this] {
        m_retryingFull = true;
        requestFullSync();
    });
    connect(&m_queue, &WorkQueue::keyReady, this, &Reconciler::pump);
}

Reconciler::~Reconciler()
{
    // Requests in flight go with their appliers; the informers write into the sinks, so they go first.
    m_batches.clear();
    for (auto &informer : m_informers)
        informer.reset();
}

QDateTime Reconciler::now() const
{
    return m_kube->clock().nowUtc();
}

void Reconciler::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_options.watch) {
        const ClusterStateSink::Kind kinds[]
            = {ClusterStateSink::Kind::Namespace, ClusterStateSink::Kind::Identity, ClusterStateSink::Kind::Binding};
        const Kube::Resource resources[]
            = {Kube::Resource::Namespaces, Kube::Resource::AzureIdentities, Kube::Resource::AzureIdentityBindings};
        for (int i = 0; i < 3; ++i) {
            m_sinks[i] = std::make_unique<ClusterStateSink>(kinds[i], &m_cluster);
            m_informers[i] = std::make_unique<Kube::Informer>(m_kube, resources[i], QString(), m_sinks[i].get());
            Kube::Informer *informer = m_informers[i].get();
            // The first list reports every object; only changes after it are work.
            m_sinks[i]->onChange = [this, informer](const ClusterStateSink::Change &change) {
                if (informer->hasSynced())
                    markNamespace(change.namespaceName);
            };
            connect(informer, &Kube::Informer::synced, this, [this] {
                updateReady();
                pump();
            });
            connect(informer, &Kube::Informer::failed, this, [this, i](const Kube::KubeError &error) {
                m_logger.warning(
                    u"watch failed; retrying"_s,
                    {{u"resource"_s, Kube::ResourceInfo::of(Kube::Resource(i)).plural}, {u"error"_s, error.message}});
            });
        }
        for (auto &informer : m_informers)
            informer->start();
    }
    updateReady();
    if (m_writing)
        requestFullSync();
}

void Reconciler::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_intervalTimer.stop();
    m_lockTimer.stop();
    m_coalesceTimer.stop();
    m_listingRetryTimer.stop();
    m_marks.clear();
    for (auto &informer : m_informers) {
        if (informer)
            informer->stop();
    }
    updateReady();
    if (m_listing) {
        // A listing in flight is abandoned: nothing was written for it yet.
        abandonListing();
        m_fullReport.error = tr("stopped before the listing finished");
        m_fullReport.finishedAt = now();
        Q_EMIT syncFinished(m_fullReport);
    }
    m_fullListed = false;
    // Writes not sent yet are cancelled; those in flight finish, then their batches end.
    const std::list<Batch *> running = [this] {
        std::list<Batch *> list;
        for (const auto &batch : m_batches)
            list.push_back(batch.get());
        return list;
    }();
    for (Batch *batch : running)
        batch->applier->cancel();
    checkStopped();
}

void Reconciler::checkStopped()
{
    if (!m_stopping || m_stoppedEmitted || isBusy())
        return;
    m_stoppedEmitted = true;
    QMetaObject::invokeMethod(this, &Reconciler::stopped, Qt::QueuedConnection);
}

void Reconciler::abandonListing()
{
    delete m_listing.data();
    m_listing.clear();
}

void Reconciler::setWriting(bool writing)
{
    if (m_writing == writing)
        return;
    m_writing = writing;
    if (!writing) {
        // Another replica may lead from now on: nothing more may reach the API server from here, not
        // even a retry of a write already sent.
        m_fullPending = false;
        m_retryingFull = false;
        m_fullListed = false;
        m_marks.clear();
        m_queue.clear();
        m_intervalTimer.stop();
        m_lockTimer.stop();
        m_coalesceTimer.stop();
        m_listingRetryTimer.stop();
        m_listingBackoff = RateLimiter(listingBackoff(m_options));
        m_lastFullStart = {}; // a new leader term starts with a full sync at once
        abandonListing();
        std::list<Batch *> running;
        for (const auto &batch : m_batches)
            running.push_back(batch.get());
        for (Batch *batch : running)
            batch->applier->abort(tr("aborted: this replica stopped leading"));
    }
    updateReady();
    if (writing && m_started)
        requestFullSync();
    checkStopped();
}

void Reconciler::requestFullSync()
{
    if (m_stopping)
        return;
    m_fullPending = true;
    schedule();
}

void Reconciler::markNamespace(const QString &ns)
{
    if (m_stopping || !m_writing || ns.isEmpty())
        return;
    m_marks.insert(ns);
    if (!m_coalesceTimer.isActive())
        m_coalesceTimer.start(timerMs(m_options.coalesce));
}

void Reconciler::flushMarks()
{
    const QSet<QString> marks = std::exchange(m_marks, {});
    if (m_stopping || !m_writing)
        return;
    for (const QString &ns : marks)
        m_queue.add(ns);
}

bool Reconciler::cachesSynced() const
{
    if (!m_options.watch)
        return true;
    for (const auto &informer : m_informers) {
        if (!informer || !informer->hasSynced())
            return false;
    }
    return true;
}

bool Reconciler::isReady() const
{
    return notReadyReason().isEmpty();
}

QString Reconciler::notReadyReason() const
{
    if (m_stopping)
        return tr("shutting down");
    if (!m_started)
        return tr("not started");
    if (!cachesSynced())
        return tr("the Kubernetes caches have not synced yet");
    if (m_writing && !m_catalog.hasListed()) {
        // Say why, so that /readyz names a token or listing outage without a look at the log.
        return m_lastListingError.isEmpty()
            ? tr("no Azure listing has succeeded yet")
            : tr("no Azure listing has succeeded yet; the last one failed: %1").arg(m_lastListingError);
    }
    return {};
}

void Reconciler::updateReady()
{
    const bool ready = isReady();
    if (ready != m_ready) {
        m_ready = ready;
        Q_EMIT readyChanged(ready);
    }
}

void Reconciler::schedule()
{
    if (m_stopping || !m_writing)
        return;
    if (m_fullPending && !m_listing && !m_fullListed) {
        const QDateTime earliest
            = m_lastFullStart.isValid() ? m_lastFullStart.addMSecs(qint64(m_options.lockTime.count())) : QDateTime();
        const qint64 wait = earliest.isValid() && !m_retryingFull ? now().msecsTo(earliest) : 0;
        if (wait <= 0) {
            startFull();
        } else if (!m_lockTimer.isActive()) {
            // Postponed to the end of the lock time, not dropped; incremental work goes on meanwhile.
            m_lockTimer.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
        }
    }
    pump();
}

void Reconciler::startFull()
{
    m_fullPending = false;
    m_retryingFull = false;
    m_lockTimer.stop();
    m_lastFullStart = now();
    m_intervalTimer.start(timerMs(m_options.interval));
    m_fullReport = SyncReport();
    m_fullReport.kind = SyncReport::Kind::Full;
    m_fullReport.startedAt = m_lastFullStart;
    ++m_fullSyncs;
    Q_EMIT syncStarted(SyncReport::Kind::Full);
    m_logger.debug(u"full sync started"_s);
    if (m_options.watch) {
        auto *job = m_arm->listMsis(m_options.subscriptions, this);
        connect(job, &Azure::MsiInventoryJob::finished, this, &Reconciler::onInventory);
        m_listing = job;
        job->start();
    } else {
        auto *job = new SnapshotJob(m_arm, m_kube, m_options.subscriptions, m_catalog, m_kube->clock(), this);
        connect(job, &SnapshotJob::finished, this, &Reconciler::onSnapshot);
        m_listing = job;
        job->start();
    }
}

void Reconciler::onInventory(const Azure::MsiInventory &inventory)
{
    m_listing.clear();
    m_catalog.update(inventory, now());
    // The inventory job has logged each failing subscription already.
    if (takeListing(now(), inventory.ok ? QString() : inventory.error))
        afterListing();
}

bool Reconciler::takeListing(const QDateTime &listedAt, const QString &inventoryError)
{
    m_fullReport.listedAt = listedAt;
    m_fullReport.listingMs = m_fullReport.startedAt.msecsTo(listedAt);
    for (const SubscriptionState &state : m_catalog.subscriptions())
        (state.isFailing() ? m_fullReport.failedSubscriptions : m_fullReport.listedSubscriptions).append(state.info.id);
    if (!inventoryError.isEmpty() && !m_catalog.hasListed()) {
        failFull(tr("listing the subscriptions failed: %1").arg(inventoryError));
        return false;
    }
    m_listingBackoff.forget(kClusterKey);
    m_lastListingError.clear();
    updateReady();
    setMappings(m_builder.map(m_catalog.msis(), now()));
    return true;
}

void Reconciler::failFull(const QString &error)
{
    m_lastListingError = error;
    m_fullReport.error = error;
    m_fullReport.finishedAt = now();
    const std::chrono::milliseconds delay = m_listingBackoff.when(kClusterKey);
    m_logger.error(u"sync failed"_s, {{u"error"_s, error}, {u"retryInMs"_s, QString::number(delay.count())}});
    Q_EMIT syncFinished(m_fullReport);
    updateReady();
    if (!m_stopping && m_writing)
        m_listingRetryTimer.start(timerMs(delay));
    schedule();
}

void Reconciler::onSnapshot(const Snapshot &snapshot)
{
    m_listing.clear();
    if (!snapshot.clusterError.isEmpty()) {
        m_catalog = snapshot.catalog;
        failFull(snapshot.clusterError);
        return;
    }
    m_cluster = snapshot.cluster;
    m_catalog = snapshot.catalog; // the snapshot merged the listing into the previous catalog
    if (takeListing(snapshot.takenAt, snapshot.azureError))
        afterListing();
}

void Reconciler::afterListing()
{
    if (!m_builder.workloadEnabled()) {
        enqueueAll();
        return;
    }
    auto *job = new WorkloadStateJob(m_kube, m_arm, m_builder.workloadIdentities(m_mappings), this);
    connect(job, &WorkloadStateJob::finished, this, &Reconciler::onWorkloadState);
    m_listing = job;
    job->start();
}

void Reconciler::onWorkloadState(const WorkloadStateResult &result)
{
    m_listing.clear();
    m_workloadOk = result.ok();
    if (result.ok()) {
        m_workload = result.state;
    } else {
        // The AzureIdentity half still syncs; workload writes wait for a state that could be read.
        m_logger.error(u"reading the workload identity state failed"_s, {{u"error"_s, result.error}});
    }
    enqueueAll();
}

void Reconciler::rememberWorkloadWrite(const Action &action)
{
    switch (action.kind) {
    case Action::Kind::CreateServiceAccount:
        m_workload.serviceAccounts.append(Workload::ObservedServiceAccount::fromJson(action.object.toJson()));
        break;
    case Action::Kind::UpdateServiceAccount: {
        const QJsonObject metadata = action.patch.value(u"metadata"_s).toObject();
        for (Workload::ObservedServiceAccount &sa : m_workload.serviceAccounts) {
            if (sa.namespaceName != action.namespaceName || sa.name != action.name)
                continue;
            for (const char *section : {"labels", "annotations"}) {
                QMap<QString, QString> &target = qstrcmp(section, "labels") == 0 ? sa.labels : sa.annotations;
                const QJsonObject values = metadata.value(QLatin1StringView(section)).toObject();
                for (auto it = values.begin(); it != values.end(); ++it)
                    target.insert(it.key(), it.value().toString());
            }
            sa.resourceVersion.clear(); // unknown until read again: a further patch waits for the next full sync
        }
        break;
    }
    case Action::Kind::CreateFederatedCredential:
    case Action::Kind::UpdateFederatedCredential: {
        Workload::FederatedCredential written;
        QString problem;
        QJsonObject item = action.object.toJson();
        item.insert(u"name"_s, action.name);
        if (!Workload::FederatedCredential::fromArmJson(item, &written, &problem))
            break;
        QList<Workload::FederatedCredential> &list = m_workload.credentials[action.msiId.toLower()];
        list.removeIf([&](const Workload::FederatedCredential &c) { return c.name == written.name; });
        list.append(written);
        break;
    }
    default:
        break;
    }
}

void Reconciler::enqueueAll()
{
    m_fullListed = true;
    m_queue.add(kClusterKey);
    for (const QString &ns : m_cluster.namespaceNames())
        m_queue.add(ns);
    for (auto it = m_mappingsByNamespace.cbegin(); it != m_mappingsByNamespace.cend(); ++it)
        m_queue.add(it.key());
    pump();
}

void Reconciler::setMappings(QList<Mapping::MsiMapping> mappings)
{
    m_mappings = std::move(mappings);
    m_mappingsByNamespace.clear();
    for (int i = 0; i < m_mappings.size(); ++i) {
        for (const Model::DesiredIdentity &identity : std::as_const(m_mappings[i].identities)) {
            QList<int> &indices = m_mappingsByNamespace[identity.namespaceName];
            if (indices.isEmpty() || indices.constLast() != i)
                indices.append(i);
        }
    }
}

QList<Mapping::MsiMapping> Reconciler::mappingsFor(const QString &ns) const
{
    QList<Mapping::MsiMapping> aimed;
    for (int i : m_mappingsByNamespace.value(ns))
        aimed.append(m_mappings.at(i));
    return aimed;
}

void Reconciler::pump()
{
    if (m_stopping || !m_writing || !m_catalog.hasListed() || !cachesSynced())
        return;
    while (int(m_batches.size()) < kMaxBatches && m_queue.hasReady()) {
        QStringList keys;
        while (const std::optional<QString> key = m_queue.take())
            keys.append(*key);
        startBatch(keys, std::exchange(m_fullListed, false));
    }
}

Plan Reconciler::planKeys(const QSet<QString> &keys, bool full) const
{
    const QDateTime at = now();
    const QStringList failed = m_catalog.failedSubscriptions();
    const Workload::WorkloadState *workload = m_workloadOk ? &m_workload : nullptr;
    // A batch plans only the MSIs aimed at its namespaces, so its cost follows the change, not the
    // size of the whole inventory; the full sync's batch plans them all.
    Plan plan;
    if (full) {
        plan = m_builder.plan(m_mappings, m_cluster, at, failed, workload);
    } else {
        QList<int> indices;
        for (const QString &ns : keys)
            indices << m_mappingsByNamespace.value(ns);
        std::sort(indices.begin(), indices.end());
        indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
        QList<Mapping::MsiMapping> scoped;
        for (int i : std::as_const(indices))
            scoped.append(m_mappings.at(i));
        plan = m_builder.plan(scoped, m_cluster, at, failed, workload);
    }
    // Keys in another batch are left to it (they run again after it). An incremental batch drops what
    // lies outside its keys; the full one keeps the rest, e.g. a skip naming an invalid namespace.
    // In place: a second list of 10,000 actions would be the largest thing a full sync holds.
    plan.actions.removeIf([&](const Action &action) {
        const QString key = keyOf(action);
        return !keys.contains(key) && !(full && !m_queue.isProcessing(key));
    });
    return plan;
}

void Reconciler::startBatch(const QStringList &keys, bool full)
{
    auto owned = std::make_unique<Batch>();
    Batch *batch = owned.get();
    m_batches.push_back(std::move(owned));
    batch->keys = keys;
    if (full) {
        batch->report = std::exchange(m_fullReport, SyncReport());
    } else {
        batch->report.kind = SyncReport::Kind::Incremental;
        batch->report.startedAt = now();
        for (const QString &key : keys) {
            if (key != kClusterKey)
                batch->report.namespaces.append(key);
        }
        batch->report.namespaces.sort();
        ++m_incrementalSyncs;
        Q_EMIT syncStarted(SyncReport::Kind::Incremental);
    }
    batch->report.plan = planKeys(QSet<QString>(keys.cbegin(), keys.cend()), full);
    batch->applier = std::make_unique<Applier>(m_kube, &m_logger);
    batch->applier->setArm(m_arm);
    if (!batch->report.plan.hasWrites()) {
        onBatchApplied(batch, {});
        return;
    }
    Applier *applier = batch->applier.get();
    applier->setConcurrency(m_options.concurrency);
    applier->setRequestRetries(m_options.requestRetries);
    const QDateTime at = now();
    const QStringList failed = m_catalog.failedSubscriptions();
    // A 409 re-plans that one namespace from the live caches, not a copy of the world.
    applier->setReplan([this, at, failed](const Action &stale, const QJsonObject &fresh) {
        return m_builder.replanOne(mappingsFor(stale.namespaceName), m_cluster.slice(stale.namespaceName), at, failed,
                                   stale, fresh);
    });
    connect(applier, &Applier::finished, this,
            [this, batch](const QList<ActionResult> &results) { onBatchApplied(batch, results); });
    batch->report.applied = true;
    applier->apply(batch->report.plan);
}

void Reconciler::onBatchApplied(Batch *batch, const QList<ActionResult> &results)
{
    batch->report.results = results;
    QSet<QString> failed;
    for (const ActionResult &result : results) {
        if (result.outcome == ActionResult::Outcome::Failed)
            failed.insert(keyOf(result.action));
        else if (result.outcome == ActionResult::Outcome::Applied)
            rememberWorkloadWrite(result.action);
    }
    const bool retry = m_writing && !m_stopping;
    for (const QString &key : std::as_const(batch->keys)) {
        if (failed.contains(key) && retry)
            m_queue.addRateLimited(key);
        else if (!failed.contains(key))
            m_queue.forget(key);
        m_queue.done(key);
    }
    // Out of the applier's signal before it goes.
    QMetaObject::invokeMethod(
        this, [this, batch] { finishBatch(batch); }, Qt::QueuedConnection);
}

void Reconciler::finishBatch(Batch *batch)
{
    const auto it = std::find_if(m_batches.begin(), m_batches.end(),
                                 [batch](const std::unique_ptr<Batch> &b) { return b.get() == batch; });
    if (it == m_batches.end())
        return;
    const std::unique_ptr<Batch> done = std::move(*it);
    m_batches.erase(it);
    done->report.finishedAt = now();
    Q_EMIT syncFinished(done->report);
    updateReady();
    checkStopped();
    schedule();
}

} // namespace Amo::Sync
