// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/action.h"

#include <QDateTime>
#include <QList>

namespace Amo::Sync {

/**
 * What a sync would do: the Planner's output, printed by --dry-run, shown by the dashboard and
 * carried out by the applier. A value; the same inputs always give the same plan, in the same order.
 */
struct Plan
{
    /** The version of the JSON form (shared/sync/PLAN-FORMAT.md). */
    static constexpr int kFormatVersion = 1;

    QDateTime generatedAt; // the "now" it was planned for, UTC
    QList<Action> actions;

    int count(Action::Kind kind) const;
    /** Creates + updates + re-points. */
    int writeCount() const;
    bool hasWrites() const { return writeCount() > 0; }
    QList<Action> writes() const;

    bool operator==(const Plan &) const = default;
};

} // namespace Amo::Sync
