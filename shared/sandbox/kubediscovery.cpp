// SPDX-License-Identifier: MIT
#include "kubediscovery.h"

#include "kuberesourcetype.h"

#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

QJsonObject groupVersion(const QString &group)
{
    const QString gv = group + u"/v1"_s;
    return {{u"groupVersion"_s, gv}, {u"version"_s, u"v1"_s}};
}

QJsonObject apiGroup(const QString &name)
{
    return {{u"name"_s, name},
            {u"versions"_s, QJsonArray {groupVersion(name)}},
            {u"preferredVersion"_s, groupVersion(name)}};
}

QJsonObject crdStatus(const QJsonObject &names)
{
    const auto condition = [](const QString &type, const QString &reason, const QString &message) {
        return QJsonObject {{u"type"_s, type},
                            {u"status"_s, u"True"_s},
                            {u"lastTransitionTime"_s, u"2024-01-01T00:00:00Z"_s},
                            {u"reason"_s, reason},
                            {u"message"_s, message}};
    };
    return {{u"acceptedNames"_s, names},
            {u"conditions"_s,
             QJsonArray {
                 condition(u"NamesAccepted"_s, u"NoConflicts"_s, u"no conflicts found"_s),
                 condition(u"Established"_s, u"InitialNamesAccepted"_s, u"the initial names have been accepted"_s)}},
            {u"storedVersions"_s, QJsonArray {u"v1"_s}}};
}

} // namespace

QJsonObject KubeDiscovery::version()
{
    return {{u"major"_s, u"1"_s},
            {u"minor"_s, u"29"_s},
            {u"gitVersion"_s, u"v1.29.4"_s},
            {u"gitCommit"_s, u"55019c83b0fd51ef4ced8c29eec2c4847f896e74"_s},
            {u"gitTreeState"_s, u"clean"_s},
            {u"buildDate"_s, u"2024-04-16T15:03:41Z"_s},
            {u"goVersion"_s, u"go1.21.9"_s},
            {u"compiler"_s, u"gc"_s},
            {u"platform"_s, u"linux/amd64"_s}};
}

QJsonObject KubeDiscovery::coreVersions()
{
    return {{u"kind"_s, u"APIVersions"_s},
            {u"versions"_s, QJsonArray {u"v1"_s}},
            {u"serverAddressByClientCIDRs"_s,
             QJsonArray {QJsonObject {{u"clientCIDR"_s, u"0.0.0.0/0"_s}, {u"serverAddress"_s, u"127.0.0.1:443"_s}}}}};
}

QJsonObject KubeDiscovery::groupList()
{
    QJsonArray groups;
    for (const QString &g : KubeResourceType::groups())
        groups.append(apiGroup(g));
    return {{u"kind"_s, u"APIGroupList"_s}, {u"apiVersion"_s, u"v1"_s}, {u"groups"_s, groups}};
}

QJsonObject KubeDiscovery::group(const QString &name)
{
    if (!KubeResourceType::groups().contains(name))
        return {};
    QJsonObject g = apiGroup(name);
    g.insert(u"kind"_s, u"APIGroup"_s);
    g.insert(u"apiVersion"_s, u"v1"_s);
    return g;
}

QJsonObject KubeDiscovery::resourceList(const QString &group, const QString &version)
{
    QJsonArray resources;
    for (const KubeResourceType &t : KubeResourceType::all()) {
        if (t.group != group || t.version != version)
            continue;
        QJsonObject r {{u"name"_s, t.resource},
                       {u"singularName"_s, t.singular},
                       {u"namespaced"_s, t.namespaced},
                       {u"kind"_s, t.kind},
                       {u"verbs"_s, QJsonArray::fromStringList(t.verbs)}};
        if (!t.shortNames.isEmpty())
            r.insert(u"shortNames"_s, QJsonArray::fromStringList(t.shortNames));
        resources.append(r);
    }
    if (resources.isEmpty())
        return {};
    return {{u"kind"_s, u"APIResourceList"_s},
            {u"apiVersion"_s, u"v1"_s},
            {u"groupVersion"_s, group.isEmpty() ? version : group + u'/' + version},
            {u"resources"_s, resources}};
}

QJsonArray KubeDiscovery::customResourceDefinitions()
{
    static const QJsonArray crds = [] {
        QFile file(u":/sandbox/kube/aadpodidentity-crds.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the embedded CRD resource is missing");
        QJsonArray out;
        for (const QJsonValue &v : QJsonDocument::fromJson(file.readAll()).object().value(u"items"_s).toArray()) {
            QJsonObject crd = v.toObject();
            crd.insert(u"status"_s, crdStatus(crd.value(u"spec"_s).toObject().value(u"names"_s).toObject()));
            out.append(crd);
        }
        return out;
    }();
    return crds;
}

} // namespace Amo::Sandbox
