// SPDX-License-Identifier: MIT
#pragma once

#include "gui/models/dashboardtablemodel.h"

namespace Amo::Gui {

/** The Namespaces view: every target namespace, whether it exists or is ignored, and the identities aimed at it. */
class NamespaceTableModel : public DashboardTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Exists, Ignored, Identities, State, Details, ColumnCount };

    using DashboardTableModel::DashboardTableModel;

    int stateColumn() const override { return State; }
    QString nameOf(int row) const override;
    QString idOf(int row) const override;

protected:
    int count(const DashboardData &data) const override { return int(data.namespaces.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column) const override;
    RowState stateOf(int row) const override { return m_data->namespaces.at(row).state; }
    QVariant sortValue(int row, int column) const override;
};

} // namespace Amo::Gui
