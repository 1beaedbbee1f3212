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
    m_sortKeys.clear();
    endResetModel();
}

const std::vector<DashboardTableModel::SortKey> &DashboardTableModel::sortKeys(int column) const
{
    if (m_sortKeys.empty())
        m_sortKeys.resize(size_t(columnCount()));
    std::vector<SortKey> &keys = m_sortKeys[size_t(column)];
    if (keys.empty() && rowCount() > 0) {
        keys.resize(size_t(rowCount()));
        for (int row = 0; row < rowCount(); ++row) {
            const QVariant value = sortValue(row, column);
            SortKey &key = keys[size_t(row)];
            const auto type = value.typeId();
            key.isNumber = type == QMetaType::Int || type == QMetaType::LongLong || type == QMetaType::Double;
            if (key.isNumber)
                key.number = value.toDouble();
            else
                key.text = value.toString().toCaseFolded();
        }
    }
    return keys;
}

bool DashboardTableModel::lessThan(int left, int right, int column) const
{
    if (column < 0 || column >= columnCount())
        return left < right;
    const std::vector<SortKey> &keys = sortKeys(column);
    const SortKey &a = keys[size_t(left)];
    const SortKey &b = keys[size_t(right)];
    if (a.isNumber != b.isNumber)
        return a.isNumber; // numbers before text and blanks
    if (a.isNumber)
        return a.number < b.number;
    return a.text < b.text;
}

int DashboardTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_data ? 0 : count(*m_data);
}

int DashboardTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    // asked for on every index() and data() call: the translated headers are built once
    if (m_columnCount < 0)
        m_columnCount = int(headers().size());
    return m_columnCount;
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
