// SPDX-License-Identifier: MIT
#include "gui/models/workloadtablemodel.h"

#include "gui/session/rowstatetext.h"

using namespace Qt::StringLiterals;

namespace Amo::Gui {

QStringList WorkloadTableModel::headers() const
{
    return {tr("Namespace"),
            tr("ServiceAccount"),
            tr("ServiceAccount state"),
            tr("Federated credential"),
            tr("Credential state"),
            tr("MSI"),
            tr("Credentials"),
            tr("State"),
            tr("Details")};
}

QVariant WorkloadTableModel::cell(int row, int column) const
{
    const WorkloadRow &r = m_data->workload.at(row);
    switch (column) {
    case Namespace:
        return r.namespaceName;
    case ServiceAccount:
        return r.serviceAccount;
    case ServiceAccountState:
        return r.serviceAccount.isEmpty() ? QString() : RowStateText::name(r.serviceAccountState);
    case Credential:
        return r.credentialName;
    case CredentialState:
        return r.credentialName.isEmpty() ? QString() : RowStateText::name(r.credentialState);
    case Msi:
        return r.msiName.isEmpty() ? r.msiId : r.msiName;
    case Credentials:
        // "3 of 20", and where the plan adds some, what the sync leaves
        return r.credentialsAfter == r.credentials
            ? tr("%1 of %2").arg(r.credentials).arg(r.credentialCap)
            : tr("%1 of %2 (%3 after the sync)").arg(r.credentials).arg(r.credentialCap).arg(r.credentialsAfter);
    case State:
        return RowStateText::name(r.state);
    case Details:
        return r.detail;
    default:
        return {};
    }
}

QVariant WorkloadTableModel::sortValue(int row, int column) const
{
    if (column == Credentials)
        return m_data->workload.at(row).credentialsAfter;
    return cell(row, column);
}

QString WorkloadTableModel::nameOf(int row) const
{
    const WorkloadRow &r = m_data->workload.at(row);
    return r.serviceAccount.isEmpty() ? r.credentialName : r.serviceAccount;
}

QString WorkloadTableModel::idOf(int row) const
{
    return m_data->workload.at(row).msiId;
}

} // namespace Amo::Gui
