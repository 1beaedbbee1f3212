// SPDX-License-Identifier: MIT
#include "resource.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

const ResourceInfo &ResourceInfo::of(Resource resource)
{
    static const ResourceInfo infos[] = {
        {{}, u"v1"_s, u"namespaces"_s, u"Namespace"_s, false},
        {u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentities"_s, u"AzureIdentity"_s, true},
        {u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentitybindings"_s, u"AzureIdentityBinding"_s, true},
        {u"coordination.k8s.io"_s, u"v1"_s, u"leases"_s, u"Lease"_s, true},
        {{}, u"v1"_s, u"events"_s, u"Event"_s, true},
        {{}, u"v1"_s, u"serviceaccounts"_s, u"ServiceAccount"_s, true},
        {u"events.k8s.io"_s, u"v1"_s, u"events"_s, u"Event"_s, true},
        {u"authorization.k8s.io"_s, u"v1"_s, u"selfsubjectaccessreviews"_s, u"SelfSubjectAccessReview"_s, false},
        {{}, u"v1"_s, u"pods"_s, u"Pod"_s, true},
        {u"apps"_s, u"v1"_s, u"replicasets"_s, u"ReplicaSet"_s, true},
    };
    return infos[int(resource)];
}

QString ResourceInfo::path(const QString &ns, const QString &name) const
{
    QString p;
    if (group.isEmpty())
        p = u"/api/"_s + version;
    else
        p = u"/apis/"_s + group + u'/' + version;
    if (namespaced && !ns.isEmpty())
        p += u"/namespaces/"_s + QString::fromLatin1(QUrl::toPercentEncoding(ns));
    p += u'/' + plural;
    if (!name.isEmpty())
        p += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(name));
    return p;
}

} // namespace Amo::Kube
