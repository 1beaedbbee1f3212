// SPDX-License-Identifier: MIT
#include "gui/session/workloadreadjob.h"

#include "shared/kube/kubeclient.h"
#include "shared/kube/listjob.h"
#include "shared/kube/requestjob.h"
#include "shared/sync/issuerdiscovery.h"
#include "shared/sync/planbuilder.h"

#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

WorkloadReadJob::WorkloadReadJob(Kube::KubeClient *kube, Azure::ArmClient *arm, const Config::OperatorConfig &config,
                                 QList<Model::Msi> msis, const QDateTime &nowUtc, QObject *parent)
    : QObject(parent)
    , m_kube(kube)
    , m_arm(arm)
    , m_config(config)
    , m_msis(std::move(msis))
    , m_now(nowUtc)
{
    connect(&m_identities, &QFutureWatcher<QStringList>::finished, this, &WorkloadReadJob::onIdentities);
}

void WorkloadReadJob::start()
{
    m_pending = 3; // the state (after the issuer), the Pods, the ReplicaSets
    Kube::ListOptions pods;
    pods.labelSelector = podSelector(); // only pods still bound through aad-pod-identity
    auto *podList = m_kube->list(Kube::Resource::Pods, {}, pods);
    connect(podList, &Kube::ListJob::finished, this, &WorkloadReadJob::onPods);
    podList->start();
    auto *rsList = m_kube->list(Kube::Resource::ReplicaSets, {}, {});
    connect(rsList, &Kube::ListJob::finished, this, &WorkloadReadJob::onReplicaSets);
    rsList->start();

    m_result.issuer = m_config.workloadIdentityIssuer;
    if (!m_result.issuer.isEmpty()) {
        mapIdentities();
        return;
    }
    Kube::RequestJob *job = m_kube->getPath(Sync::IssuerDiscovery::path(), Kube::Resource::ServiceAccounts);
    connect(job, &Kube::RequestJob::finished, this, &WorkloadReadJob::onIssuer);
    job->start();
}

void WorkloadReadJob::cancel()
{
    m_cancelled = true;
}

void WorkloadReadJob::onIssuer(const Kube::KubeResponse &response)
{
    const QString where = m_kube->url(Sync::IssuerDiscovery::path()).toString();
    const QString issuer = response.object.value(u"issuer"_s).toString();
    const QUrl url(issuer, QUrl::StrictMode);
    if (!response.ok()) {
        m_result.state.error = tr("cannot discover the service account issuer from %1: %2; set the issuer in the "
                                  "profile's options (--workloadidentity.issuer)")
                                   .arg(where, response.error.message);
    } else if (!url.isValid() || url.scheme() != u"https" || url.host().isEmpty()) {
        m_result.state.error = tr("%1 names no https issuer (\"%2\"); set the issuer in the profile's options "
                                  "(--workloadidentity.issuer)")
                                   .arg(where, issuer);
    } else {
        m_result.issuer = issuer;
        mapIdentities();
        return;
    }
    --m_pending;
    finishIfDone();
}

void WorkloadReadJob::mapIdentities()
{
    Config::OperatorConfig config = m_config;
    config.workloadIdentityIssuer = m_result.issuer;
    const QList<Model::Msi> msis = m_msis;
    const QDateTime now = m_now;
    // 10,000 MSIs take a while to map: keep the window responsive
    m_identities.setFuture(QtConcurrent::run([config, msis, now] {
        const Sync::PlanBuilder builder(config);
        return builder.workloadIdentities(builder.map(msis, now));
    }));
}

void WorkloadReadJob::onIdentities()
{
    auto *job = new Sync::WorkloadStateJob(m_kube, m_arm, m_identities.result(), this);
    connect(job, &Sync::WorkloadStateJob::finished, this, [this](const Sync::WorkloadStateResult &result) {
        m_result.state = result;
        m_result.stateRead = true;
        --m_pending;
        finishIfDone();
    });
    job->start();
}

void WorkloadReadJob::onPods(const Kube::ListResult &result)
{
    if (!result.ok())
        m_result.migration.error = tr("listing pods failed: %1").arg(result.error.message);
    m_pods = result.items;
    --m_pending;
    finishIfDone();
}

void WorkloadReadJob::onReplicaSets(const Kube::ListResult &result)
{
    // without them a Deployment's pods are grouped under their ReplicaSet: still usable
    if (!result.ok() && m_result.migration.error.isEmpty())
        m_result.migration.error = tr("listing replicasets failed: %1").arg(result.error.message);
    m_replicaSets = result.items;
    --m_pending;
    finishIfDone();
}

void WorkloadReadJob::finishIfDone()
{
    if (m_pending > 0)
        return;
    const QHash<QString, PodOwner> owners = PodInfo::replicaSetOwners(m_replicaSets);
    for (const QJsonValue &pod : std::as_const(m_pods))
        m_result.migration.pods.append(PodInfo::fromJson(pod.toObject(), owners));
    m_result.migration.read = true;
    if (!m_cancelled)
        Q_EMIT finished(m_result);
    deleteLater();
}

} // namespace Amo::Gui
