// SPDX-License-Identifier: MIT
#include "kuberesourcetype.h"

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

const QStringList kStandardVerbs {u"create"_s, u"delete"_s, u"deletecollection"_s, u"get"_s,
                                  u"list"_s,   u"patch"_s,  u"update"_s,           u"watch"_s};

KubeResourceType make(const QString &group, const QString &resource, const QString &singular, const QString &kind,
                      bool namespaced, const QStringList &shortNames = {}, bool custom = false,
                      const QStringList &verbs = kStandardVerbs)
{
    KubeResourceType t;
    t.group = group;
    t.version = u"v1"_s;
    t.resource = resource;
    t.singular = singular;
    t.kind = kind;
    t.namespaced = namespaced;
    t.customResource = custom;
    // As the registry strategies declare them: custom resources and Leases need a resourceVersion
    // on PUT; Leases and Events may be created by a PUT.
    t.allowUnconditionalUpdate = !custom && kind != u"Lease";
    t.allowCreateOnUpdate = kind == u"Lease" || kind == u"Event";
    t.shortNames = shortNames;
    t.verbs = verbs;
    return t;
}

QList<KubeResourceType> buildTable()
{
    const QString aad = u"aadpodidentity.k8s.io"_s;
    const QStringList createOnly {u"create"_s};
    const QStringList readOnly {u"get"_s, u"list"_s, u"watch"_s};
    return {
        make({}, u"configmaps"_s, u"configmap"_s, u"ConfigMap"_s, true, {u"cm"_s}),
        make({}, u"events"_s, u"event"_s, u"Event"_s, true, {u"ev"_s}),
        make({}, u"namespaces"_s, u"namespace"_s, u"Namespace"_s, false, {u"ns"_s}),
        make({}, u"pods"_s, u"pod"_s, u"Pod"_s, true, {u"po"_s}),
        make({}, u"serviceaccounts"_s, u"serviceaccount"_s, u"ServiceAccount"_s, true, {u"sa"_s}),
        make(aad, u"azureassignedidentities"_s, u"azureassignedidentity"_s, u"AzureAssignedIdentity"_s, true, {}, true),
        make(aad, u"azureidentities"_s, u"azureidentity"_s, u"AzureIdentity"_s, true, {}, true),
        make(aad, u"azureidentitybindings"_s, u"azureidentitybinding"_s, u"AzureIdentityBinding"_s, true, {}, true),
        make(aad, u"azurepodidentityexceptions"_s, u"azurepodidentityexception"_s, u"AzurePodIdentityException"_s, true,
             {}, true),
        // Workloads exist for the migration view: stored as given, no controller reconciles them.
        make(u"apps"_s, u"deployments"_s, u"deployment"_s, u"Deployment"_s, true, {u"deploy"_s}),
        make(u"apps"_s, u"replicasets"_s, u"replicaset"_s, u"ReplicaSet"_s, true, {u"rs"_s}),
        make(u"apps"_s, u"statefulsets"_s, u"statefulset"_s, u"StatefulSet"_s, true, {u"sts"_s}),
        make(u"coordination.k8s.io"_s, u"leases"_s, u"lease"_s, u"Lease"_s, true),
        make(u"events.k8s.io"_s, u"events"_s, u"event"_s, u"Event"_s, true, {u"ev"_s}),
        // CRDs are fixed by the simulator, so they are readable but not writable.
        make(u"apiextensions.k8s.io"_s, u"customresourcedefinitions"_s, u"customresourcedefinition"_s,
             u"CustomResourceDefinition"_s, false, {u"crd"_s, u"crds"_s}, false, readOnly),
        make(u"authorization.k8s.io"_s, u"selfsubjectaccessreviews"_s, u"selfsubjectaccessreview"_s,
             u"SelfSubjectAccessReview"_s, false, {}, false, createOnly),
        make(u"authorization.k8s.io"_s, u"selfsubjectrulesreviews"_s, u"selfsubjectrulesreview"_s,
             u"SelfSubjectRulesReview"_s, false, {}, false, createOnly),
        make(u"authentication.k8s.io"_s, u"selfsubjectreviews"_s, u"selfsubjectreview"_s, u"SelfSubjectReview"_s, false,
             {}, false, createOnly),
    };
}

} // namespace

const QList<KubeResourceType> &KubeResourceType::all()
{
    static const QList<KubeResourceType> table = buildTable();
    return table;
}

const KubeResourceType *KubeResourceType::find(const QString &group, const QString &version, const QString &resource)
{
    for (const auto &t : all()) {
        if (t.group == group && t.version == version && t.resource == resource)
            return &t;
    }
    return nullptr;
}

const KubeResourceType *KubeResourceType::findByKind(const QString &apiVersion, const QString &kind)
{
    for (const auto &t : all()) {
        if (t.apiVersion() == apiVersion && t.kind == kind)
            return &t;
    }
    return nullptr;
}

QStringList KubeResourceType::groups()
{
    QStringList out;
    for (const auto &t : all()) {
        if (!t.group.isEmpty() && !out.contains(t.group))
            out.append(t.group);
    }
    return out;
}

} // namespace Amo::Sandbox
