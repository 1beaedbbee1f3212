// SPDX-License-Identifier: MIT
#pragma once

#include "gui/models/dashboardtablemodel.h"

namespace Amo::Gui {

/** The Workload identity view: per pair the ServiceAccount and the federated credential, and the identity's count. */
class WorkloadTableModel : public DashboardTableModel
{
    Q_OBJECT
public:
    enum Column {
        Namespace,
        ServiceAccount,
        ServiceAccountState,
        Credential,
        CredentialState,
        Msi,
        Credentials,
        State,
        Details,
        ColumnCount
    };
    using DashboardTableModel::DashboardTableModel;

    int stateColumn() const override { return State; }
    QString nameOf(int row) const override;
    QString idOf(int row) const override;

protected:
    int count(const DashboardData &data) const override { return int(data.workload.size()); }
    QStringList headers() const override;
    QVariant cell(int row, int column) const override;
    QVariant sortValue(int row, int column) const override;
    RowState stateOf(int row) const override { return m_data->workload.at(row).state; }
};

} // namespace Amo::Gui
