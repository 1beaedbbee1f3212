// SPDX-License-Identifier: MIT
#include "shared/sync/plan.h"

#include <algorithm>

namespace Amo::Sync {

int Plan::count(Action::Kind kind) const
{
    return int(std::count_if(actions.cbegin(), actions.cend(), [kind](const Action &a) { return a.kind == kind; }));
}

int Plan::writeCount() const
{
    return int(std::count_if(actions.cbegin(), actions.cend(), [](const Action &a) { return a.isWrite(); }));
}

QList<Action> Plan::writes() const
{
    QList<Action> result;
    std::copy_if(actions.cbegin(), actions.cend(), std::back_inserter(result),
                 [](const Action &a) { return a.isWrite(); });
    return result;
}

} // namespace Amo::Sync
