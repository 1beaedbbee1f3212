// SPDX-License-Identifier: MIT
#include "shared/azure/msiinventory.h"

using namespace Qt::StringLiterals;

namespace Amo::Azure {

SubscriptionInfo SubscriptionInfo::fromJson(const QJsonObject &json)
{
    return {json.value(u"subscriptionId"_s).toString(), json.value(u"displayName"_s).toString(),
            json.value(u"state"_s).toString(), json.value(u"tenantId"_s).toString()};
}

bool SubscriptionInfo::isUsable() const
{
    return state.compare(u"Disabled"_s, Qt::CaseInsensitive) != 0
        && state.compare(u"Deleted"_s, Qt::CaseInsensitive) != 0;
}

int MsiInventory::identityCount() const
{
    int n = 0;
    for (const SubscriptionMsis &s : subscriptions)
        n += int(s.msis.size());
    return n;
}

int MsiInventory::failedSubscriptions() const
{
    int n = 0;
    for (const SubscriptionMsis &s : subscriptions)
        n += s.ok ? 0 : 1;
    return n;
}

} // namespace Amo::Azure
