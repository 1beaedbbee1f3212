// SPDX-License-Identifier: MIT
#include "shared/model/observedidentity.h"

using namespace Qt::StringLiterals;

namespace Amo::Model {

namespace {
QMap<QString, QString> stringMap(const QJsonObject &object)
{
    QMap<QString, QString> map;
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}
} // namespace

ObservedIdentity ObservedIdentity::fromJson(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(u"metadata"_s).toObject();
    const QJsonObject spec = object.value(u"spec"_s).toObject();
    ObservedIdentity identity;
    identity.namespaceName = metadata.value(u"namespace"_s).toString();
    identity.name = metadata.value(u"name"_s).toString();
    identity.uid = metadata.value(u"uid"_s).toString();
    identity.resourceVersion = metadata.value(u"resourceVersion"_s).toString();
    identity.labels = stringMap(metadata.value(u"labels"_s).toObject());
    identity.annotations = stringMap(metadata.value(u"annotations"_s).toObject());
    const QJsonValue type = spec.value(u"type"_s);
    if (type.isDouble())
        identity.type = type.toInt();
    identity.resourceId = spec.value(u"resourceID"_s).toString();
    identity.clientId = spec.value(u"clientID"_s).toString();
    return identity;
}

} // namespace Amo::Model
