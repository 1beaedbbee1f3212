// SPDX-License-Identifier: MIT
#include "shared/azure/msiinventoryjob.h"

#include "shared/azure/armclient.h"
#include "shared/azure/armlistjob.h"
#include "shared/azure/armrequestjob.h"
#include "shared/util/logger.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

MsiInventoryJob::MsiInventoryJob(ArmClient *client, const QStringList &subscriptionIds, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_ids(subscriptionIds)
{
}

void MsiInventoryJob::start()
{
    if (m_ids.isEmpty()) {
        ArmListJob *job = m_client->listSubscriptions(this);
        connect(job, &ArmListJob::finished, this, &MsiInventoryJob::onSubscriptions);
        job->start();
        return;
    }
    m_inventory.ok = true;
    for (const QString &id : std::as_const(m_ids)) {
        SubscriptionMsis entry;
        entry.subscription.id = id.trimmed();
        m_inventory.subscriptions.append(entry);
        m_needsGet.append(true);
    }
    QTimer::singleShot(0, this, &MsiInventoryJob::pump);
}

void MsiInventoryJob::onSubscriptions(const ArmListResult &result)
{
    if (!result.ok) {
        m_inventory.error = u"cannot list subscriptions: "_s + result.error;
        m_client->logger().error(m_inventory.error);
        Q_EMIT finished(m_inventory);
        deleteLater();
        return;
    }
    m_inventory.ok = true;
    for (const QJsonObject &item : result.items) {
        const SubscriptionInfo info = SubscriptionInfo::fromJson(item);
        if (!info.isUsable()) {
            m_client->logger().info(
                u"skipping subscription"_s,
                {{u"subscription"_s, info.id}, {u"name"_s, info.displayName}, {u"state"_s, info.state}});
            m_inventory.skipped.append(info);
            continue;
        }
        m_inventory.subscriptions.append(SubscriptionMsis {info, false, {}, {}, {}, 0});
        m_needsGet.append(false);
    }
    pump();
}

void MsiInventoryJob::pump()
{
    const int bound = std::max(1, m_client->options().parallelSubscriptions);
    while (m_running < bound && m_next < m_inventory.subscriptions.size()) {
        ++m_running;
        startSubscription(m_next++);
    }
    if (m_settled == m_inventory.subscriptions.size()) {
        Q_EMIT finished(m_inventory);
        deleteLater();
    }
}

void MsiInventoryJob::startSubscription(int index)
{
    if (!m_needsGet.at(index))
        return listIdentities(index);
    ArmRequestJob *job = m_client->getSubscription(m_inventory.subscriptions.at(index).subscription.id, this);
    connect(job, &ArmRequestJob::finished, this,
            [this, index](const ArmResponse &response) { onSubscription(index, response); });
    job->start();
}

void MsiInventoryJob::onSubscription(int index, const ArmResponse &response)
{
    SubscriptionMsis &entry = m_inventory.subscriptions[index];
    if (!response.ok) {
        entry.error = u"cannot read subscription %1: %2"_s.arg(entry.subscription.id, response.error);
        m_client->logger().warning(u"subscription unavailable; it is tried again on the next sync"_s,
                                   {{u"subscription"_s, entry.subscription.id}, {u"error"_s, response.error}});
        return settle(index);
    }
    entry.subscription = SubscriptionInfo::fromJson(response.body);
    if (!entry.subscription.isUsable()) {
        m_client->logger().info(u"skipping subscription"_s,
                                {{u"subscription"_s, entry.subscription.id}, {u"state"_s, entry.subscription.state}});
        m_inventory.skipped.append(entry.subscription);
        entry.error = u"subscription %1 is %2"_s.arg(entry.subscription.id, entry.subscription.state);
        return settle(index);
    }
    listIdentities(index);
}

void MsiInventoryJob::listIdentities(int index)
{
    ArmListJob *job = m_client->listUserAssignedIdentities(m_inventory.subscriptions.at(index).subscription.id, this);
    // Read into compact MSIs as pages arrive: 10,000 identities held as JSON would cost more than the rest.
    job->setItemSink([this, index](const QJsonObject &item) {
        SubscriptionMsis &entry = m_inventory.subscriptions[index];
        Model::Msi msi;
        QString error;
        if (Model::Msi::fromArmJson(item, &msi, &error))
            entry.msis.append(std::move(msi));
        else
            entry.invalidItems.append(error);
    });
    connect(job, &ArmListJob::finished, this,
            [this, index](const ArmListResult &result) { onIdentities(index, result); });
    job->start();
}

void MsiInventoryJob::onIdentities(int index, const ArmListResult &result)
{
    SubscriptionMsis &entry = m_inventory.subscriptions[index];
    entry.ok = result.ok;
    entry.pages = result.pages;
    entry.msis.squeeze();
    if (!result.ok) {
        entry.msis = {};
        entry.invalidItems = {};
        entry.error = u"cannot list identities of subscription %1: %2"_s.arg(entry.subscription.id, result.error);
        m_client->logger().warning(u"identity listing failed; the subscription's MSIs are left as they were"_s,
                                   {{u"subscription"_s, entry.subscription.id}, {u"error"_s, result.error}});
    }
    settle(index);
}

void MsiInventoryJob::settle(int)
{
    ++m_settled;
    --m_running;
    pump();
}

} // namespace Amo::Azure
