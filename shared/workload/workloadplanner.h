// SPDX-License-Identifier: MIT
#pragma once

#include "shared/workload/federatedcredential.h"
#include "shared/workload/observedserviceaccount.h"
#include "shared/workload/workloadpair.h"
#include "shared/workload/workloadstep.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <optional>

namespace Amo::Workload {

/** What the cluster and Azure hold, as far as workload identity mode cares. */
struct WorkloadState
{
    QList<ObservedServiceAccount> serviceAccounts; // in the target namespaces
    /** Listed credentials per MSI, keyed by the lower-cased MSI ID; a missing key: not listed (a failure). */
    QHash<QString, QList<FederatedCredential>> credentials;
};

/**
 * Decides the ServiceAccount and federated credential writes for a set of pairs: a pure function of the pairs,
 * the observed state and the issuer. A ServiceAccount someone else annotated for another identity is a
 * Conflict, and so is its credential (we never grant an identity to a ServiceAccount that is not ours); a
 * credential beyond Azure's cap is Blocked before Azure refuses it.
 */
class WorkloadPlanner
{
    Q_DECLARE_TR_FUNCTIONS(WorkloadPlanner)
public:
    WorkloadPlanner(QString issuer, int credentialCap);

    QList<WorkloadStep> plan(const QList<WorkloadPair> &pairs, const WorkloadState &state) const;

private:
    /** The ServiceAccount step for @p pair, if any; sets *ours to whether the pair may get its credential. */
    std::optional<WorkloadStep> planServiceAccount(const WorkloadPair &pair, const ObservedServiceAccount *observed,
                                                   bool *ours) const;
    void planCredentials(const QString &msiKey, const QList<const WorkloadPair *> &pairs,
                         const QHash<QString, bool> &saOurs, const WorkloadState &state,
                         QList<WorkloadStep> &steps) const;

    QString m_issuer;
    int m_cap;
};

} // namespace Amo::Workload
