// SPDX-License-Identifier: MIT
// Shared inputs of the workload identity tests: the seed README's MSI and its mapping.
#pragma once

#include "shared/mapping/identitymapper.h"
#include "shared/model/msi.h"

#include <QDateTime>

namespace WorkloadTest {

using namespace Qt::StringLiterals;

inline const QString kSubscription = u"00000000-0000-0000-0000-000000000000"_s;
inline const QString kClientId = u"df398181-f42f-41b4-b791-b1d4572be315"_s;
inline const QString kIssuer = u"https://oidc.example.test/cluster-1/"_s;

inline Amo::Model::Msi msi(const QString &name, const QString &clientId, const QString &namespaces)
{
    Amo::Model::Msi m;
    m.id = u"/subscriptions/%1/resourceGroups/barfoo/providers/Microsoft.ManagedIdentity/userAssignedIdentities/%2"_s
               .arg(kSubscription, name);
    m.name = name;
    m.resourceGroup = u"barfoo"_s;
    m.subscriptionId = kSubscription;
    m.clientId = clientId;
    m.tenantId = u"11111111-2222-3333-4444-555555555555"_s;
    m.tags.insert(u"k8snamespace"_s, namespaces);
    return m;
}

inline Amo::Mapping::MsiMapping mapped(const Amo::Model::Msi &m)
{
    Amo::Mapping::MappingOptions options;
    options.ignoredNamespaces = {u"kube-system"_s};
    return Amo::Mapping::IdentityMapper(options).map(m, QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
}

} // namespace WorkloadTest
