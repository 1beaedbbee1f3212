// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/msiinventory.h"
#include "shared/model/msi.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QStringList>

namespace Amo::Sync {

/** What the catalog knows of one subscription. */
struct SubscriptionState
{
    Azure::SubscriptionInfo info;
    QList<Model::Msi> msis; // from the last good listing
    QDateTime lastGood; // when that listing finished; null: never listed
    QString lastError; // of the latest listing; empty when it succeeded
    QStringList invalidItems; // ARM items of the last good listing that are not identities, with why

    bool isFailing() const { return !lastError.isEmpty(); }
};

/**
 * The MSIs the operator knows, per subscription, across listings. A subscription whose listing fails
 * keeps its last good MSIs (so none of them looks deleted) and is reported as failing; one that is
 * no longer listed at all is forgotten.
 */
class MsiCatalog
{
public:
    /** Merges one inventory run finished at @p nowUtc. */
    void update(const Azure::MsiInventory &inventory, const QDateTime &nowUtc);

    /** Every known MSI, by subscription (in listing order), then as ARM listed them. */
    QList<Model::Msi> msis() const;
    /** The IDs of subscriptions whose latest listing failed (their MSIs are the last good ones). */
    QStringList failedSubscriptions() const;
    /** By lower-case subscription ID. */
    const QMap<QString, SubscriptionState> &subscriptions() const { return m_subscriptions; }
    /** The display name of a subscription, or its ID when unknown. */
    QString displayName(const QString &subscriptionId) const;
    /** True once any subscription has been listed successfully. */
    bool hasListed() const;

private:
    QMap<QString, SubscriptionState> m_subscriptions;
    QStringList m_order; // lower-case IDs in listing order
};

} // namespace Amo::Sync
