// SPDX-License-Identifier: MIT
#include "shared/mapping/msitemplatevalue.h"
#include "shared/gotext/msitemplatedata.h"

using namespace Qt::StringLiterals;

namespace Amo::Mapping {

namespace {
// The original passed an anonymous struct; Go names its type like this in template error messages.
const QString kTemplateDataType = u"struct { Id string; Name string; Location string; ResourceGroup string; "
                                  "SubscriptionId string; ClientId string; TenantId string; PrincipalID string; "
                                  "Tags map[string]string; Type string }"_s;
} // namespace

GoText::Value msiTemplateValue(const Model::Msi &msi)
{
    GoText::MsiTemplateData data;
    data.id = msi.id;
    data.name = msi.name;
    data.location = msi.location;
    data.resourceGroup = msi.resourceGroup;
    data.subscriptionId = msi.subscriptionId;
    data.clientId = msi.clientId;
    data.tenantId = msi.tenantId;
    data.principalId = msi.principalId;
    data.tags = msi.tags;
    data.type = msi.type;
    return data.toValue(kTemplateDataType);
}

} // namespace Amo::Mapping
