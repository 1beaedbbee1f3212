// SPDX-License-Identifier: MIT
#pragma once

#include "shared/workload/federatedcredential.h"

#include <QJsonObject>
#include <QString>

namespace Amo::Workload {

/**
 * One item of a workload identity plan. The four Create/Update kinds write (the credential kinds to Azure, with
 * PUT); the others are reports. Nothing is ever deleted, in the cluster or in Azure.
 */
struct WorkloadStep
{
    enum class Kind {
        CreateServiceAccount, // POST object
        UpdateServiceAccount, // PATCH patch (merge patch, conditional on resourceVersion)
        CreateFederatedCredential, // PUT credential on the MSI (Azure)
        UpdateFederatedCredential, // PUT credential on the MSI (Azure)
        Blocked, // the write would break an Azure limit (20 credentials per identity); see reason
        Conflict, // someone else's object is in the way; it is not written
        Orphan, // ours, but no MSI maps to it any more; reported, never deleted
    };

    Kind kind = Kind::Conflict;
    QString msiId;
    QString namespaceName;
    QString name; // the ServiceAccount, or the credential for the credential kinds
    QString code; // machine-readable cause of a report
    QString reason; // human-readable, translated
    QJsonObject object; // CreateServiceAccount
    QJsonObject patch; // UpdateServiceAccount
    FederatedCredential credential; // the credential kinds and their reports

    bool isWrite() const { return kind <= Kind::UpdateFederatedCredential; }
    /** The write leaves the cluster: it goes to Azure Resource Manager. */
    bool writesToAzure() const
    {
        return kind == Kind::CreateFederatedCredential || kind == Kind::UpdateFederatedCredential;
    }
    /** "ServiceAccount" or "FederatedIdentityCredential". */
    QString resourceKind() const;
    static QString kindName(Kind kind);

    bool operator==(const WorkloadStep &) const = default;
};

} // namespace Amo::Workload
