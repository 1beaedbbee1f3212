// SPDX-License-Identifier: MIT
#include "gui/models/dashboardtablemodel.h"

#include "gui/models/stateaccent.h"

namespace Amo::Gui {

DashboardTableModel::DashboardTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DashboardTableModel::setDashboard(const DashboardDataPtr &data)
{
    beginResetModel();
    m_data = data;
    endResetModel();
}

int DashboardTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_data ? 0 : count(*m_data);
}

int DashboardTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant DashboardTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    const QStringList names = headers();
    return section >= 0 && section < names.size() ? QVariant(names.at(section)) : QVariant();
}

QVariant DashboardTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return cell(index.row(), index.column());
    case Qt::ToolTipRole:
        return toolTip(index.row(), index.column());
    case Qt::ForegroundRole:
        if (index.column() == stateColumn()) {
            const QColor accent = StateAccent::color(stateOf(index.row()));
            if (accent.isValid())
                return accent;
        }
        return {};
    case SortRole:
        return sortValue(index.row(), index.column());
    case StateRole:
        return int(stateOf(index.row()));
    default:
        return {};
    }
}

QString DashboardTableModel::toolTip(int row, int column) const
{
    return cell(row, column).toString();
}

} // namespace Amo::Gui
