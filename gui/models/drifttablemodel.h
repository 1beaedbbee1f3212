// SPDX-License-Identifier: MIT
#pragma once

#include "gui/models/dashboardtablemodel.h"

namespace Amo::Gui {

/** The Binding drift view: bindings pointing elsewhere than the operator would set, or at a missing AzureIdentity. */
class DriftTableModel : public DashboardTableModel
{
    Q_OBJECT
public:
    enum Column { Namespace, Name, Current, Wanted, State, Details, ColumnCount };

    using DashboardTableModel::DashboardTableModel;

    int stateColumn() const override { return State; }
    QString nameOf(int row) const override;
    QString idOf(int row) const override;

protected:
    int count(const DashboardData &data) const override { return int(data.drift.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column) const override;
    RowState stateOf(int row) const override { return m_data->drift.at(row).state; }
};

} // namespace Amo::Gui
