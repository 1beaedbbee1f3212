// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/actionresult.h"
#include "shared/sync/plan.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Amo::Sync {

/** What one sync did: the plan, what was written, and how the Azure listing went. */
struct SyncReport
{
    enum class Kind {
        Full, // Azure listed, every namespace planned
        Incremental, // planned from the caches for the namespaces that changed
    };

    Kind kind = Kind::Full;
    QDateTime startedAt; // UTC
    QDateTime finishedAt;
    QDateTime listedAt; // when the Azure listing finished (full syncs)
    qint64 listingMs = 0;
    QStringList namespaces; // incremental syncs: the namespaces planned
    QString error; // the sync could not plan (cluster list or whole Azure listing failed)
    QStringList listedSubscriptions; // whose listing succeeded in this sync
    QStringList failedSubscriptions; // whose listing failed; their MSIs are the last good ones
    bool applied = false; // false: this replica does not write (standby, --dry-run)
    Plan plan;
    QList<ActionResult> results; // one per write of the plan when applied

    int failures() const;
    bool ok() const { return error.isEmpty() && failures() == 0 && failedSubscriptions.isEmpty(); }
};

} // namespace Amo::Sync
