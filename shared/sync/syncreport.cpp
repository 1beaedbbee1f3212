// SPDX-License-Identifier: MIT
#include "shared/sync/syncreport.h"

namespace Amo::Sync {

int SyncReport::failures() const
{
    int failed = 0;
    for (const ActionResult &result : results)
        failed += result.outcome == ActionResult::Outcome::Failed ? 1 : 0;
    return failed;
}

} // namespace Amo::Sync
