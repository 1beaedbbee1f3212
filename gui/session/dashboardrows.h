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

} // namespace Amo::Gui
