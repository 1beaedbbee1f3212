// SPDX-License-Identifier: MIT
#include "kubeopenapi.h"

#include "kuberesourcetype.h"
#include "kubeschema.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

QString groupVersionPath(const KubeResourceType &t)
{
    if (t.group.isEmpty())
        return u"api/"_s + t.version;
    return u"apis/"_s % t.group % u"/"_s % t.version;
}

QJsonObject queryParameter(const QString &name)
{
    return {{u"name"_s, name}, {u"in"_s, u"query"_s}, {u"schema"_s, QJsonObject {{u"type"_s, u"string"_s}}}};
}

// Schema names as the API server derives them: reversed group, version, kind.
QString schemaName(const KubeResourceType &t)
{
    if (t.group.isEmpty())
        return u"io.k8s.api.core.v1."_s + t.kind;
    QStringList parts = t.group.split(u'.');
    std::reverse(parts.begin(), parts.end());
    return parts.join(u'.') % u"."_s % t.version % u"."_s % t.kind;
}

// The simulator's decoding schema, cleaned of its private annotations, as an OpenAPI schema.
QJsonValue publicSchema(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(publicSchema(v));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"x-go" || it.key() == u"$ref")
            continue;
        out.insert(it.key(), publicSchema(it.value()));
    }
    if (o.value(u"format"_s).toString() == u"micro-time")
        out.insert(u"format"_s, u"date-time"_s);
    return out;
}

QJsonObject schemasOf(const QString &group, const QString &version)
{
    QJsonObject schemas;
    for (const KubeResourceType &t : KubeResourceType::all()) {
        if (t.group != group || t.version != version)
            continue;
        QJsonObject schema = KubeSchema::forType(t);
        if (schema.isEmpty())
            continue;
        schema = publicSchema(KubeSchema::resolved(schema)).toObject();
        schema.insert(u"x-kubernetes-group-version-kind"_s,
                      QJsonArray {QJsonObject {{u"group"_s, t.group}, {u"kind"_s, t.kind}, {u"version"_s, t.version}}});
        schemas.insert(schemaName(t), schema);
    }
    return schemas;
}

} // namespace

QJsonObject KubeOpenApi::swagger()
{
    QJsonObject definitions;
    for (const KubeResourceType &t : KubeResourceType::all()) {
        const QJsonObject s = schemasOf(t.group, t.version);
        for (auto it = s.begin(); it != s.end(); ++it)
            definitions.insert(it.key(), it.value());
    }
    return {{u"swagger"_s, u"2.0"_s},
            {u"info"_s, QJsonObject {{u"title"_s, u"Kubernetes"_s}, {u"version"_s, u"v1.29.4"_s}}},
            {u"paths"_s, QJsonObject()},
            {u"definitions"_s, definitions}};
}

QJsonObject KubeOpenApi::index()
{
    QJsonObject paths;
    for (const KubeResourceType &t : KubeResourceType::all()) {
        const QString gv = groupVersionPath(t);
        // The hash only has to change when the document does; ours never does while running.
        paths.insert(gv, QJsonObject {{u"serverRelativeURL"_s, QString(u"/openapi/v3/"_s % gv % u"?hash=0"_s)}});
    }
    return {{u"paths"_s, paths}};
}

QJsonObject KubeOpenApi::groupVersion(const QString &group, const QString &version)
{
    QJsonObject paths;
    for (const KubeResourceType &t : KubeResourceType::all()) {
        if (t.group != group || t.version != version || !t.hasVerb(u"patch"_s))
            continue;
        const QString item = u"/"_s % groupVersionPath(t) % (t.namespaced ? u"/namespaces/{namespace}/"_s : u"/"_s)
            % t.resource % u"/{name}"_s;
        const QJsonObject gvk {{u"group"_s, t.group}, {u"version"_s, t.version}, {u"kind"_s, t.kind}};
        const QJsonObject patch {{u"operationId"_s, QString(u"patch"_s + t.kind)},
                                 {u"x-kubernetes-action"_s, u"patch"_s},
                                 {u"x-kubernetes-group-version-kind"_s, gvk},
                                 {u"parameters"_s,
                                  QJsonArray {queryParameter(u"dryRun"_s), queryParameter(u"fieldManager"_s),
                                              queryParameter(u"fieldValidation"_s), queryParameter(u"force"_s)}},
                                 {u"responses"_s, QJsonObject {{u"200"_s, QJsonObject {{u"description"_s, u"OK"_s}}}}}};
        paths.insert(item, QJsonObject {{u"patch"_s, patch}});
    }
    if (paths.isEmpty())
        return {};
    return {{u"openapi"_s, u"3.0.0"_s},
            {u"info"_s, QJsonObject {{u"title"_s, u"Kubernetes"_s}, {u"version"_s, u"v1.29.4"_s}}},
            {u"paths"_s, paths},
            {u"components"_s, QJsonObject {{u"schemas"_s, schemasOf(group, version)}}}};
}

} // namespace Amo::Sandbox
