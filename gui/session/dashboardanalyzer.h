// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboarddata.h"
#include "gui/session/podinfo.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Amo::Config {
struct OperatorConfig;
}

namespace Amo::Gui {

/**
 * Turns a Snapshot into everything the dashboard shows: maps and plans it (PlanBuilder), then derives
 * the rows of the views. Pure and thread-safe, so the session runs it off the GUI thread.
 */
class DashboardAnalyzer
{
    Q_DECLARE_TR_FUNCTIONS(DashboardAnalyzer)
public:
    static DashboardDataPtr analyze(const Config::OperatorConfig &config, const Sync::Snapshot &snapshot,
                                    const QDateTime &nowUtc, const MigrationInput &migration = {});

private:
    static void addMsiRows(const Config::OperatorConfig &config, DashboardData &data);
    static void addNamespaceRows(DashboardData &data);
    static void addDriftRows(DashboardData &data);
    static void addExpiryRows(const Config::OperatorConfig &config, const QDateTime &nowUtc, DashboardData &data);
};

} // namespace Amo::Gui
