// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboardrows.h"
#include "gui/session/podinfo.h"
#include "shared/mapping/msimapping.h"
#include "shared/sync/plan.h"
#include "shared/sync/snapshot.h"

#include <QList>

#include <memory>

namespace Amo::Gui {

/** Everything one load produced: the snapshot, the mapping and plan made from it, and the rows of every view. */
struct DashboardData
{
    Sync::Snapshot snapshot;
    QList<Mapping::MsiMapping> mappings;
    Sync::Plan plan;
    QString error; // the options are invalid: no mapping or plan was made

    QList<MsiRow> msis;
    QList<NamespaceRow> namespaces;
    QList<DriftRow> drift;
    QList<ExpiryRow> expiry;
    QList<WorkloadRow> workload; // workload identity mode only
    QList<MigrationRow> migration; // from the pods read in workload identity mode
    bool workloadMode = false;
    bool podsRead = false; // the migration view has pods to show
};

using DashboardDataPtr = std::shared_ptr<const DashboardData>;

} // namespace Amo::Gui
