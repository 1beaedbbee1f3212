// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Amo::Kube {

/** The resources the product reads or writes. Append only: metrics and tables index by the value. */
enum class Resource {
    Namespaces,
    AzureIdentities,
    AzureIdentityBindings,
    Leases,
    Events, // core/v1, the fallback for servers without events.k8s.io
    ServiceAccounts,
    EventsV1, // events.k8s.io/v1
    SelfSubjectAccessReviews, // authorization.k8s.io/v1, create only: "may I?" (the dashboard)
    Pods, // core/v1, listed only: the dashboard's migration view
    ReplicaSets, // apps/v1, listed only: a Pod's Deployment is its ReplicaSet's owner
};

/** Where a resource lives in the REST tree. */
struct ResourceInfo
{
    QString group; // empty: the core group under /api
    QString version;
    QString plural;
    QString kind;
    bool namespaced = true;

    static const ResourceInfo &of(Resource resource);
    QString apiVersion() const { return group.isEmpty() ? version : QString(group + u'/' + version); }
    /** "/api/v1/namespaces/ns/events[/name]"; an empty namespace lists across all namespaces. */
    QString path(const QString &ns, const QString &name = {}) const;
};

} // namespace Amo::Kube
