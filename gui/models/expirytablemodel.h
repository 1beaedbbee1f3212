// SPDX-License-Identifier: MIT
#pragma once

#include "gui/models/dashboardtablemodel.h"

namespace Amo::Gui {

/** The Expiry view: every managed AzureIdentity with its expiry date, days left and what the next sync renews. */
class ExpiryTableModel : public DashboardTableModel
{
    Q_OBJECT
public:
    enum Column { Namespace, Name, Msi, Expires, DaysLeft, Orphan, Renewal, State, ColumnCount };

    using DashboardTableModel::DashboardTableModel;

    int stateColumn() const override { return State; }
    QString nameOf(int row) const override;
    QString idOf(int row) const override;

protected:
    int count(const DashboardData &data) const override { return int(data.expiry.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column) const override;
    RowState stateOf(int row) const override { return m_data->expiry.at(row).state; }
    QVariant sortValue(int row, int column) const override;
    QVariant data(const QModelIndex &index, int role) const override;
};

} // namespace Amo::Gui
