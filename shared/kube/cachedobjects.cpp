// SPDX-License-Identifier: MIT
// fromJson of the small cached value types; they share this file because each is a few lines.
#include "cachedbinding.h"
#include "cachedidentity.h"
#include "cachednamespace.h"

using namespace Qt::StringLiterals;

namespace Amo::Kube {

CachedNamespace CachedNamespace::fromJson(const QJsonObject &object)
{
    return CachedNamespace {CachedMeta::fromJson(object),
                            object.value(u"status"_s).toObject().value(u"phase"_s).toString()};
}

CachedBinding CachedBinding::fromJson(const QJsonObject &object)
{
    const QJsonObject spec = object.value(u"spec"_s).toObject();
    return CachedBinding {CachedMeta::fromJson(object), spec.value(u"azureIdentity"_s).toString(),
                          spec.value(u"selector"_s).toString()};
}

CachedIdentity CachedIdentity::fromJson(const QJsonObject &object)
{
    CachedIdentity id;
    id.meta = CachedMeta::fromJson(object);
    id.annotations = CachedMeta::stringMap(object.value(u"metadata"_s).toObject().value(u"annotations"_s).toObject());
    QJsonObject spec = object.value(u"spec"_s).toObject();
    id.type = spec.take(u"type"_s).toInt();
    id.resourceId = spec.take(u"resourceID"_s).toString();
    id.clientId = spec.take(u"clientID"_s).toString();
    if (!spec.isEmpty())
        id.other.insert(u"spec"_s, spec);
    const QJsonObject status = object.value(u"status"_s).toObject();
    if (!status.isEmpty())
        id.other.insert(u"status"_s, status);
    return id;
}

} // namespace Amo::Kube
