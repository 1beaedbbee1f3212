// SPDX-License-Identifier: MIT
#include "gui/session/dashboardsession.h"

#include "gui/session/dashboardanalyzer.h"
#include "gui/session/demohost.h"
#include "gui/session/livecluster.h"
#include "gui/session/stalenesscheck.h"
#include "gui/session/workloadreadjob.h"
#include "gui/session/writeaccesscheck.h"
#include "shared/kube/kubeclient.h"
#include "shared/kube/requestjob.h"
#include "shared/sandbox/scenario.h"
#include "shared/sync/applier.h"
#include "shared/sync/planbuilder.h"
#include "shared/sync/snapshotjob.h"
#include "shared/util/clock.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

DashboardSession::DashboardSession(const Config::OperatorConfig &config, const Sync::ClientEnvironment &environment,
                                   bool demo, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_environment(environment)
    , m_isDemo(demo)
    , m_logger(Logger::Format::Text, Logger::Level::Warning, stderr, Clock::system())
{
    connect(&m_analysis, &QFutureWatcher<DashboardDataPtr>::finished, this, &DashboardSession::onAnalysed);
    // the cluster is live; Azure has no watch and is listed again now and then
    connect(&m_azureTimer, &QTimer::timeout, this, [this] {
        if (!isLoading() && !isApplying())
            refresh();
    });
    setAzureInterval(5 * 60 * 1000);
}

void DashboardSession::setAzureInterval(int ms)
{
    m_azureTimer.stop();
    if (ms > 0) {
        m_azureTimer.setInterval(ms);
        m_azureTimer.start();
    }
}

bool DashboardSession::isLive() const
{
    return m_live && m_live->isSynced();
}

void DashboardSession::startLive()
{
    m_live = std::make_unique<LiveCluster>(m_clients->kube());
    connect(m_live.get(), &LiveCluster::changed, this, &DashboardSession::onLiveChanged);
    connect(m_live.get(), &LiveCluster::synced, this, &DashboardSession::liveStarted);
    m_live->start();
}

void DashboardSession::onLiveChanged()
{
    if (m_purpose != Purpose::None || isApplying() || !m_data || m_problems.blocking()) {
        m_livePending = true; // re-planned once the read or apply in progress is done
        return;
    }
    m_livePending = false;
    Sync::Snapshot snapshot = m_data->snapshot; // Azure as last listed (its takenAt stays: the Azure age)
    snapshot.cluster = m_live->state();
    ++m_generation;
    setPurpose(Purpose::Live);
    analyse(snapshot);
}

DashboardSession::~DashboardSession()
{
    cancel();
    m_analysis.waitForFinished();
    m_applier.reset();
    m_live.reset(); // its informers use the client
    m_clients.reset();
}

void DashboardSession::setDemoScenario(const Sandbox::Scenario &scenario)
{
    m_demoScenario = std::make_unique<Sandbox::Scenario>(scenario);
}

bool DashboardSession::open(QString *error)
{
    if (m_isDemo) {
        m_demo = std::make_unique<DemoHost>();
        const bool started = m_demoScenario ? m_demo->start(*m_demoScenario, error) : m_demo->start(error);
        if (!started)
            return false;
        m_config = m_demo->config(m_config);
        m_environment = m_demo->environment();
    }
    m_clients = Sync::OperatorClients::create(m_config, m_environment, Clock::system(), m_logger, error);
    return m_clients != nullptr;
}

void DashboardSession::refresh()
{
    read(Purpose::Load);
}

void DashboardSession::preview()
{
    read(Purpose::Preview);
}

void DashboardSession::setPurpose(Purpose purpose)
{
    const bool was = isLoading();
    m_purpose = purpose;
    if (was != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

void DashboardSession::read(Purpose purpose)
{
    if (!m_clients || isApplying())
        return;
    if (m_job)
        m_job->cancel(); // its answer is dropped through the generation below
    if (m_workloadJob)
        m_workloadJob->cancel();
    ++m_generation;
    setPurpose(purpose);
    const Sync::MsiCatalog previous = m_data ? m_data->snapshot.catalog : Sync::MsiCatalog();
    auto *job = new Sync::SnapshotJob(m_clients->arm(), m_clients->kube(), m_config.azureSubscriptions, previous,
                                      Clock::system(), this);
    m_job = job;
    const quint64 generation = m_generation;
    connect(job, &Sync::SnapshotJob::progress, this, &DashboardSession::progress);
    connect(job, &Sync::SnapshotJob::finished, this, [this, generation](const Sync::Snapshot &snapshot) {
        if (generation != m_generation)
            return;
        if (m_config.workloadIdentityEnable && snapshot.ok())
            readWorkload(snapshot, generation);
        else
            onSnapshot(snapshot);
    });
    job->start();
}

void DashboardSession::readWorkload(const Sync::Snapshot &snapshot, quint64 generation)
{
    Config::OperatorConfig config = m_config;
    if (config.workloadIdentityIssuer.isEmpty())
        config.workloadIdentityIssuer = m_issuer;
    Q_EMIT progress(tr("Reading ServiceAccounts, federated credentials and pods"), 0, 1);
    auto *job = new WorkloadReadJob(m_clients->kube(), m_clients->arm(), config, snapshot.catalog.msis(),
                                    Clock::system().nowUtc(), this);
    m_workloadJob = job;
    connect(job, &WorkloadReadJob::finished, this, [this, generation, snapshot](const WorkloadReadResult &read) {
        if (generation != m_generation)
            return;
        if (!read.issuer.isEmpty())
            m_issuer = read.issuer;
        Sync::Snapshot complete = snapshot;
        complete.workload = read.state.state;
        complete.workloadError = read.state.error;
        complete.workloadRead = read.stateRead;
        m_migration = read.migration;
        onSnapshot(complete);
    });
    job->start();
}

void DashboardSession::setWorkloadIdentity(bool enabled)
{
    if (m_config.workloadIdentityEnable == enabled)
        return;
    m_config.workloadIdentityEnable = enabled;
    if (!enabled)
        m_migration = {};
}

void DashboardSession::cancel()
{
    if (!isLoading())
        return;
    ++m_generation;
    if (m_job)
        m_job->cancel();
    if (m_workloadJob)
        m_workloadJob->cancel();
    if (m_purpose == Purpose::Verify)
        Q_EMIT applyRefused({tr("Cancelled before anything was written.")});
    setPurpose(Purpose::None);
}

void DashboardSession::onSnapshot(const Sync::Snapshot &snapshot)
{
    const ReadProblems problems = problemsOf(snapshot);
    if (m_purpose == Purpose::Verify) {
        setPurpose(Purpose::None);
        if (problems.blocking()) {
            // never write on the strength of a read that failed
            Q_EMIT applyRefused({problems.cluster.isEmpty() ? problems.azure : problems.cluster});
            return;
        }
        startApply(snapshot);
        return;
    }
    setProblems(problems);
    if (problems.blocking()) {
        // keep the last good load (the window marks it stale) and build no plan on this read
        setPurpose(Purpose::None);
        readLease();
        Q_EMIT loadFailed(problems.cluster.isEmpty() ? problems.azure : problems.cluster);
        return;
    }
    analyse(snapshot);
}

void DashboardSession::analyse(const Sync::Snapshot &snapshot)
{
    if (m_purpose != Purpose::Live)
        Q_EMIT progress(tr("Planning"), 0, 1);
    Config::OperatorConfig config = m_config;
    if (config.workloadIdentityEnable && config.workloadIdentityIssuer.isEmpty())
        config.workloadIdentityIssuer = m_issuer;
    const MigrationInput migration = config.workloadIdentityEnable ? m_migration : MigrationInput();
    const QDateTime now = Clock::system().nowUtc();
    // 10,000 MSIs take a while to map and plan: keep the window responsive
    m_analysis.setFuture(QtConcurrent::run(
        [config, snapshot, migration, now] { return DashboardAnalyzer::analyze(config, snapshot, now, migration); }));
    m_analysis.setProperty("generation", m_generation);
}

ReadProblems DashboardSession::problemsOf(const Sync::Snapshot &snapshot) const
{
    ReadProblems problems;
    problems.at = snapshot.takenAt;
    if (!snapshot.clusterError.isEmpty())
        problems.cluster = tr("Cannot read the cluster %1: %2").arg(clusterDescription(), snapshot.clusterError);
    if (!snapshot.workloadError.isEmpty())
        problems.workload = tr("Workload identity mode plans nothing: %1").arg(snapshot.workloadError);
    else if (!m_migration.error.isEmpty() && m_config.workloadIdentityEnable)
        problems.workload = tr("The migration view is incomplete: %1").arg(m_migration.error);
    if (!snapshot.azureError.isEmpty()) {
        problems.azure = tr("Cannot read Azure (the subscription list): %1").arg(snapshot.azureError);
        problems.azureNeverListed = !snapshot.catalog.hasListed();
    }
    // When the subscription list itself failed every subscription carries that same error.
    if (snapshot.azureError.isEmpty()) {
        for (const Sync::SubscriptionState &state : snapshot.catalog.subscriptions()) {
            if (!state.isFailing())
                continue;
            const QString name = state.info.displayName.isEmpty()
                ? state.info.id
                : tr("%1 (%2)").arg(state.info.displayName, state.info.id);
            problems.subscriptions << tr("Subscription %1 could not be listed: %2").arg(name, state.lastError);
        }
    }
    return problems;
}

void DashboardSession::setProblems(const ReadProblems &problems)
{
    const bool changed = !m_problems.isEmpty() || !problems.isEmpty();
    m_problems = problems;
    if (changed)
        Q_EMIT problemsChanged();
}

void DashboardSession::onAnalysed()
{
    if (m_analysis.property("generation").toULongLong() != m_generation || m_purpose == Purpose::None)
        return;
    const DashboardDataPtr data = m_analysis.result();
    const Purpose purpose = m_purpose;
    m_data = data;
    setPurpose(Purpose::None);
    if (purpose != Purpose::Live)
        Q_EMIT progress(tr("Planning"), 1, 1);
    if (!m_live && data->error.isEmpty())
        startLive();
    readLease();
    if (!data->error.isEmpty()) {
        Q_EMIT loadFailed(data->error);
        return;
    }
    checkWriteAccess();
    Q_EMIT loaded(data);
    if (purpose == Purpose::Preview)
        Q_EMIT previewReady(data);
    if (m_livePending)
        QTimer::singleShot(0, this, &DashboardSession::onLiveChanged);
}

void DashboardSession::approve(const DashboardDataPtr &basis, const QList<Sync::Action> &actions)
{
    if (!m_clients || isApplying() || !basis)
        return;
    m_approvalBasis = basis;
    m_approved = actions;
    read(Purpose::Verify);
}

void DashboardSession::startApply(const Sync::Snapshot &fresh)
{
    const QStringList reasons = StalenessCheck::check(*m_approvalBasis, fresh, m_approved);
    if (!reasons.isEmpty()) {
        Q_EMIT applyRefused(reasons);
        return;
    }
    Config::OperatorConfig config = m_config;
    if (config.workloadIdentityIssuer.isEmpty())
        config.workloadIdentityIssuer = m_issuer;
    const Sync::PlanBuilder builder(config);
    m_applier = std::make_unique<Sync::Applier>(m_clients->kube(), &m_logger);
    m_applier->setArm(m_clients->arm()); // federated credentials are written to Azure
    m_applier->setReplan(builder.replanner(m_approvalBasis->mappings, fresh.cluster, Clock::system().nowUtc(),
                                           fresh.catalog.failedSubscriptions()));
    connect(m_applier.get(), &Sync::Applier::itemFinished, this, &DashboardSession::applyItemFinished);
    connect(m_applier.get(), &Sync::Applier::finished, this, [this](const QList<Sync::ActionResult> &results) {
        m_applier.release()->deleteLater();
        Q_EMIT applyFinished(results);
        refresh();
    });
    Q_EMIT applyStarted(m_approved);
    m_applier->apply(m_approved);
}

void DashboardSession::cancelApply()
{
    if (m_purpose == Purpose::Verify)
        cancel();
    else if (m_applier)
        m_applier->cancel();
}

bool DashboardSession::isApplying() const
{
    return m_applier != nullptr || m_purpose == Purpose::Verify;
}

void DashboardSession::readLease()
{
    const QString ns
        = m_config.instanceNamespace.isEmpty() ? m_clients->kube()->defaultNamespace() : m_config.instanceNamespace;
    Kube::RequestJob *job = m_clients->kube()->get(Kube::Resource::Leases, ns, m_config.leaseName);
    connect(job, &Kube::RequestJob::finished, this, [this](const Kube::KubeResponse &response) {
        m_leaseError.clear();
        if (response.ok()) {
            m_lease = LeaseInfo::fromJson(response.object);
        } else {
            m_lease.reset();
            // absent means nobody holds it; any other failure means we do not know
            if (response.httpStatus != 404)
                m_leaseError = response.error.message.isEmpty() ? tr("HTTP %1").arg(response.httpStatus)
                                                                : response.error.message;
        }
        Q_EMIT leaseChanged();
    });
    job->start();
}

void DashboardSession::checkWriteAccess()
{
    const quint64 generation = ++m_accessGeneration;
    m_writeAccess = {WriteAccess::State::Checking, {}};
    Q_EMIT writeAccessChanged();
    auto *check = new WriteAccessCheck(m_clients->kube(), m_data->plan.writes(), this);
    connect(check, &WriteAccessCheck::finished, this, [this, generation](const WriteAccess &access) {
        if (generation != m_accessGeneration)
            return; // a later load asked again
        m_writeAccess = access;
        Q_EMIT writeAccessChanged();
    });
    check->start();
}

bool DashboardSession::agentActive() const
{
    return m_lease && m_lease->isActive(Clock::system().nowUtc());
}

QString DashboardSession::clusterDescription() const
{
    if (!m_clients)
        return {};
    const Kube::RestConfig &rest = m_clients->kube()->config();
    const QString server = rest.server.toString();
    return rest.contextName.isEmpty() ? server : tr("%1 (context %2)").arg(server, rest.contextName);
}

} // namespace Amo::Gui
