// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Amo::Model {

/** An AzureIdentityBinding as it exists in the cluster: what binding sync reads, and the resourceVersion it writes
 * against. */
struct ObservedBinding
{
    QString namespaceName;
    QString name;
    QString resourceVersion;
    QMap<QString, QString> labels;
    QString azureIdentity; // spec.azureIdentity: the AzureIdentity it binds
    QString selector; // spec.selector
    QString uid; // for Events about it

    /** Reads an aadpodidentity.k8s.io/v1 AzureIdentityBinding object. */
    static ObservedBinding fromJson(const QJsonObject &object);

    bool operator==(const ObservedBinding &) const = default;
};

} // namespace Amo::Model
