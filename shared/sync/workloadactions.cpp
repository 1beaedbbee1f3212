// SPDX-License-Identifier: MIT
#include "shared/sync/workloadactions.h"

using namespace Qt::StringLiterals;

namespace Amo::Sync {

namespace {
Action::Kind kindOf(Workload::WorkloadStep::Kind kind)
{
    using K = Workload::WorkloadStep::Kind;
    switch (kind) {
    case K::CreateServiceAccount:
        return Action::Kind::CreateServiceAccount;
    case K::UpdateServiceAccount:
        return Action::Kind::UpdateServiceAccount;
    case K::CreateFederatedCredential:
        return Action::Kind::CreateFederatedCredential;
    case K::UpdateFederatedCredential:
        return Action::Kind::UpdateFederatedCredential;
    case K::Blocked:
        return Action::Kind::Blocked;
    case K::Conflict:
        return Action::Kind::Conflict;
    case K::Orphan:
        return Action::Kind::Orphan;
    }
    return Action::Kind::Conflict;
}

// What a reader of the plan needs to see about a credential write: where the token comes from.
QList<FieldChange> credentialFields(const Workload::FederatedCredential &credential)
{
    return {
        {u"properties.issuer"_s, QJsonValue(), credential.issuer},
        {u"properties.subject"_s, QJsonValue(), credential.subject},
    };
}
} // namespace

Action WorkloadActions::fromStep(const Workload::WorkloadStep &step)
{
    Action action;
    action.kind = kindOf(step.kind);
    action.msiId = step.msiId;
    action.namespaceName = step.namespaceName;
    action.name = step.name;
    action.code = step.code;
    action.reason = step.reason;
    action.object = step.object;
    action.patch = step.patch;
    // Every credential step carries the credential: its PUT body, and for reports whose ServiceAccount it is.
    if (!step.credential.name.isEmpty())
        action.object = step.credential.toArmBody();
    if (step.writesToAzure()) {
        if (step.kind == Workload::WorkloadStep::Kind::UpdateFederatedCredential)
            action.changes = credentialFields(step.credential);
    }
    // Reports say which kind of object they are about; write kinds say it by their kind.
    if (action.kind == Action::Kind::Conflict || action.kind == Action::Kind::Orphan)
        action.resource = step.resourceKind();
    return action;
}

QList<Action> WorkloadActions::fromSteps(const QList<Workload::WorkloadStep> &steps)
{
    QList<Action> actions;
    actions.reserve(steps.size());
    for (const Workload::WorkloadStep &step : steps)
        actions.append(fromStep(step));
    return actions;
}

} // namespace Amo::Sync
