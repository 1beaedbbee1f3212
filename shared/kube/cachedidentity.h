// SPDX-License-Identifier: MIT
#pragma once

#include "cachedmeta.h"

namespace Amo::Kube {

/**
 * An AzureIdentity as the planner needs it. Spec fields the product does not own and the status
 * are kept only when present, compactly in `other` ({"spec":{…},"status":{…}}), so that an update
 * can preserve them without the cache holding every raw object.
 */
struct CachedIdentity
{
    CachedMeta meta;
    StringMap annotations;
    int type = 0; // 0: user-assigned MSI, 1: service principal, 2: certificate
    QString resourceId;
    QString clientId;
    QJsonObject other;

    bool hasOtherFields() const { return !other.isEmpty(); }
    static CachedIdentity fromJson(const QJsonObject &object);
    bool operator==(const CachedIdentity &other) const = default;
};

} // namespace Amo::Kube
