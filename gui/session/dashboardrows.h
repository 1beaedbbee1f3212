// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace Amo::Gui {

/** What the next sync would do about a row; drives the state column, the state filter and the accents. */
enum class RowState {
    InSync,
    WillCreate,
    WillUpdate,
    WillRepoint,
    WaitingForNamespace,
    Skipped,
    Conflict,
    Orphan,
    Ignored,
    Missing, // a namespace or AzureIdentity that does not exist
    Drifted, // a binding that points elsewhere than the operator would set
    Expired,
    ExpiringSoon,
    Fine,
    Blocked, // a federated credential beyond Azure's 20 per identity
    NeedsChanges, // pods still on aad-pod-identity: the migration view
    Ready, // pods already set up for workload identity
};

/** One MSI of the MSIs view. */
struct MsiRow
{
    QString name;
    QString msiId;
    QString subscription; // display name
    QString resourceGroup;
    QString location;
    QString clientId;
    QString tagValue; // raw output of the namespace template
    QStringList namespaces;
    QString identityName;
    RowState state = RowState::InSync;
    QString detail; // which fields, which reason
    QString expiry;
    int mapping = -1; // index into DashboardData::mappings
};

/** One target namespace of the Namespaces view. */
struct NamespaceRow
{
    QString name;
    bool exists = false;
    bool ignored = false;
    QStringList identities; // AzureIdentity names aimed at it
    RowState state = RowState::InSync;
    QString detail;
};

/** One AzureIdentityBinding of the Binding drift view. */
struct DriftRow
{
    QString namespaceName;
    QString name;
    QString current; // spec.azureIdentity
    QString wanted; // what the operator would set; empty when unknown
    RowState state = RowState::Drifted;
    QString detail;
};

/** One managed AzureIdentity of the Expiry view. */
struct ExpiryRow
{
    QString namespaceName;
    QString name;
    QString msiName;
    QString expires; // the annotation as stored
    QDate expiryDate; // invalid when absent or unparseable
    int daysLeft = 0; // valid with expiryDate
    bool orphan = false;
    QString renewal; // the value the next sync writes, if it renews
    RowState state = RowState::Fine;
};

/** One (MSI, namespace) pair, or one orphan, of the Workload identity view. */
struct WorkloadRow
{
    QString namespaceName;
    QString msiName;
    QString msiId;
    QString serviceAccount;
    RowState serviceAccountState = RowState::InSync;
    QString credentialName;
    RowState credentialState = RowState::InSync;
    int credentials = 0; // the identity's federated credentials now
    int credentialsAfter = 0; // and after the planned creates
    int credentialCap = 20;
    RowState state = RowState::InSync; // the more urgent of the two
    QString detail;
};

/** One owner (Deployment, StatefulSet, bare Pod) of the pods behind an AzureIdentityBinding: the Migration view. */
struct MigrationRow
{
    QString namespaceName;
    QString binding;
    QString selector; // the value pods carry as aadpodidbinding
    QString azureIdentity;
    QString msiName;
    QString ownerKind; // "Deployment", "StatefulSet", "ReplicaSet", "Pod", …; empty: no pods
    QString ownerName;
    QStringList pods;
    QString currentServiceAccount; // what the pods run as now (several: joined with ", ")
    QString serviceAccount; // what they need; empty when no ServiceAccount is planned for them
    bool hasUseLabel = false; // every pod carries azure.workload.identity/use: "true"
    RowState state = RowState::NeedsChanges;
    QString detail; // what to change, or why nothing can be said
};

} // namespace Amo::Gui
