// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Amo::Sandbox {

/** The discovery documents of the simulated API server (/version, /api, /apis, APIResourceLists) and its CRDs. */
class KubeDiscovery
{
public:
    static QJsonObject version();
    /** /api: APIVersions. */
    static QJsonObject coreVersions();
    /** /apis: APIGroupList. */
    static QJsonObject groupList();
    /** /apis/{group}: APIGroup, or an empty object for an unknown group. */
    static QJsonObject group(const QString &name);
    /** /api/v1 or /apis/{group}/{version}: APIResourceList, or an empty object when unknown. */
    static QJsonObject resourceList(const QString &group, const QString &version);
    /** The four aad-pod-identity CustomResourceDefinitions, as an established cluster reports them. */
    static QJsonArray customResourceDefinitions();
};

} // namespace Amo::Sandbox
