// SPDX-License-Identifier: MIT
// The keys Azure Workload Identity's webhook reads, and the label that marks our objects.
#pragma once

#include <QString>

namespace Amo::Workload::WorkloadAnnotations {

inline QString clientId()
{
    return QStringLiteral("azure.workload.identity/client-id");
}
inline QString tenantId()
{
    return QStringLiteral("azure.workload.identity/tenant-id");
}
inline QString managedByKey()
{
    return QStringLiteral("app.kubernetes.io/managed-by");
}
inline QString managedByValue()
{
    return QStringLiteral("azure-msi-operator");
}

} // namespace Amo::Workload::WorkloadAnnotations
