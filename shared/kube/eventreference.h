// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Amo::Kube {

/** The object an Event is about: core/v1 involvedObject, events.k8s.io/v1 regarding. */
struct EventReference
{
    QString apiVersion; // e.g. "aadpodidentity.k8s.io/v1"
    QString kind;
    QString ns; // empty for cluster-scoped objects; their Events go to "default"
    QString name;
    QString uid; // optional
    QString resourceVersion; // optional

    /** Reads apiVersion, kind and metadata from a whole object. */
    static EventReference fromObject(const QJsonObject &object)
    {
        using namespace Qt::StringLiterals;
        const QJsonObject metadata = object.value(u"metadata"_s).toObject();
        return {object.value(u"apiVersion"_s).toString(),  object.value(u"kind"_s).toString(),
                metadata.value(u"namespace"_s).toString(), metadata.value(u"name"_s).toString(),
                metadata.value(u"uid"_s).toString(),       metadata.value(u"resourceVersion"_s).toString()};
    }

    /** The ObjectReference as the API wants it; empty optional fields are left out. */
    QJsonObject toJson() const
    {
        using namespace Qt::StringLiterals;
        QJsonObject o {{u"apiVersion"_s, apiVersion}, {u"kind"_s, kind}, {u"name"_s, name}};
        if (!ns.isEmpty())
            o.insert(u"namespace"_s, ns);
        if (!uid.isEmpty())
            o.insert(u"uid"_s, uid);
        if (!resourceVersion.isEmpty())
            o.insert(u"resourceVersion"_s, resourceVersion);
        return o;
    }

    /** Identifies the object, not one version of it: the key of spam buckets and series. */
    QString key() const { return QStringList {apiVersion, kind, ns, name, uid}.join(QChar(0)); }
};

} // namespace Amo::Kube
