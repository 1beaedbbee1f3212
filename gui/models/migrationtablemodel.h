// SPDX-License-Identifier: MIT
#pragma once

#include "gui/models/dashboardtablemodel.h"

namespace Amo::Gui {

/** The Migration view: per AzureIdentityBinding and owner, the pods behind it and what they need. */
class MigrationTableModel : public DashboardTableModel
{
    Q_OBJECT
public:
    enum Column {
        Namespace,
        Binding,
        Selector,
        Owner,
        Pods,
        CurrentServiceAccount,
        ServiceAccount,
        UseLabel,
        State,
        Details,
        ColumnCount
    };
    using DashboardTableModel::DashboardTableModel;

    int stateColumn() const override { return State; }
    QString nameOf(int row) const override;
    QString idOf(int row) const override;

protected:
    int count(const DashboardData &data) const override { return int(data.migration.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column) const override;
    RowState stateOf(int row) const override { return m_data->migration.at(row).state; }
};

} // namespace Amo::Gui
