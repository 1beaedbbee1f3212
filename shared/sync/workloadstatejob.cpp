// SPDX-License-Identifier: MIT
#include "shared/sync/workloadstatejob.h"

#include "shared/azure/armclient.h"
#include "shared/azure/armlistjob.h"
#include "shared/kube/kubeclient.h"
#include "shared/kube/listjob.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Amo::Sync {

WorkloadStateJob::WorkloadStateJob(Kube::KubeClient *kube, Azure::ArmClient *arm, QStringList identityIds,
                                   QObject *parent)
    : QObject(parent)
    , m_kube(kube)
    , m_arm(arm)
    , m_identityIds(std::move(identityIds))
{
}

void WorkloadStateJob::start()
{
    auto *accounts = m_kube->list(Kube::Resource::ServiceAccounts, {}, {});
    connect(accounts, &Kube::ListJob::finished, this, &WorkloadStateJob::onServiceAccounts);
    accounts->start();
    for (int i = 0; i < kParallelLists; ++i)
        listNextIdentity();
    finishIfDone();
}

void WorkloadStateJob::onServiceAccounts(const Kube::ListResult &result)
{
    m_accountsDone = true;
    if (result.ok()) {
        m_result.state.serviceAccounts.reserve(result.items.size());
        for (const QJsonValue &item : result.items)
            m_result.state.serviceAccounts.append(Workload::ObservedServiceAccount::fromJson(item.toObject()));
    } else if (m_result.error.isEmpty()) {
        m_result.error = tr("listing serviceaccounts failed: %1").arg(result.error.message);
    }
    finishIfDone();
}

void WorkloadStateJob::listNextIdentity()
{
    if (m_nextIdentity >= m_identityIds.size())
        return;
    const QString id = m_identityIds.at(m_nextIdentity++);
    ++m_listsInFlight;
    ++m_result.credentialLists;
    auto *job = m_arm->list(m_arm->federatedCredentialsUrl(id), this);
    connect(job, &Azure::ArmListJob::finished, this,
            [this, id](const Azure::ArmListResult &result) { onCredentials(id, result); });
    job->start();
}

void WorkloadStateJob::onCredentials(const QString &identityId, const Azure::ArmListResult &result)
{
    --m_listsInFlight;
    if (result.ok) {
        QList<Workload::FederatedCredential> credentials;
        for (const QJsonObject &item : result.items) {
            Workload::FederatedCredential credential;
            QString problem;
            if (Workload::FederatedCredential::fromArmJson(item, &credential, &problem))
                credentials.append(credential);
        }
        m_result.state.credentials.insert(identityId.toLower(), credentials);
    } else if (m_result.error.isEmpty()) {
        m_result.error = tr("listing the federated credentials of %1 failed: %2").arg(identityId, result.error);
    }
    listNextIdentity();
    finishIfDone();
}

void WorkloadStateJob::finishIfDone()
{
    if (m_finished || !m_accountsDone || m_listsInFlight > 0 || m_nextIdentity < m_identityIds.size())
        return;
    m_finished = true;
    Q_EMIT finished(m_result);
    deleteLater();
}

} // namespace Amo::Sync
