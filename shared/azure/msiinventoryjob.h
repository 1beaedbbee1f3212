// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/msiinventory.h"

#include <QObject>
#include <QPointer>

namespace Amo::Azure {

class ArmClient;
struct ArmListResult;
struct ArmResponse;

/**
 * Lists the user-assigned identities of every subscription. With no subscription ids it lists all
 * subscriptions (every page) and skips disabled ones; with ids it GETs each one, and one that is
 * forbidden or unreachable is reported in its SubscriptionMsis while the others go on. At most
 * ArmClientOptions::parallelSubscriptions subscriptions are in flight at once.
 */
class MsiInventoryJob : public QObject
{
    Q_OBJECT
public:
    MsiInventoryJob(ArmClient *client, const QStringList &subscriptionIds, QObject *parent);
    void start();

Q_SIGNALS:
    void finished(const Amo::Azure::MsiInventory &inventory);

private:
    void onSubscriptions(const ArmListResult &result);
    void pump();
    void startSubscription(int index);
    void onSubscription(int index, const ArmResponse &response);
    void listIdentities(int index);
    void onIdentities(int index, const ArmListResult &result);
    void settle(int index);

    QPointer<ArmClient> m_client;
    QStringList m_ids;
    MsiInventory m_inventory;
    QList<bool> m_needsGet;
    int m_next = 0;
    int m_running = 0;
    int m_settled = 0;
};

} // namespace Amo::Azure
