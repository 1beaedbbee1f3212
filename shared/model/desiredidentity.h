// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Amo::Model {

/** The AzureIdentity the operator wants to exist for one (MSI, namespace) pair. */
struct DesiredIdentity
{
    QString msiId; // the MSI's ARM ID as listed, for reports
    QString namespaceName;
    QString name;
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    QString resourceId; // spec.resourceID (lower-cased MSI ID)
    QString clientId; // spec.clientID

    /** The full aadpodidentity.k8s.io/v1 AzureIdentity object. */
    QJsonObject toJson() const;

    bool operator==(const DesiredIdentity &) const = default;
};

} // namespace Amo::Model
