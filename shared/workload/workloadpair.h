// SPDX-License-Identifier: MIT
#pragma once

#include "shared/workload/federatedcredential.h"

#include <QMap>
#include <QString>

namespace Amo::Workload {

/** One (MSI, namespace) pair in workload identity mode: the ServiceAccount and the credential it needs. */
struct WorkloadPair
{
    QString msiId; // the MSI's ARM ID as listed
    QString clientId;
    QString tenantId; // empty unless --workloadidentity.tenantannotation
    QString namespaceName;
    QString serviceAccount;
    QMap<QString, QString> labels; // the lookup labels and app.kubernetes.io/managed-by
    FederatedCredential credential; // name, issuer, subject and audience the pair needs on the MSI

    /** The ServiceAccount object to create. */
    QJsonObject serviceAccountJson() const;

    bool operator==(const WorkloadPair &) const = default;
};

} // namespace Amo::Workload
