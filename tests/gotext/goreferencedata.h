// SPDX-License-Identifier: MIT
#pragma once

#include "shared/gotext/msitemplatedata.h"

/** The MSI the Go reference programs used for the expected values in these tests. */
inline Amo::GoText::MsiTemplateData goReferenceMsi()
{
    using namespace Qt::StringLiterals;
    Amo::GoText::MsiTemplateData d;
    d.id
        = u"/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/msi-one"_s;
    d.name = u"msi-one"_s;
    d.location = u"westeurope"_s;
    d.resourceGroup = u"rg-1"_s;
    d.subscriptionId = u"sub-1"_s;
    d.clientId = u"c1d2e3f4-0000-1111-2222-333344445555"_s;
    d.tenantId = u"t-1"_s;
    d.principalId = u"p-1"_s;
    d.tags = {{u"k8snamespace"_s, u"team-a"_s},
              {u"env"_s, u"Prod"_s},
              {u"owner"_s, u" Alice Smith "_s},
              {u"empty"_s, QString()},
              {u"a.b"_s, u"dotted"_s}};
    d.type = u"Microsoft.ManagedIdentity/userAssignedIdentities"_s;
    return d;
}
