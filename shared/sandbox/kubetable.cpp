// SPDX-License-Identifier: MIT
#include "kubetable.h"

#include "kubediscovery.h"
#include "kuberesourcetype.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

const QString kNameDescription = u"Name must be unique within a namespace. Is required when creating resources, "
                                 "although some resources may allow a client to request the generation of an "
                                 "appropriate name automatically. Name is primarily intended for creation "
                                 "idempotence and configuration definition. Cannot be updated. More info: "
                                 "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"_s;

struct Column
{
    QString name;
    QString type;
    QString format;
    QString description;
    int priority = 0;
    QString jsonPath; // custom resources
};

QJsonValue at(const QJsonObject &object, const QString &jsonPath)
{
    QJsonValue v = object;
    for (const QString &part : jsonPath.split(u'.', Qt::SkipEmptyParts))
        v = v.toObject().value(part);
    return v;
}

QList<Column> crdColumns(const KubeResourceType &type)
{
    QList<Column> columns;
    for (const QJsonValue &crd : KubeDiscovery::customResourceDefinitions()) {
        const QJsonObject spec = crd.toObject().value(u"spec"_s).toObject();
        if (spec.value(u"group"_s).toString() != type.group
            || spec.value(u"names"_s).toObject().value(u"plural"_s).toString() != type.resource)
            continue;
        for (const QJsonValue &version : spec.value(u"versions"_s).toArray()) {
            if (version.toObject().value(u"name"_s).toString() != type.version)
                continue;
            for (const QJsonValue &c : version.toObject().value(u"additionalPrinterColumns"_s).toArray()) {
                const QJsonObject o = c.toObject();
                columns.append({o.value(u"name"_s).toString(), o.value(u"type"_s).toString(),
                                o.value(u"format"_s).toString(), o.value(u"description"_s).toString(),
                                o.value(u"priority"_s).toInt(), o.value(u"jsonPath"_s).toString()});
            }
        }
    }
    return columns;
}

QString age(const QJsonObject &metadata, const QDateTime &now)
{
    const QDateTime created = QDateTime::fromString(metadata.value(u"creationTimestamp"_s).toString(), Qt::ISODate);
    return created.isValid() ? KubeTable::humanDuration(created.secsTo(now)) : u"<unknown>"_s;
}

} // namespace

bool KubeTable::wanted(const QByteArray &accept, const KubeResourceType &type)
{
    // Only the first media range counts: kubectl lists Table ones first and plain JSON last.
    QByteArray first = accept.split(',').constFirst();
    first.replace(' ', "");
    if (!first.contains("as=Table") || !first.contains("g=meta.k8s.io"))
        return false;
    // Events keep their plain form: their printer (LAST SEEN, OBJECT, ...) is not simulated.
    return type.kind != u"Event";
}

QString KubeTable::humanDuration(qint64 s)
{
    if (s < -1)
        return u"<invalid>"_s;
    if (s < 0)
        return u"0s"_s;
    if (s < 60 * 2)
        return u"%1s"_s.arg(s);
    const qint64 m = s / 60;
    if (m < 10)
        return s % 60 == 0 ? u"%1m"_s.arg(m) : u"%1m%2s"_s.arg(m).arg(s % 60);
    if (m < 60 * 3)
        return u"%1m"_s.arg(m);
    const qint64 h = m / 60;
    if (h < 8)
        return m % 60 == 0 ? u"%1h"_s.arg(h) : u"%1h%2m"_s.arg(h).arg(m % 60);
    if (h < 48)
        return u"%1h"_s.arg(h);
    if (h < 24 * 8)
        return h % 24 == 0 ? u"%1d"_s.arg(h / 24) : u"%1d%2h"_s.arg(h / 24).arg(h % 24);
    if (h < 24 * 365 * 2)
        return u"%1d"_s.arg(h / 24);
    if (h < 24 * 365 * 8)
        return u"%1y%2d"_s.arg(h / 24 / 365).arg((h / 24) % 365);
    return u"%1y"_s.arg(h / 24 / 365);
}

QJsonObject KubeTable::build(const KubeResourceType &type, const QList<KubeObjectPtr> &items,
                             const QString &includeObject, const QDateTime &now)
{
    QList<Column> columns {{u"Name"_s, u"string"_s, u"name"_s, kNameDescription, 0, {}}};
    const bool custom = type.customResource;
    QList<Column> extra;
    if (custom) {
        extra = crdColumns(type);
        if (extra.isEmpty())
            extra.append({u"Age"_s, u"date"_s, {}, {}, 0, u".metadata.creationTimestamp"_s});
    } else if (type.kind == u"Namespace") {
        extra = {{u"Status"_s, u"string"_s, {}, u"The status of the namespace"_s, 0, {}},
                 {u"Age"_s, u"string"_s, {}, {}, 0, {}}};
    } else if (type.kind == u"ConfigMap") {
        extra = {{u"Data"_s, u"string"_s, {}, {}, 0, {}}, {u"Age"_s, u"string"_s, {}, {}, 0, {}}};
    } else if (type.kind == u"ServiceAccount") {
        extra = {{u"Secrets"_s, u"string"_s, {}, {}, 0, {}}, {u"Age"_s, u"string"_s, {}, {}, 0, {}}};
    } else if (type.kind == u"Lease") {
        extra = {{u"Holder"_s, u"string"_s, {}, {}, 0, {}}, {u"Age"_s, u"string"_s, {}, {}, 0, {}}};
    } else {
        extra = {{u"Created At"_s, u"date"_s, {}, {}, 0, {}}};
    }
    columns += extra;
    QJsonArray definitions;
    for (const Column &c : std::as_const(columns)) {
        definitions.append(QJsonObject {{u"name"_s, c.name},
                                        {u"type"_s, c.type},
                                        {u"format"_s, c.format},
                                        {u"description"_s, c.description},
                                        {u"priority"_s, c.priority}});
    }
    QJsonArray rows;
    for (const KubeObjectPtr &item : items) {
        const QJsonObject o = item->json();
        const QJsonObject md = item->metadata();
        QJsonArray cells {md.value(u"name"_s)};
        for (const Column &c : std::as_const(extra)) {
            if (custom) {
                const QJsonValue v = at(o, c.jsonPath);
                if (v.isUndefined() || v.isNull())
                    cells.append(QJsonValue::Null);
                else if (c.type == u"string" && v.isDouble())
                    cells.append(QString::number(v.toDouble()));
                else if (c.type == u"string" && v.isBool())
                    cells.append(v.toBool() ? u"true"_s : u"false"_s);
                else
                    cells.append(v);
            } else if (c.name == u"Status") {
                cells.append(o.value(u"status"_s).toObject().value(u"phase"_s));
            } else if (c.name == u"Data") {
                cells.append(o.value(u"data"_s).toObject().size() + o.value(u"binaryData"_s).toObject().size());
            } else if (c.name == u"Secrets") {
                cells.append(o.value(u"secrets"_s).toArray().size());
            } else if (c.name == u"Holder") {
                cells.append(o.value(u"spec"_s).toObject().value(u"holderIdentity"_s).toString());
            } else if (c.name == u"Age") {
                cells.append(age(md, now));
            } else {
                cells.append(md.value(u"creationTimestamp"_s));
            }
        }
        QJsonObject row {{u"cells"_s, cells}};
        if (includeObject == u"Object") {
            row.insert(u"object"_s, o);
        } else if (includeObject != u"None") {
            row.insert(u"object"_s,
                       QJsonObject {{u"kind"_s, u"PartialObjectMetadata"_s},
                                    {u"apiVersion"_s, u"meta.k8s.io/v1"_s},
                                    {u"metadata"_s, md}});
        }
        rows.append(row);
    }
    return {{u"kind"_s, u"Table"_s},
            {u"apiVersion"_s, u"meta.k8s.io/v1"_s},
            {u"metadata"_s, QJsonObject()},
            {u"columnDefinitions"_s, definitions},
            {u"rows"_s, rows}};
}

} // namespace Amo::Sandbox
