// SPDX-License-Identifier: MIT
#include "shared/sync/msicatalog.h"

using namespace Qt::StringLiterals;

namespace Amo::Sync {

void MsiCatalog::update(const Azure::MsiInventory &inventory, const QDateTime &nowUtc)
{
    if (!inventory.ok) {
        // Nothing was listed: every known subscription keeps its MSIs and counts as failing.
        for (SubscriptionState &state : m_subscriptions)
            state.lastError = inventory.error;
        return;
    }
    QMap<QString, SubscriptionState> next;
    QStringList order;
    for (const Azure::SubscriptionMsis &listed : inventory.subscriptions) {
        const QString key = listed.subscription.id.toLower();
        SubscriptionState state = m_subscriptions.value(key);
        state.info = listed.subscription;
        if (listed.ok) {
            state.lastError.clear();
            state.lastGood = nowUtc;
            state.msis = listed.msis; // shared, not copied
            state.invalidItems = listed.invalidItems;
        } else {
            state.lastError = listed.error.isEmpty() ? u"listing failed"_s : listed.error;
        }
        next.insert(key, state);
        order.append(key);
    }
    m_subscriptions = std::move(next);
    m_order = std::move(order);
}

QList<Model::Msi> MsiCatalog::msis() const
{
    QList<Model::Msi> all;
    qsizetype total = 0;
    for (const QString &key : m_order)
        total += m_subscriptions.value(key).msis.size();
    all.reserve(total); // one allocation, not a doubling series, for a list of the whole world
    for (const QString &key : m_order)
        all << m_subscriptions.value(key).msis;
    return all;
}

QStringList MsiCatalog::failedSubscriptions() const
{
    QStringList failed;
    for (const QString &key : m_order) {
        const SubscriptionState &state = m_subscriptions[key];
        if (state.isFailing())
            failed.append(state.info.id);
    }
    return failed;
}

QString MsiCatalog::displayName(const QString &subscriptionId) const
{
    const auto it = m_subscriptions.constFind(subscriptionId.toLower());
    if (it == m_subscriptions.cend() || it->info.displayName.isEmpty())
        return subscriptionId;
    return it->info.displayName;
}

bool MsiCatalog::hasListed() const
{
    for (const SubscriptionState &state : m_subscriptions) {
        if (state.lastGood.isValid())
            return true;
    }
    return false;
}

} // namespace Amo::Sync
