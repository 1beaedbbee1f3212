// SPDX-License-Identifier: MIT
// KubeStore::loadScenario: the object part of a scenario's "kubernetes" section.
#include "kubestore.h"

#include "kuberesourcetype.h"
#include "kubeworkloadscenario.h"

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

QJsonObject KubeStore::withOwnerUids(QJsonObject object) const
{
    QJsonObject metadata = object.value(u"metadata"_s).toObject();
    QJsonArray references = metadata.value(u"ownerReferences"_s).toArray();
    const QString ns = metadata.value(u"namespace"_s).toString(u"default"_s);
    for (qsizetype i = 0; i < references.size(); ++i) {
        QJsonObject reference = references.at(i).toObject();
        const KubeResourceType *type = KubeResourceType::findByKind(reference.value(u"apiVersion"_s).toString(),
                                                                    reference.value(u"kind"_s).toString());
        if (reference.contains(u"uid"_s) || !type)
            continue;
        if (const KubeObjectPtr owner = this->object(*type, ns, reference.value(u"name"_s).toString())) {
            reference.insert(u"uid"_s, owner->metadata().value(u"uid"_s));
            references.replace(i, reference);
        }
    }
    if (!references.isEmpty()) {
        metadata.insert(u"ownerReferences"_s, references);
        object.insert(u"metadata"_s, metadata);
    }
    return object;
}

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
    m_options.defaultServiceAccounts = section.value(u"defaultServiceAccounts"_s).toBool(true);

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
    QString workloadError;
    const QList<QJsonObject> workloads = KubeWorkloadScenario::expand(section, &workloadError);
    if (!workloadError.isEmpty())
        return workloadError;
    for (const QJsonObject &w : workloads) {
        const KubeResult r = put(withOwnerUids(w));
        if (!r.ok())
            return u"workloads: "_s + r.error.status.value(u"message"_s).toString();
    }
    for (const QJsonValue &v : section.value(u"objects"_s).toArray()) {
        const KubeResult r = put(withOwnerUids(v.toObject()));
        if (!r.ok())
            return u"objects: "_s + r.error.status.value(u"message"_s).toString();
    }
    return {};
}

} // namespace Amo::Sandbox
