// SPDX-License-Identifier: MIT
#include "kubeworkloadscenario.h"

#include <QCryptographicHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

struct Workload
{
    QString name;
    QString ns;
    QJsonObject labels; // of the controller object
    QJsonObject podLabels; // the template's, also the selector
    QJsonObject podAnnotations;
    QString serviceAccount;
    QString image;
    int replicas = 1;
};

Workload workload(const QJsonObject &entry)
{
    Workload w;
    w.name = entry.value(u"name"_s).toString();
    w.ns = entry.value(u"namespace"_s).toString(u"default"_s);
    w.labels = entry.value(u"labels"_s).toObject();
    w.podLabels = entry.value(u"podLabels"_s).toObject();
    if (w.podLabels.isEmpty())
        w.podLabels = QJsonObject {{u"app"_s, w.name}};
    w.podAnnotations = entry.value(u"podAnnotations"_s).toObject();
    w.serviceAccount = entry.value(u"serviceAccountName"_s).toString(u"default"_s);
    w.image = entry.value(u"image"_s).toString(u"registry.k8s.io/pause:3.9"_s);
    w.replicas = entry.value(u"replicas"_s).toInt(1);
    return w;
}

QJsonObject ownerReference(const QString &apiVersion, const QString &kind, const QString &name)
{
    return {{u"apiVersion"_s, apiVersion},
            {u"kind"_s, kind},
            {u"name"_s, name},
            {u"controller"_s, true},
            {u"blockOwnerDeletion"_s, true}};
}

QJsonObject podSpec(const Workload &w)
{
    return {{u"serviceAccountName"_s, w.serviceAccount},
            {u"serviceAccount"_s, w.serviceAccount}, // the deprecated twin the API server still fills
            {u"containers"_s, QJsonArray {QJsonObject {{u"name"_s, u"app"_s}, {u"image"_s, w.image}}}}};
}

QJsonObject podTemplate(const Workload &w, const QJsonObject &labels)
{
    QJsonObject metadata {{u"labels"_s, labels}};
    if (!w.podAnnotations.isEmpty())
        metadata.insert(u"annotations"_s, w.podAnnotations);
    return {{u"metadata"_s, metadata}, {u"spec"_s, podSpec(w)}};
}

QJsonObject pod(const Workload &w, const QString &name, const QJsonObject &labels, const QJsonObject &owner)
{
    QJsonObject metadata {
        {u"name"_s, name}, {u"namespace"_s, w.ns}, {u"labels"_s, labels}, {u"ownerReferences"_s, QJsonArray {owner}}};
    if (!w.podAnnotations.isEmpty())
        metadata.insert(u"annotations"_s, w.podAnnotations);
    return {{u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"Pod"_s},
            {u"metadata"_s, metadata},
            {u"spec"_s, podSpec(w)},
            {u"status"_s, QJsonObject {{u"phase"_s, u"Running"_s}}}};
}

QJsonObject controller(const QString &kind, const Workload &w, const QJsonObject &spec, const QJsonObject &status)
{
    QJsonObject metadata {{u"name"_s, w.name}, {u"namespace"_s, w.ns}};
    if (!w.labels.isEmpty())
        metadata.insert(u"labels"_s, w.labels);
    return {{u"apiVersion"_s, u"apps/v1"_s},
            {u"kind"_s, kind},
            {u"metadata"_s, metadata},
            {u"spec"_s, spec},
            {u"status"_s, status}};
}

} // namespace

QString KubeWorkloadScenario::suffix(const QString &seed, int length)
{
    static const QByteArray alphabet = "bcdfghjklmnpqrstvwxz2456789"; // no vowels, as rand.SafeEncodeString
    const QByteArray digest = QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256);
    QString out;
    for (int i = 0; i < length; ++i)
        out.append(QChar::fromLatin1(alphabet.at(quint8(digest.at(i)) % alphabet.size())));
    return out;
}

QList<QJsonObject> KubeWorkloadScenario::expand(const QJsonObject &section, QString *error)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : section.value(u"deployments"_s).toArray()) {
        const Workload w = workload(v.toObject());
        if (w.name.isEmpty()) {
            *error = u"deployments: every entry needs a name"_s;
            return {};
        }
        const QJsonObject selector {{u"matchLabels"_s, w.podLabels}};
        const QJsonObject status {{u"replicas"_s, w.replicas},
                                  {u"readyReplicas"_s, w.replicas},
                                  {u"availableReplicas"_s, w.replicas},
                                  {u"updatedReplicas"_s, w.replicas},
                                  {u"observedGeneration"_s, 1}};
        out.append(controller(
            u"Deployment"_s, w,
            {{u"replicas"_s, w.replicas}, {u"selector"_s, selector}, {u"template"_s, podTemplate(w, w.podLabels)}},
            status));
        // the Deployment controller names its ReplicaSet <deployment>-<pod-template-hash>
        const QString hash = suffix(w.ns + u'/' + w.name, 10);
        QJsonObject labels = w.podLabels;
        labels.insert(u"pod-template-hash"_s, hash);
        Workload rs = w;
        rs.name = w.name + u'-' + hash;
        rs.labels = labels;
        QJsonObject replicaSet = controller(
            u"ReplicaSet"_s, rs,
            {{u"replicas"_s, w.replicas},
             {u"selector"_s, QJsonObject {{u"matchLabels"_s, labels}}},
             {u"template"_s, podTemplate(w, labels)}},
            QJsonObject {{u"replicas"_s, w.replicas}, {u"readyReplicas"_s, w.replicas}, {u"observedGeneration"_s, 1}});
        QJsonObject rsMetadata = replicaSet.value(u"metadata"_s).toObject();
        rsMetadata.insert(u"ownerReferences"_s, QJsonArray {ownerReference(u"apps/v1"_s, u"Deployment"_s, w.name)});
        replicaSet.insert(u"metadata"_s, rsMetadata);
        out.append(replicaSet);
        for (int i = 0; i < w.replicas; ++i)
            out.append(pod(w, rs.name + u'-' + suffix(rs.name + QString::number(i), 5), labels,
                           ownerReference(u"apps/v1"_s, u"ReplicaSet"_s, rs.name)));
    }
    for (const QJsonValue &v : section.value(u"statefulSets"_s).toArray()) {
        const Workload w = workload(v.toObject());
        if (w.name.isEmpty()) {
            *error = u"statefulSets: every entry needs a name"_s;
            return {};
        }
        out.append(controller(u"StatefulSet"_s, w,
                              {{u"replicas"_s, w.replicas},
                               {u"serviceName"_s, w.name},
                               {u"selector"_s, QJsonObject {{u"matchLabels"_s, w.podLabels}}},
                               {u"template"_s, podTemplate(w, w.podLabels)}},
                              {{u"replicas"_s, w.replicas},
                               {u"readyReplicas"_s, w.replicas},
                               {u"currentReplicas"_s, w.replicas},
                               {u"observedGeneration"_s, 1}}));
        const QString revision = w.name + u'-' + suffix(w.ns + u'/' + w.name, 10);
        for (int i = 0; i < w.replicas; ++i) {
            // StatefulSet pods are <name>-<ordinal> and carry these two labels
            const QString name = w.name + u'-' + QString::number(i);
            QJsonObject labels = w.podLabels;
            labels.insert(u"statefulset.kubernetes.io/pod-name"_s, name);
            labels.insert(u"controller-revision-hash"_s, revision);
            out.append(pod(w, name, labels, ownerReference(u"apps/v1"_s, u"StatefulSet"_s, w.name)));
        }
    }
    for (const QJsonValue &v : section.value(u"pods"_s).toArray()) {
        const QJsonObject entry = v.toObject();
        if (entry.contains(u"metadata"_s)) {
            QJsonObject full = entry;
            full.insert(u"apiVersion"_s, u"v1"_s);
            full.insert(u"kind"_s, u"Pod"_s);
            out.append(full);
            continue;
        }
        const Workload w = workload(entry);
        if (w.name.isEmpty()) {
            *error = u"pods: every entry needs a name"_s;
            return {};
        }
        QJsonObject p = pod(w, w.name, entry.value(u"labels"_s).toObject(), {});
        QJsonObject metadata = p.value(u"metadata"_s).toObject();
        metadata.remove(u"ownerReferences"_s); // a bare pod
        p.insert(u"metadata"_s, metadata);
        out.append(p);
    }
    return out;
}

} // namespace Amo::Sandbox
