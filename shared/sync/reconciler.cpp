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

Reconciler::Reconciler(Azure::ArmClient *arm, Kube::KubeClient *kube, const PlanBuilder &builder,
                       const ReconcilerOptions &options, const Logger &logger, QObject *parent)
    : QObject(parent)
    , m_arm(arm)
    , m_kube(kube)
    , m_builder(builder)
    , m_options(options)
    , m_logger(logger)
    , m_applier(std::make_unique<Applier>(kube, &logger))
{
    m_applier->setConcurrency(options.concurrency);
    connect(m_applier.get(), &Applier::finished, this, &Reconciler::onApplied);
    m_intervalTimer.setSingleShot(true);
    m_lockTimer.setSingleShot(true);
    m_coalesceTimer.setSingleShot(true);
    connect(&m_intervalTimer, &QTimer::timeout, this, &Reconciler::requestFullSync);
    connect(&m_lockTimer, &QTimer::timeout, this, &Reconciler::schedule);
    connect(&m_coalesceTimer, &QTimer::timeout, this, &Reconciler::schedule);
}

Reconciler::~Reconciler()
{
    // The informers write into the sinks; they go first.
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
                if (m_running == Run::Full && m_report.listedAt.isValid() && cachesSynced())
                    planAndApply({});
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
    for (auto &informer : m_informers) {
        if (informer)
            informer->stop();
    }
    if (m_running == Run::None) {
        QMetaObject::invokeMethod(this, &Reconciler::stopped, Qt::QueuedConnection);
        return;
    }
    if (m_applier->isRunning()) {
        m_applier->cancel(); // in-flight writes finish, then onApplied ends the run
        return;
    }
    // A listing in flight is abandoned: nothing was written yet.
    delete m_job.data();
    m_report.error = tr("stopped before the listing finished");
    finishRun();
}

void Reconciler::setWriting(bool writing)
{
    if (m_writing == writing)
        return;
    m_writing = writing;
    if (!writing) {
        m_applier->cancel();
        m_fullPending = false;
        m_dirty.clear();
        m_intervalTimer.stop();
        m_lockTimer.stop();
        m_lastFullStart = {}; // a new leader term starts with a full sync at once
    }
    updateReady();
    if (writing && m_started)
        requestFullSync();
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
    m_dirty.insert(ns);
    if (!m_coalesceTimer.isActive())
        m_coalesceTimer.start(int(m_options.coalesce.count()));
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
    if (!m_started)
        return tr("not started");
    if (!cachesSynced())
        return tr("the Kubernetes caches have not synced yet");
    if (m_writing && !m_catalog.hasListed())
        return tr("no Azure listing has succeeded yet");
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
    if (m_stopping || m_running != Run::None || !m_writing)
        return;
    if (m_fullPending) {
        const QDateTime earliest
            = m_lastFullStart.isValid() ? m_lastFullStart.addMSecs(qint64(m_options.lockTime.count())) : QDateTime();
        const qint64 wait = earliest.isValid() ? now().msecsTo(earliest) : 0;
        if (wait <= 0) {
            startFull();
            return;
        }
        // Postponed to the end of the lock time, not dropped; incremental work goes on meanwhile.
        if (!m_lockTimer.isActive())
            m_lockTimer.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
    }
    if (!m_dirty.isEmpty() && !m_coalesceTimer.isActive() && m_catalog.hasListed() && cachesSynced())
        startIncremental();
}

void Reconciler::startFull()
{
    m_running = Run::Full;
    m_fullPending = false;
    m_lockTimer.stop();
    m_dirty.clear(); // a full sync plans every namespace
    m_lastFullStart = now();
    m_intervalTimer.start(int(std::min<qint64>(m_options.interval.count(), std::numeric_limits<int>::max())));
    m_report = SyncReport();
    m_report.kind = SyncReport::Kind::Full;
    m_report.startedAt = m_lastFullStart;
    ++m_fullSyncs;
    Q_EMIT syncStarted(SyncReport::Kind::Full);
    m_logger.debug(u"full sync started"_s);
    if (m_options.watch) {
        auto *job = m_arm->listMsis(m_options.subscriptions, this);
        connect(job, &Azure::MsiInventoryJob::finished, this, &Reconciler::onInventory);
        m_job = job;
        job->start();
    } else {
        auto *job = new SnapshotJob(m_arm, m_kube, m_options.subscriptions, m_catalog, m_kube->clock(), this);
        connect(job, &SnapshotJob::finished, this, &Reconciler::onSnapshot);
        m_job = job;
        job->start();
    }
}

void Reconciler::onInventory(const Azure::MsiInventory &inventory)
{
    m_catalog.update(inventory, now());
    // The inventory job has logged each failing subscription already.
    if (!takeListing(now(), inventory.ok ? QString() : inventory.error))
        return;
    if (cachesSynced())
        planAndApply({});
    // else: the informers' synced signal plans once they are complete
}

bool Reconciler::takeListing(const QDateTime &listedAt, const QString &inventoryError)
{
    m_report.listedAt = listedAt;
    m_report.listingMs = m_report.startedAt.msecsTo(listedAt);
    for (const SubscriptionState &state : m_catalog.subscriptions())
        (state.isFailing() ? m_report.failedSubscriptions : m_report.listedSubscriptions).append(state.info.id);
    if (!inventoryError.isEmpty() && !m_catalog.hasListed()) {
        m_report.error = tr("listing the subscriptions failed: %1").arg(inventoryError);
        finishRun();
        return false;
    }
    updateReady();
    setMappings(m_builder.map(m_catalog.msis(), now()));
    return true;
}

void Reconciler::onSnapshot(const Snapshot &snapshot)
{
    if (!snapshot.clusterError.isEmpty()) {
        m_catalog = snapshot.catalog;
        m_report.error = snapshot.clusterError;
        finishRun();
        return;
    }
    m_cluster = snapshot.cluster;
    m_catalog = snapshot.catalog; // the snapshot merged the listing into the previous catalog
    if (takeListing(snapshot.takenAt, snapshot.azureError))
        planAndApply({});
}

void Reconciler::setMappings(QList<Mapping::MsiMapping> mappings)
{
    m_mappings = std::move(mappings);
    m_mappingsByNamespace.clear();
    for (int i = 0; i < m_mappings.size(); ++i) {
        for (const Model::DesiredIdentity &identity : std::as_const(m_mappings[i].identities))
            m_mappingsByNamespace[identity.namespaceName].append(i);
    }
}

void Reconciler::startIncremental()
{
    m_running = Run::Incremental;
    const QSet<QString> scope = std::exchange(m_dirty, {});
    m_report = SyncReport();
    m_report.kind = SyncReport::Kind::Incremental;
    m_report.startedAt = now();
    m_report.namespaces = QStringList(scope.cbegin(), scope.cend());
    m_report.namespaces.sort();
    ++m_incrementalSyncs;
    Q_EMIT syncStarted(SyncReport::Kind::Incremental);
    planAndApply(scope);
}

void Reconciler::planAndApply(const QSet<QString> &scope)
{
    const QDateTime at = now();
    const QStringList failed = m_catalog.failedSubscriptions();
    // An incremental sync plans only the MSIs aimed at its namespaces, so its cost follows the
    // change, not the size of the whole inventory; reports outside the scope are dropped below.
    QList<Mapping::MsiMapping> scoped;
    if (!scope.isEmpty()) {
        QList<int> indices;
        for (const QString &ns : scope)
            indices << m_mappingsByNamespace.value(ns);
        std::sort(indices.begin(), indices.end());
        indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
        for (int i : std::as_const(indices))
            scoped.append(m_mappings.at(i));
    }
    const QList<Mapping::MsiMapping> &planned = scope.isEmpty() ? m_mappings : scoped;
    Plan plan = m_builder.plan(planned, m_cluster, at, failed);
    if (!scope.isEmpty()) {
        QList<Action> kept;
        for (const Action &action : std::as_const(plan.actions)) {
            if (scope.contains(action.namespaceName))
                kept.append(action);
        }
        plan.actions = kept;
    }
    m_report.plan = plan;
    if (!m_writing || m_stopping || !plan.hasWrites()) {
        finishRun();
        return;
    }
    m_applier->setReplan(m_builder.replanner(planned, m_cluster, at, failed));
    m_report.applied = true;
    m_applier->apply(plan);
}

void Reconciler::onApplied(const QList<ActionResult> &results)
{
    if (m_running == Run::None)
        return;
    m_report.results = results;
    finishRun();
}

void Reconciler::finishRun()
{
    m_report.finishedAt = now();
    m_running = Run::None;
    m_job.clear();
    const SyncReport report = m_report;
    if (!report.error.isEmpty())
        m_logger.error(u"sync failed"_s, {{u"error"_s, report.error}});
    Q_EMIT syncFinished(report);
    updateReady();
    if (m_stopping) {
        Q_EMIT stopped();
        return;
    }
    schedule();
}

} // namespace Amo::Sync
