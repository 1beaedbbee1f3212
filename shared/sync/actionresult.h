// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/action.h"

#include <QList>
#include <QString>

namespace Amo::Sync {

/** What the Applier did with one action of a Plan. */
struct ActionResult
{
    enum class Outcome {
        Applied, // the write landed
        Unchanged, // nothing to write (any more): a re-plan found nothing to do, or a report
        WaitingForNamespace, // the namespace is missing or terminating; retried by a later sync
        Failed, // see error
        Cancelled, // cancel() came before the item started (or before its retry)
    };

    Action action; // as given to the Applier
    Outcome outcome = Outcome::Cancelled;
    int attempts = 0; // writes sent for this item (re-plans included)
    QString error; // human-readable; empty unless Failed or Cancelled

    static QString outcomeName(Outcome outcome);

    bool operator==(const ActionResult &) const = default;
};

} // namespace Amo::Sync
