// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/action.h"
#include "shared/workload/workloadstep.h"

#include <QList>

namespace Amo::Sync {

/** The workload planner's steps as plan actions: one plan, one applier, one set of outputs for both modes. */
class WorkloadActions
{
public:
    static Action fromStep(const Workload::WorkloadStep &step);
    static QList<Action> fromSteps(const QList<Workload::WorkloadStep> &steps);
};

} // namespace Amo::Sync
