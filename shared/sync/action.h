// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/fieldchange.h"
#include "shared/sync/objecttocreate.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Amo::Sync {

/**
 * One item of a Plan. The kinds up to UpdateFederatedCredential write (the credential kinds to Azure, with
 * PUT; the others to the cluster); the other kinds are reports. There is no delete: the operator never deletes.
 */
struct Action
{
    // The order is the plan's order: writes first (creates before the re-points that may need them).
    enum class Kind {
        CreateIdentity, // POST object
        UpdateIdentity, // PATCH patch (merge patch, conditional on resourceVersion)
        RepointBinding, // PATCH patch on the binding
        CreateServiceAccount, // POST object (workload identity)
        UpdateServiceAccount, // PATCH patch on the ServiceAccount, conditional on resourceVersion
        CreateFederatedCredential, // PUT object on the MSI's federatedIdentityCredentials/{name} (Azure)
        UpdateFederatedCredential, // PUT object, replacing a credential of ours that differs (Azure)
        WaitForNamespace, // the target namespace is missing or terminating
        Conflict, // the object cannot be written safely; see code and reason
        Orphan, // an AzureIdentity with our lookup labels that no MSI maps to any more
        Skip, // the mapping left this MSI (or one of its namespaces) out
        Blocked, // the write would break an Azure limit (20 federated credentials per identity)
    };

    Kind kind = Kind::Skip;
    QString namespaceName;
    QString name; // the AzureIdentity (RepointBinding: the binding); empty for a whole-MSI skip
    QString msiId; // the MSI concerned (Orphan: the object's spec.resourceID)
    QString code; // machine-readable cause of a report: Skip::kindName(), "ForeignIdentity", "NamespaceMissing", …
    QString reason; // human-readable, translated
    QList<FieldChange> changes; // UpdateIdentity: the owned fields that differ
    QString fromIdentity; // RepointBinding: spec.azureIdentity now
    QString toIdentity; // RepointBinding: spec.azureIdentity after the write
    QString expires; // Orphan: the value of its expiry annotation, if any
    /**
     * RepointBinding: the AzureIdentity (in the same namespace) that must be created or updated successfully,
     * in the same apply, before the binding may point at it; empty when it already exists and is ours.
     */
    QString afterIdentity;
    bool aboutBinding = false; // a report on an AzureIdentityBinding (a re-point held back, a cross-namespace binding)
    ObjectToCreate object; // CreateIdentity: the full object to create
    QJsonObject patch; // UpdateIdentity, RepointBinding: the JSON merge patch, with metadata.resourceVersion
    /** Workload identity actions and their reports: "ServiceAccount" or "FederatedIdentityCredential". */
    QString resource;

    bool isWrite() const { return kind <= Kind::UpdateFederatedCredential; }
    /** The write leaves the cluster: it goes to Azure Resource Manager. */
    bool writesToAzure() const
    {
        return kind == Kind::CreateFederatedCredential || kind == Kind::UpdateFederatedCredential;
    }
    /**
     * "AzureIdentity", "AzureIdentityBinding" (re-points and reports about bindings), "ServiceAccount",
     * "FederatedIdentityCredential", or empty for a Skip.
     */
    QString resourceKind() const;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

    bool operator==(const Action &) const = default;
};

} // namespace Amo::Sync
