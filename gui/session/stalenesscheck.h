// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboarddata.h"

#include <QCoreApplication>
#include <QStringList>

namespace Amo::Gui {

/**
 * Decides whether an approved selection may still be applied: it may not when the MSI list changed
 * since the preview, or when an object it writes changed (another resourceVersion, appeared, vanished).
 */
class StalenessCheck
{
    Q_DECLARE_TR_FUNCTIONS(StalenessCheck)
public:
    /** Empty when the selection is still current; otherwise one reason per change found. */
    static QStringList check(const DashboardData &preview, const Sync::Snapshot &fresh,
                             const QList<Sync::Action> &actions);
};

} // namespace Amo::Gui
