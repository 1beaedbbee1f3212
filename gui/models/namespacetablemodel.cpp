// SPDX-License-Identifier: MIT
#include "gui/models/namespacetablemodel.h"

#include "gui/session/rowstatetext.h"

using namespace Qt::StringLiterals;

namespace Amo::Gui {

QStringList NamespaceTableModel::headers() const
{
    return {tr("Namespace"), tr("Exists"), tr("Ignored"), tr("Identities aimed at it"), tr("State"), tr("Details")};
}

QVariant NamespaceTableModel::cell(int row, int column) const
{
    const NamespaceRow &r = m_data->namespaces.at(row);
    switch (column) {
    case Name:
        return r.name;
    case Exists:
        return r.exists ? tr("yes") : tr("no");
    case Ignored:
        return r.ignored ? tr("yes") : tr("no");
    case Identities:
        return r.identities.join(u", "_s);
    case State:
        return RowStateText::name(r.state);
    case Details:
        return r.detail;
    default:
        return {};
    }
}

QVariant NamespaceTableModel::sortValue(int row, int column) const
{
    if (column == Identities)
        return int(m_data->namespaces.at(row).identities.size());
    return cell(row, column);
}

QString NamespaceTableModel::nameOf(int row) const
{
    return m_data->namespaces.at(row).name;
}

QString NamespaceTableModel::idOf(int row) const
{
    return m_data->namespaces.at(row).name;
}

} // namespace Amo::Gui
