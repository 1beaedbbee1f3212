// SPDX-License-Identifier: MIT
// The data the operator's templates see: one MSI, shaped like the original Go struct.
#include "msitemplatedata.h"

using namespace Qt::StringLiterals;

namespace Amo::GoText {

QString MsiTemplateData::defaultGoTypeName()
{
    return u"main.MsiTemplateData"_s;
}

Value MsiTemplateData::toValue(const QString &goTypeName) const
{
    return Value::fromStruct(goTypeName.toStdString(),
                             {
                                 {"Id", Value::fromString(id)},
                                 {"Name", Value::fromString(name)},
                                 {"Location", Value::fromString(location)},
                                 {"ResourceGroup", Value::fromString(resourceGroup)},
                                 {"SubscriptionId", Value::fromString(subscriptionId)},
                                 {"ClientId", Value::fromString(clientId)},
                                 {"TenantId", Value::fromString(tenantId)},
                                 {"PrincipalID", Value::fromString(principalId)},
                                 {"Tags", Value::fromStringMap(tags)},
                                 {"Type", Value::fromString(type)},
                             });
}

} // namespace Amo::GoText
