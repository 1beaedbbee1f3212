// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "shared/model/msi.h"

namespace Amo::Azure {

/** The fields of an ARM subscription the operator uses. */
struct SubscriptionInfo
{
    QString id;
    QString displayName;
    QString state;
    QString tenantId;

    static SubscriptionInfo fromJson(const QJsonObject &json);
    /** Disabled and Deleted subscriptions are skipped (and logged). */
    bool isUsable() const;
};

/** One subscription's identities, complete, or its error (then `identities` is empty, never partial). */
struct SubscriptionMsis
{
    SubscriptionInfo subscription;
    bool ok = false;
    QString error;
    QList<Model::Msi> msis; // read from ARM's userAssignedIdentities items page by page
    QStringList invalidItems; // items that are not identities, with why
    int pages = 0;
};

/** The result of one inventory run over all subscriptions. */
struct MsiInventory
{
    bool ok = false; // false only when the subscription list itself could not be read
    QString error;
    QList<SubscriptionMsis> subscriptions; // in the order listed / configured
    QList<SubscriptionInfo> skipped; // disabled or deleted

    int identityCount() const;
    int failedSubscriptions() const;
};

} // namespace Amo::Azure
