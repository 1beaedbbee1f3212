// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace Amo::Model {

/**
 * An AzureIdentity as it exists in the cluster. Holds the fields the planner compares plus the
 * resourceVersion that makes an update conditional; everything else on the object (foreign labels
 * and annotations, other spec fields, status) is deliberately not kept, because we never send it.
 */
struct ObservedIdentity
{
    QString namespaceName;
    QString name;
    QString uid;
    QString resourceVersion;
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    std::optional<int> type; // spec.type; nullopt when absent or not a number
    QString resourceId; // spec.resourceID as stored, in its original letter case
    QString clientId; // spec.clientID

    /** Reads an aadpodidentity.k8s.io/v1 AzureIdentity object (one item of a list or a watch event). */
    static ObservedIdentity fromJson(const QJsonObject &object);

    bool operator==(const ObservedIdentity &) const = default;
};

} // namespace Amo::Model
