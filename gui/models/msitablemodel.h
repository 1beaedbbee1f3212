// SPDX-License-Identifier: MIT
#pragma once

#include "gui/models/dashboardtablemodel.h"

namespace Amo::Gui {

/** The MSIs view: one row per MSI with its target namespaces, AzureIdentity and what the next sync does. */
class MsiTableModel : public DashboardTableModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Subscription,
        ResourceGroup,
        Location,
        ClientId,
        TagValue,
        Namespaces,
        Identity,
        State,
        Details,
        Expires,
        ColumnCount
    };

    using DashboardTableModel::DashboardTableModel;

    int stateColumn() const override { return State; }
    QString nameOf(int row) const override;
    QString idOf(int row) const override;

protected:
    int count(const DashboardData &data) const override { return int(data.msis.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column) const override;
    RowState stateOf(int row) const override { return m_data->msis.at(row).state; }
};

} // namespace Amo::Gui
