// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboarddata.h"

#include <QCoreApplication>

namespace Amo::Config {
struct OperatorConfig;
}

namespace Amo::Gui {

/**
 * The Workload identity view's rows: one per (MSI, namespace) pair with the state of its ServiceAccount
 * and its federated credential as the plan has them, and the credential count of the identity; one per
 * orphan the plan reports. Pure, runs with the analysis off the GUI thread.
 */
class WorkloadRowBuilder
{
    Q_DECLARE_TR_FUNCTIONS(WorkloadRowBuilder)
public:
    static QList<WorkloadRow> build(const Config::OperatorConfig &config, const DashboardData &data);
};

} // namespace Amo::Gui
