// SPDX-License-Identifier: MIT
#include "gui/models/rowfilterproxymodel.h"

#include "gui/models/dashboardtablemodel.h"

namespace Amo::Gui {

RowFilterProxyModel::RowFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(DashboardTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void RowFilterProxyModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

void RowFilterProxyModel::setState(std::optional<int> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateRowsFilter();
}

bool RowFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (m_state && model->index(sourceRow, 0, sourceParent).data(DashboardTableModel::StateRole).toInt() != *m_state)
        return false;
    const QString needle = m_text.trimmed();
    if (needle.isEmpty())
        return true;
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        if (model->index(sourceRow, column, sourceParent).data().toString().contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool RowFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The dashboard models sort by precomputed keys; anything else the usual way.
    if (const auto *model = qobject_cast<const DashboardTableModel *>(sourceModel()))
        return model->lessThan(left.row(), right.row(), left.column());
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Amo::Gui
