// SPDX-License-Identifier: MIT
#include "gui/models/expirytablemodel.h"

#include "gui/models/stateaccent.h"

#include "gui/session/rowstatetext.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

QStringList ExpiryTableModel::headers() const
{
    return {tr("Namespace"), tr("AzureIdentity"),       tr("MSI"),  tr("Expires"), tr("Days left"),
            tr("Orphan"),    tr("Next sync renews to"), tr("State")};
}

QVariant ExpiryTableModel::cell(int row, int column) const
{
    const ExpiryRow &r = m_data->expiry.at(row);
    switch (column) {
    case Namespace:
        return r.namespaceName;
    case Name:
        return r.name;
    case Msi:
        return r.orphan ? tr("(MSI gone)") : r.msiName;
    case Expires:
        return r.expires;
    case DaysLeft:
        return r.expiryDate.isValid() ? QVariant(r.daysLeft) : QVariant();
    case Orphan:
        return r.orphan ? tr("yes") : tr("no");
    case Renewal:
        return r.renewal;
    case State:
        return RowStateText::name(r.state);
    default:
        return {};
    }
}

QVariant ExpiryTableModel::sortValue(int row, int column) const
{
    const ExpiryRow &r = m_data->expiry.at(row);
    if (column == DaysLeft || column == Expires)
        return r.expiryDate.isValid() ? r.daysLeft : std::numeric_limits<int>::min();
    return cell(row, column);
}

QVariant ExpiryTableModel::data(const QModelIndex &index, int role) const
{
    // the expiry columns carry the colour code too: expired, under 14 days, fine
    if (role == Qt::ForegroundRole && index.isValid() && (index.column() == DaysLeft || index.column() == Expires)) {
        const QColor accent = StateAccent::color(m_data->expiry.at(index.row()).state);
        return accent.isValid() ? QVariant(accent) : QVariant();
    }
    return DashboardTableModel::data(index, role);
}

QString ExpiryTableModel::nameOf(int row) const
{
    return m_data->expiry.at(row).name;
}

QString ExpiryTableModel::idOf(int row) const
{
    const ExpiryRow &r = m_data->expiry.at(row);
    return QString(r.namespaceName + u'/' + r.name);
}

} // namespace Amo::Gui
