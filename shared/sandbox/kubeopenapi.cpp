// SPDX-License-Identifier: MIT
#include "kubeopenapi.h"

#include "kuberesourcetype.h"

#include <QJsonArray>

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

} // namespace

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
            {u"components"_s, QJsonObject {{u"schemas"_s, QJsonObject()}}}};
}

} // namespace Amo::Sandbox
