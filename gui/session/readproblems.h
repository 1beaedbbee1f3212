// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Amo::Gui {

/**
 * What went wrong in the latest read, for the window's error banner. A blocking problem means the
 * read produced no usable data: the window keeps the last good load, marked stale, and no plan is
 * built on the failed read.
 */
struct ReadProblems
{
    QString cluster; // the cluster could not be read: names the cluster and the reason
    QString azure; // the subscription list could not be read
    bool azureNeverListed = false; // ... and no earlier listing stands in for it
    QStringList subscriptions; // "name (id): error" per failing subscription
    QString workload; // workload identity mode could not read (or discover the issuer): not planned
    QDateTime at; // UTC, when the failing read finished

    bool blocking() const { return !cluster.isEmpty() || (!azure.isEmpty() && azureNeverListed); }
    bool isEmpty() const
    {
        return cluster.isEmpty() && azure.isEmpty() && subscriptions.isEmpty() && workload.isEmpty();
    }
};

} // namespace Amo::Gui
