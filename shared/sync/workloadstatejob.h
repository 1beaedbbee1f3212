// SPDX-License-Identifier: MIT
#pragma once

#include "shared/workload/workloadplanner.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Amo {
namespace Azure {
class ArmClient;
struct ArmListResult;
} // namespace Azure
namespace Kube {
class KubeClient;
struct ListResult;
} // namespace Kube
} // namespace Amo

namespace Amo::Sync {

/** What WorkloadStateJob read; `error` names the first read that failed (the state is then incomplete). */
struct WorkloadStateResult
{
    Workload::WorkloadState state;
    QString error;
    int credentialLists = 0; // ARM lists sent (one per identity with a pair)
    bool ok() const { return error.isEmpty(); }
};

/**
 * Reads what workload identity mode plans from: every ServiceAccount (all namespaces, paged) and the
 * federated credentials of just the identities that have a pair, a few at a time. An identity whose
 * credentials cannot be listed is left out of the state, so its credentials are not planned (and not
 * written blind). Emits finished once, then deletes itself.
 */
class WorkloadStateJob : public QObject
{
    Q_OBJECT
public:
    static constexpr int kParallelLists = 4;

    WorkloadStateJob(Kube::KubeClient *kube, Azure::ArmClient *arm, QStringList identityIds, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(const Amo::Sync::WorkloadStateResult &result);

private:
    void onServiceAccounts(const Kube::ListResult &result);
    void listNextIdentity();
    void onCredentials(const QString &identityId, const Azure::ArmListResult &result);
    void finishIfDone();

    Kube::KubeClient *m_kube;
    Azure::ArmClient *m_arm;
    QStringList m_identityIds;
    int m_nextIdentity = 0;
    int m_listsInFlight = 0;
    bool m_accountsDone = false;
    bool m_finished = false;
    WorkloadStateResult m_result;
};

} // namespace Amo::Sync
