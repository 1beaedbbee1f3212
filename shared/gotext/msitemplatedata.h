// SPDX-License-Identifier: MIT
// The data the operator's templates see: one MSI, shaped like the original Go struct.
#pragma once

#include "value.h"

#include <QMap>
#include <QString>

namespace Amo::GoText {

/**
 * The template data of one managed identity. toValue() builds a Go struct with exactly the original's fields,
 * in its order: Id Name Location ResourceGroup SubscriptionId ClientId TenantId PrincipalID Tags Type (all
 * string, Tags map[string]string). The Go type name appears in error messages, so it is a parameter.
 */
struct MsiTemplateData
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

    static QString defaultGoTypeName();
    Value toValue(const QString &goTypeName = defaultGoTypeName()) const;
};

} // namespace Amo::GoText
