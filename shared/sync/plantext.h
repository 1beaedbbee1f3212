// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/plan.h"

#include <QCoreApplication>
#include <QString>

namespace Amo::Sync {

/**
 * A plan as text, in the manner of `terraform plan`: one line per action, led by a symbol, then a
 * summary. Symbols: + create, ~ update, > re-point, … wait for namespace, ! conflict, ? orphan,
 * # skip, x blocked. Lines about federated credentials carry "[azure]": those writes leave the cluster.
 * There is deliberately no "-": the operator never deletes. See PLAN-FORMAT.md.
 */
class PlanText
{
    Q_DECLARE_TR_FUNCTIONS(PlanText)
public:
    static QString symbol(Action::Kind kind);
    /** One action's line, without the trailing newline. */
    static QString line(const Action &action);
    /** "Plan: N to create, M to update, K to re-point. Not written: …" */
    static QString summary(const Plan &plan);
    /** All lines, then an empty line and the summary; every line ends with a newline. */
    static QString render(const Plan &plan);

private:
    static QString workloadLine(const QString &head, const Action &action);
    /** Empty without workload identity actions, else a sentence that counts them. */
    static QString workloadSummary(const Plan &plan);
};

} // namespace Amo::Sync
