// SPDX-License-Identifier: MIT
#include "gui/session/podinfo.h"

using namespace Qt::StringLiterals;

namespace Amo::Gui {

namespace {
QString keyOf(const QString &ns, const QString &name)
{
    return QString(ns + u'/' + name);
}
} // namespace

PodOwner PodInfo::controllerOf(const QJsonObject &object)
{
    const QJsonArray refs = object.value(u"metadata"_s).toObject().value(u"ownerReferences"_s).toArray();
    PodOwner first;
    for (const QJsonValue &value : refs) {
        const QJsonObject ref = value.toObject();
        const PodOwner owner {ref.value(u"kind"_s).toString(), ref.value(u"name"_s).toString()};
        if (ref.value(u"controller"_s).toBool())
            return owner;
        if (first.kind.isEmpty())
            first = owner;
    }
    return first;
}

PodInfo PodInfo::fromJson(const QJsonObject &object, const QHash<QString, PodOwner> &replicaSetOwners)
{
    const QJsonObject metadata = object.value(u"metadata"_s).toObject();
    PodInfo pod;
    pod.namespaceName = metadata.value(u"namespace"_s).toString();
    pod.name = metadata.value(u"name"_s).toString();
    const QJsonObject labels = metadata.value(u"labels"_s).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        pod.labels.insert(it.key(), it.value().toString());
    pod.serviceAccount = object.value(u"spec"_s).toObject().value(u"serviceAccountName"_s).toString();
    if (pod.serviceAccount.isEmpty())
        pod.serviceAccount = u"default"_s;
    pod.owner = controllerOf(object);
    if (pod.owner.kind == u"ReplicaSet") {
        const auto it = replicaSetOwners.constFind(keyOf(pod.namespaceName, pod.owner.name));
        if (it != replicaSetOwners.constEnd() && !it->kind.isEmpty())
            pod.owner = *it;
    }
    if (pod.owner.kind.isEmpty())
        pod.owner = {u"Pod"_s, pod.name};
    return pod;
}

QHash<QString, PodOwner> PodInfo::replicaSetOwners(const QJsonArray &replicaSets)
{
    QHash<QString, PodOwner> owners;
    for (const QJsonValue &value : replicaSets) {
        const QJsonObject rs = value.toObject();
        const QJsonObject metadata = rs.value(u"metadata"_s).toObject();
        owners.insert(keyOf(metadata.value(u"namespace"_s).toString(), metadata.value(u"name"_s).toString()),
                      controllerOf(rs));
    }
    return owners;
}

} // namespace Amo::Gui
