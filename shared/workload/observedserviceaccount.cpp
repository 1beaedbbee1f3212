// SPDX-License-Identifier: MIT
#include "shared/workload/observedserviceaccount.h"

using namespace Qt::StringLiterals;

namespace Amo::Workload {

namespace {
QMap<QString, QString> stringMap(const QJsonObject &object)
{
    QMap<QString, QString> map;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}
} // namespace

ObservedServiceAccount ObservedServiceAccount::fromJson(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(u"metadata"_s).toObject();
    ObservedServiceAccount sa;
    sa.namespaceName = metadata.value(u"namespace"_s).toString();
    sa.name = metadata.value(u"name"_s).toString();
    sa.resourceVersion = metadata.value(u"resourceVersion"_s).toString();
    sa.labels = stringMap(metadata.value(u"labels"_s).toObject());
    sa.annotations = stringMap(metadata.value(u"annotations"_s).toObject());
    return sa;
}

} // namespace Amo::Workload
