// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Amo::Model {

/** A user-assigned managed identity as ARM lists it. Field names follow the template data the original exposed. */
struct Msi
{
    QString id;
    QString name;
    QString location;
    QString resourceGroup;
    QString subscriptionId;
    QString clientId;
    QString tenantId;
    QString principalId;
    QMap<QString, QString> tags;
    QString type;

    /**
     * Reads one item of an ARM userAssignedIdentities list. Resource group and subscription come from the id.
     * Returns false and sets *error (naming the field) when the item cannot be an identity.
     */
    static bool fromArmJson(const QJsonObject &item, Msi *out, QString *error);
    QJsonObject toArmJson() const;

    bool operator==(const Msi &) const = default;
};

} // namespace Amo::Model
