// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboarddata.h"
#include "gui/session/podinfo.h"

#include <QCoreApplication>

namespace Amo::Config {
struct OperatorConfig;
}

namespace Amo::Gui {

/**
 * The Migration view's rows: for each AzureIdentityBinding, the pods carrying aadpodidbinding=<selector>
 * in its namespace, one row per owner (Deployment, StatefulSet, bare Pod, …), with what they need for
 * workload identity: the ServiceAccount workload identity mode makes for the binding's identity's MSI in
 * that namespace, and the pod label azure.workload.identity/use: "true". Pure.
 */
class MigrationRowBuilder
{
    Q_DECLARE_TR_FUNCTIONS(MigrationRowBuilder)
public:
    static QString bindingLabel() { return QStringLiteral("aadpodidbinding"); }
    static QString useLabel() { return QStringLiteral("azure.workload.identity/use"); }

    static QList<MigrationRow> build(const Config::OperatorConfig &config, const DashboardData &data,
                                     const MigrationInput &input);
};

} // namespace Amo::Gui
