// SPDX-License-Identifier: MIT
#include "agent/operatorservice.h"

#include "agent/metricsserver.h"
#include "agent/syncevents.h"
#include "agent/syncmetrics.h"
#include "agent/workqueuemetrics.h"
#include "shared/config/operatorconfig.h"
#include "shared/kube/eventrecorder.h"
#include "shared/model/armresourceid.h"
#include "shared/sync/leaderelector.h"
#include "shared/sync/operatorclients.h"
#include "shared/sync/planbuilder.h"
#include "shared/sync/plantext.h"
#include "shared/sync/reconciler.h"
#include "shared/util/logger.h"

#include <QCoreApplication>
#include <QHostInfo>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace Amo::Agent {

namespace {
milliseconds toMs(Config::GoDuration duration)
{
    return duration_cast<milliseconds>(nanoseconds(duration.nanoseconds()));
}

QString subscriptionOf(const QString &msiId)
{
    Model::ArmResourceId id;
    QString ignored;
    return Model::ArmResourceId::parse(msiId, &id, &ignored) ? id.subscriptionId.toLower() : QString();
}
} // namespace

OperatorService::OperatorService(const Config::OperatorConfig &config, Sync::OperatorClients *clients,
                                 const Logger &logger, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clients(clients)
    , m_logger(logger)
{
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, &OperatorService::onStopped);
}

OperatorService::~OperatorService() = default;

QString OperatorService::defaultIdentity()
{
    return QHostInfo::localHostName() + u'_' + QString::number(QCoreApplication::applicationPid());
}

void OperatorService::enableEvents(const QString &instance)
{
    m_eventRecorder = new Kube::EventRecorder(m_clients->kube(), u"azure-msi-operator"_s, instance, this);
    m_events = std::make_unique<SyncEvents>(m_eventRecorder);
}

bool OperatorService::start(bool once, QString *error)
{
    Sync::ReconcilerOptions options;
    options.interval = toMs(m_config.syncInterval);
    options.lockTime = toMs(m_config.syncLockTime);
    options.watch = m_config.syncWatch && !once;
    if (once)
        options.requestRetries = -1; // one sync, one report: its writes retry on their own
    options.subscriptions = m_config.azureSubscriptions;
    m_reconciler = std::make_unique<Sync::Reconciler>(m_clients->arm(), m_clients->kube(), Sync::PlanBuilder(m_config),
                                                      options, m_logger);
    if (m_queueMetrics)
        m_queueMetrics->observe(&m_reconciler->queue());
    connect(m_reconciler.get(), &Sync::Reconciler::syncFinished, this, &OperatorService::onSyncFinished);
    connect(m_reconciler.get(), &Sync::Reconciler::stopped, this, &OperatorService::onStopped);
    connect(m_reconciler.get(), &Sync::Reconciler::readyChanged, this, [this](bool ready) {
        if (m_server)
            m_server->setReady(ready, m_reconciler->notReadyReason());
        m_logger.info(ready ? u"ready"_s : u"not ready"_s, {{u"reason"_s, m_reconciler->notReadyReason()}});
    });
    if (m_server)
        m_server->setReady(false, m_reconciler->notReadyReason());

    if (m_config.leaseEnable && !once) {
        Sync::LeaderElectorConfig lease;
        lease.ns
            = m_config.instanceNamespace.isEmpty() ? m_clients->serviceAccountNamespace() : m_config.instanceNamespace;
        if (lease.ns.isEmpty()) {
            *error = u"--lease.enable needs the namespace of the Lease: set --instance.namespace (INSTANCE_NAMESPACE) "
                     "or run in a pod with a service account"_s;
            return false;
        }
        lease.name = m_config.leaseName;
        lease.identity = m_config.instancePod.isEmpty() ? defaultIdentity() : m_config.instancePod;
        lease.leaseDuration = toMs(m_config.leaseDuration);
        lease.renewDeadline = toMs(m_config.leaseRenewDeadline);
        lease.retryPeriod = toMs(m_config.leaseRetryPeriod);
        const QString invalid = lease.validate(true);
        if (!invalid.isEmpty()) {
            *error = u"invalid lease settings (--lease.duration, --lease.renewdeadline, --lease.retryperiod): "_s
                + invalid;
            return false;
        }
        m_elector = std::make_unique<Sync::LeaderElector>(m_clients->kube(), lease);
        connect(m_elector.get(), &Sync::LeaderElector::leadershipChanged, this, &OperatorService::onLeadership);
        connect(m_elector.get(), &Sync::LeaderElector::released, this, [this] {
            m_released = true;
            m_logger.info(u"lease released"_s);
            Q_EMIT finished();
        });
        m_reconciler->setWriting(false);
        m_logger.info(u"competing for the lease"_s,
                      {{u"namespace"_s, lease.ns}, {u"lease"_s, lease.name}, {u"identity"_s, lease.identity}});
        m_reconciler->start();
        m_elector->start();
    } else {
        if (m_metrics)
            m_metrics->setLeader(true);
        m_reconciler->start();
    }
    return true;
}

void OperatorService::onLeadership(bool leader)
{
    m_logger.info(leader ? u"became the leader: writing"_s : u"not the leader: standing by"_s);
    if (m_metrics)
        m_metrics->setLeader(leader);
    if (!m_shuttingDown)
        m_reconciler->setWriting(leader);
    else if (!leader)
        m_reconciler->setWriting(false);
}

void OperatorService::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_logger.info(u"shutting down: finishing writes in flight"_s);
    m_drainTimer.start(kDrainMs);
    m_reconciler->stop();
}

void OperatorService::onStopped()
{
    if (!m_shuttingDown || m_released || m_stopHandled)
        return;
    m_stopHandled = true;
    if (m_drainTimer.isActive())
        m_drainTimer.stop();
    else
        m_logger.warning(u"writes still in flight at the shutdown bound; stopping anyway"_s);
    m_reconciler->setWriting(false);
    if (m_elector) {
        m_elector->release(); // emits released, which finishes
        return;
    }
    m_released = true;
    Q_EMIT finished();
}

void OperatorService::onSyncFinished(const Sync::SyncReport &report)
{
    logReport(report);
    recordMetrics(report);
    if (m_events && m_reconciler->isWriting() && report.error.isEmpty())
        m_events->record(report, m_reconciler->cluster());
    Q_EMIT syncFinished(report);
#ifdef __GLIBC__
    // A full sync frees as much as it allocated (listings, plans); glibc keeps freed small blocks in its
    // arenas, so give them back: the resident size then follows what the caches and catalog hold.
    if (report.kind == Sync::SyncReport::Kind::Full)
        malloc_trim(0);
#endif
}

void OperatorService::logReport(const Sync::SyncReport &report) const
{
    const bool full = report.kind == Sync::SyncReport::Kind::Full;
    for (const Sync::ActionResult &result : report.results) {
        if (result.outcome != Sync::ActionResult::Outcome::Failed)
            continue;
        m_logger.error(u"write failed"_s,
                       {{u"namespace"_s, result.action.namespaceName},
                        {u"object"_s, result.action.name},
                        {u"error"_s, result.error}});
    }
    for (const Sync::Action &action : report.plan.actions) {
        const Logger::Fields fields {{u"msi"_s, action.msiId},
                                     {u"namespace"_s, action.namespaceName},
                                     {u"object"_s, action.name},
                                     {u"code"_s, action.code}};
        // A conflict is someone else's object in our way (possibly an attempted take-over): always worth a warning.
        if (action.kind == Sync::Action::Kind::Conflict)
            m_logger.warning(action.reason, fields);
        else if (action.kind == Sync::Action::Kind::Skip)
            m_logger.debug(action.reason, fields);
    }
    int applied = 0;
    for (const Sync::ActionResult &result : report.results)
        applied += result.outcome == Sync::ActionResult::Outcome::Applied ? 1 : 0;
    Logger::Fields fields {{u"kind"_s, full ? u"full"_s : u"incremental"_s},
                           {u"plan"_s, Sync::PlanText::summary(report.plan)},
                           {u"written"_s, QString::number(applied)},
                           {u"failed"_s, QString::number(report.failures())},
                           {u"ms"_s, QString::number(report.startedAt.msecsTo(report.finishedAt))}};
    if (!full)
        fields.append({u"namespaces"_s, report.namespaces.join(u',')});
    if (!report.failedSubscriptions.isEmpty())
        fields.append({u"failedSubscriptions"_s, report.failedSubscriptions.join(u',')});
    if (!report.applied && report.plan.hasWrites())
        fields.append({u"writing"_s, u"no (standby)"_s});
    if (report.error.isEmpty())
        m_logger.info(u"sync finished"_s, fields);
}

void OperatorService::recordMetrics(const Sync::SyncReport &report)
{
    if (!m_metrics)
        return;
    if (report.kind == Sync::SyncReport::Kind::Full && report.listedAt.isValid()) {
        const double seconds = double(report.listingMs) / 1000.0;
        for (const QString &id : report.listedSubscriptions)
            m_metrics->recordListing(id, true, report.listedAt, seconds);
        for (const QString &id : report.failedSubscriptions)
            m_metrics->recordListing(id, false, report.listedAt, seconds);
    }
    if (report.error.isEmpty())
        m_metrics->recordPlan(report.plan);
    for (const Sync::ActionResult &result : report.results) {
        if (result.outcome != Sync::ActionResult::Outcome::Applied
            && result.outcome != Sync::ActionResult::Outcome::Failed)
            continue;
        m_metrics->recordWrite(subscriptionOf(result.action.msiId), result.action.resourceKind(),
                               result.outcome == Sync::ActionResult::Outcome::Applied);
    }
}

} // namespace Amo::Agent
