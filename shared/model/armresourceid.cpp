// SPDX-License-Identifier: MIT
#include "shared/model/armresourceid.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Amo::Model {

bool ArmResourceId::parse(const QString &id, ArmResourceId *out, QString *error)
{
    const QStringList parts = id.split(u'/');
    // "", "subscriptions", s, "resourceGroups", rg, "providers", ns, type, name
    const bool shaped = parts.size() == 9 && parts[0].isEmpty()
        && parts[1].compare(u"subscriptions"_s, Qt::CaseInsensitive) == 0
        && parts[3].compare(u"resourceGroups"_s, Qt::CaseInsensitive) == 0
        && parts[5].compare(u"providers"_s, Qt::CaseInsensitive) == 0;
    if (!shaped) {
        *error = u"resource ID \"%1\" is not of the form "
                 "/subscriptions/{subscription}/resourceGroups/{group}/providers/{namespace}/{type}/{name}"_s.arg(id);
        return false;
    }
    for (int i = 2; i < parts.size(); ++i) {
        if (parts[i].trimmed().isEmpty()) {
            *error = u"resource ID \"%1\" has an empty segment"_s.arg(id);
            return false;
        }
    }
    out->subscriptionId = parts[2];
    out->resourceGroup = parts[4];
    out->provider = parts[6];
    out->resourceType = parts[7];
    out->name = parts[8];
    return true;
}

bool ArmResourceId::isUserAssignedIdentity() const
{
    return provider.compare(u"Microsoft.ManagedIdentity"_s, Qt::CaseInsensitive) == 0
        && resourceType.compare(u"userAssignedIdentities"_s, Qt::CaseInsensitive) == 0;
}

} // namespace Amo::Model
