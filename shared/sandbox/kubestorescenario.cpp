// SPDX-License-Identifier: MIT
// KubeStore::loadScenario: the object part of a scenario's "kubernetes" section.
#include "kubestore.h"

#include "kuberesourcetype.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

// Accepts a full object or the short form {"name","namespace","labels","annotations","spec"}.
QJsonObject normalise(QJsonObject entry, const KubeResourceType &type)
{
    if (!entry.contains(u"metadata"_s)) {
        QJsonObject metadata;
        for (const QString &key : {u"name"_s, u"namespace"_s, u"labels"_s, u"annotations"_s}) {
            if (entry.contains(key))
                metadata.insert(key, entry.take(key));
        }
        entry.insert(u"metadata"_s, metadata);
    }
    entry.insert(u"apiVersion"_s, type.apiVersion());
    entry.insert(u"kind"_s, type.kind);
    return entry;
}

} // namespace

QString KubeStore::loadScenario(const QJsonObject &section)
{
    if (section.contains(u"compactionWindowSeconds"_s))
        m_options.compactionWindowMs = qint64(section.value(u"compactionWindowSeconds"_s).toDouble() * 1000);
    if (section.contains(u"bookmarkIntervalMs"_s))
        m_options.bookmarkIntervalMs = section.value(u"bookmarkIntervalMs"_s).toInt();
    if (section.contains(u"tooOldWatchAsHttp410"_s))
        m_options.tooOldWatchAsHttpError = section.value(u"tooOldWatchAsHttp410"_s).toBool();
    if (section.contains(u"maxListSnapshots"_s))
        m_options.maxSnapshots = section.value(u"maxListSnapshots"_s).toInt();

    const auto find = [](const QString &group, const QString &resource) {
        return KubeResourceType::find(group, u"v1"_s, resource);
    };
    const struct
    {
        QString key;
        const KubeResourceType *type;
    } lists[] = {
        {u"namespaces"_s, find({}, u"namespaces"_s)},
        {u"azureIdentities"_s, find(u"aadpodidentity.k8s.io"_s, u"azureidentities"_s)},
        {u"azureIdentityBindings"_s, find(u"aadpodidentity.k8s.io"_s, u"azureidentitybindings"_s)},
        {u"leases"_s, find(u"coordination.k8s.io"_s, u"leases"_s)},
        {u"serviceAccounts"_s, find({}, u"serviceaccounts"_s)},
        {u"configMaps"_s, find({}, u"configmaps"_s)},
    };
    for (const auto &list : lists) {
        for (const QJsonValue &v : section.value(list.key).toArray()) {
            QJsonObject entry = v.isString() ? QJsonObject {{u"name"_s, v.toString()}} : v.toObject();
            const KubeResult r = put(normalise(entry, *list.type));
            if (!r.ok())
                return list.key % u": "_s % r.error.status.value(u"message"_s).toString();
        }
    }
    for (const QJsonValue &v : section.value(u"objects"_s).toArray()) {
        const KubeResult r = put(v.toObject());
        if (!r.ok())
            return u"objects: "_s + r.error.status.value(u"message"_s).toString();
    }
    return {};
}

} // namespace Amo::Sandbox
