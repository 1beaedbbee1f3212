// SPDX-License-Identifier: MIT
#include "shared/model/observedidentity.h"

#include "shared/model/stringpool.h"

using namespace Qt::StringLiterals;

namespace Amo::Model {

ObservedIdentity ObservedIdentity::fromJson(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(u"metadata"_s).toObject();
    const QJsonObject spec = object.value(u"spec"_s).toObject();
    ObservedIdentity identity;
    // Everything but uid and resourceVersion is also held by the desired object: share it.
    identity.namespaceName = StringPool::intern(metadata.value(u"namespace"_s).toString());
    identity.name = StringPool::intern(metadata.value(u"name"_s).toString());
    identity.uid = metadata.value(u"uid"_s).toString();
    identity.resourceVersion = metadata.value(u"resourceVersion"_s).toString();
    identity.labels = StringPool::stringMap(metadata.value(u"labels"_s).toObject());
    identity.annotations = StringPool::stringMap(metadata.value(u"annotations"_s).toObject());
    const QJsonValue type = spec.value(u"type"_s);
    if (type.isDouble())
        identity.type = type.toInt();
    identity.resourceId = StringPool::intern(spec.value(u"resourceID"_s).toString());
    identity.clientId = StringPool::intern(spec.value(u"clientID"_s).toString());
    return identity;
}

} // namespace Amo::Model
