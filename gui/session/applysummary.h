// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/action.h"

#include <QCoreApplication>
#include <QList>

namespace Amo::Gui {

/** What a set of approved items writes, and where: the figures of the Approve & Sync confirmation. */
struct ApplySummary
{
    Q_DECLARE_TR_FUNCTIONS(ApplySummary)
public:
    int creates = 0; // AzureIdentities
    int updates = 0;
    int repoints = 0;
    int serviceAccounts = 0; // created or patched
    int credentials = 0; // federated credentials written to Azure
    int clusterWrites = 0;
    int azureWrites = 0;

    static ApplySummary of(const QList<Sync::Action> &actions);
    /** The confirmation's question for the cluster @p cluster. */
    QString question(const QString &cluster, qsizetype items) const;
};

} // namespace Amo::Gui
