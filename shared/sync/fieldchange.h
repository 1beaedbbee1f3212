// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QString>

namespace Amo::Sync {

/**
 * One owned field of an AzureIdentity that an update changes. Field names are paths into the object:
 * "spec.clientID", "metadata.labels[msi.azure.k8s.io/name]", "metadata.annotations[janitor/expires]".
 */
struct FieldChange
{
    QString field;
    QJsonValue from; // Null: the field is absent now
    QJsonValue to; // Null: the update removes the field

    bool operator==(const FieldChange &) const = default;
};

} // namespace Amo::Sync
