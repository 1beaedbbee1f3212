// SPDX-License-Identifier: MIT
#include "agent/syncevents.h"

#include "shared/kube/eventrecorder.h"
#include "shared/kube/eventreference.h"
#include "shared/model/clusterstate.h"
#include "shared/sync/syncreport.h"

using namespace Qt::StringLiterals;

namespace Amo::Agent {

namespace {
const QString kApiVersion = u"aadpodidentity.k8s.io/v1"_s;

// The ServiceAccount a credential federates: the last part of system:serviceaccount:<ns>:<name>.
QString serviceAccountOf(const Sync::Action &action)
{
    const QStringList subject
        = action.object.value(u"properties"_s).toObject().value(u"subject"_s).toString().split(u':');
    return subject.size() == 4 ? subject.at(3) : QString();
}

Kube::EventReference referenceFor(const Sync::Action &action, const Model::ClusterState &cluster)
{
    // Workload identity: Events go on the ServiceAccount, also those about its credential in Azure.
    if (action.resourceKind() == u"ServiceAccount")
        return {u"v1"_s, u"ServiceAccount"_s, action.namespaceName, action.name, {}, {}};
    if (action.resourceKind() == u"FederatedIdentityCredential")
        return {u"v1"_s, u"ServiceAccount"_s, action.namespaceName, serviceAccountOf(action), {}, {}};
    Kube::EventReference ref {kApiVersion, action.resourceKind(), action.namespaceName, action.name, {}, {}};
    if (action.kind == Sync::Action::Kind::RepointBinding || action.aboutBinding) {
        if (const Model::ObservedBinding *binding = cluster.findBinding(action.namespaceName, action.name))
            ref.uid = binding->uid;
    } else if (const Model::ObservedIdentity *identity = cluster.findIdentity(action.namespaceName, action.name)) {
        ref.uid = identity->uid;
    }
    if (ref.kind.isEmpty())
        ref.kind = u"AzureIdentity"_s;
    return ref;
}

QString fieldsOf(const Sync::Action &action)
{
    QStringList fields;
    for (const Sync::FieldChange &change : action.changes)
        fields.append(change.field);
    return fields.join(u", "_s);
}
} // namespace

SyncEvents::SyncEvents(Kube::EventRecorder *recorder)
    : m_recorder(recorder)
{
}

void SyncEvents::record(const Sync::SyncReport &report, const Model::ClusterState &cluster)
{
    using Type = Kube::EventRecorder::Type;
    using Kind = Sync::Action::Kind;
    using Outcome = Sync::ActionResult::Outcome;
    for (const Sync::ActionResult &result : report.results) {
        const Sync::Action &action = result.action;
        const Kube::EventReference ref = referenceFor(action, cluster);
        if (result.outcome == Outcome::Failed) {
            m_recorder->record(ref, Type::Warning, u"SyncFailed"_s, u"Sync"_s, result.error);
            continue;
        }
        if (result.outcome != Outcome::Applied)
            continue;
        switch (action.kind) {
        case Kind::CreateIdentity:
            m_recorder->record(ref, Type::Normal, u"Created"_s, u"Create"_s,
                               tr("created for managed identity %1").arg(action.msiId));
            break;
        case Kind::UpdateIdentity:
            // Someone pointed our object at another identity: its owners must hear about it.
            if (action.code == u"Restored"_s)
                m_recorder->record(ref, Type::Warning, u"Restored"_s, u"Update"_s,
                                   tr("%1; updated %2").arg(action.reason, fieldsOf(action)));
            else
                m_recorder->record(ref, Type::Normal, u"Updated"_s, u"Update"_s,
                                   tr("updated %1").arg(fieldsOf(action)));
            break;
        case Kind::CreateServiceAccount:
            m_recorder->record(ref, Type::Normal, u"Created"_s, u"Create"_s,
                               tr("created for managed identity %1").arg(action.msiId));
            break;
        case Kind::UpdateServiceAccount:
            m_recorder->record(ref, Type::Normal, u"Updated"_s, u"Update"_s,
                               tr("annotated for managed identity %1").arg(action.msiId));
            break;
        case Kind::CreateFederatedCredential:
        case Kind::UpdateFederatedCredential:
            m_recorder->record(
                ref, Type::Normal, u"Federated"_s, u"Federate"_s,
                tr("federated credential %1 written on managed identity %2 in Azure").arg(action.name, action.msiId));
            break;
        case Kind::RepointBinding:
            m_recorder->record(
                ref, Type::Normal, u"Repointed"_s, u"Update"_s,
                tr("spec.azureIdentity changed from %1 to %2").arg(action.fromIdentity, action.toIdentity));
            break;
        default:
            break;
        }
    }
    // Reports about objects that exist: the owner of the object learns why it is left alone. An
    // orphan whose MSI was skipped (say, its tag became invalid) gets the skip's reason.
    QHash<QString, QString> skipped; // MSI ID, lower-case -> reason
    for (const Sync::Action &action : report.plan.actions) {
        if (action.kind == Kind::Skip && !action.msiId.isEmpty())
            skipped.insert(action.msiId.toLower(), action.reason);
    }
    for (const Sync::Action &action : report.plan.actions) {
        QString reason;
        if (action.kind == Kind::Skip)
            reason = u"Skipped"_s;
        else if (action.kind == Kind::Conflict)
            reason = u"Conflict"_s;
        else if (action.kind == Kind::Orphan)
            reason = u"Orphaned"_s;
        else if (action.kind == Kind::Blocked)
            reason = u"Blocked"_s;
        const QString resource = action.resourceKind();
        bool exists = false;
        if (resource == u"ServiceAccount")
            exists = action.kind != Kind::Skip; // a conflict or an orphan is about a ServiceAccount that is there
        else if (resource == u"FederatedIdentityCredential")
            exists = action.kind == Kind::Blocked && !serviceAccountOf(action).isEmpty();
        else
            exists = action.aboutBinding ? cluster.findBinding(action.namespaceName, action.name) != nullptr
                                         : cluster.findIdentity(action.namespaceName, action.name) != nullptr;
        if (reason.isEmpty() || action.name.isEmpty() || !exists)
            continue;
        const QString skipReason = skipped.value(action.msiId.toLower());
        const QString message = action.kind == Kind::Orphan && !skipReason.isEmpty()
            ? tr("%1; the MSI is skipped: %2").arg(action.reason, skipReason)
            : action.reason;
        m_recorder->record(referenceFor(action, cluster), Type::Warning, reason, u"Sync"_s, message);
    }
}

} // namespace Amo::Agent
