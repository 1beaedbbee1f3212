// SPDX-License-Identifier: MIT
#include "gui/models/migrationtablemodel.h"

#include "gui/session/rowstatetext.h"

using namespace Qt::StringLiterals;

namespace Amo::Gui {

QStringList MigrationTableModel::headers() const
{
    return {tr("Namespace"),
            tr("Binding"),
            tr("Selector"),
            tr("Owner"),
            tr("Pods"),
            tr("Runs as"),
            tr("Needs ServiceAccount"),
            tr("Pod label"),
            tr("State"),
            tr("Details")};
}

QVariant MigrationTableModel::cell(int row, int column) const
{
    const MigrationRow &r = m_data->migration.at(row);
    switch (column) {
    case Namespace:
        return r.namespaceName;
    case Binding:
        return r.binding;
    case Selector:
        return r.selector;
    case Owner:
        return r.ownerKind.isEmpty() ? QString() : tr("%1 %2").arg(r.ownerKind, r.ownerName);
    case Pods:
        return r.pods.join(u", "_s);
    case CurrentServiceAccount:
        return r.currentServiceAccount;
    case ServiceAccount:
        return r.serviceAccount;
    case UseLabel:
        if (r.ownerKind.isEmpty())
            return QString();
        return r.hasUseLabel ? tr("present") : tr("add azure.workload.identity/use: \"true\"");
    case State:
        return RowStateText::name(r.state);
    case Details:
        return r.detail;
    default:
        return {};
    }
}

QString MigrationTableModel::nameOf(int row) const
{
    const MigrationRow &r = m_data->migration.at(row);
    return r.ownerName.isEmpty() ? r.binding : r.ownerName;
}

QString MigrationTableModel::idOf(int row) const
{
    const MigrationRow &r = m_data->migration.at(row);
    return QString(r.namespaceName + u'/' + r.binding);
}

} // namespace Amo::Gui
