// SPDX-License-Identifier: MIT
#include "gui/session/workloadrowbuilder.h"

#include "shared/config/operatorconfig.h"
#include "shared/workload/workloadmapper.h"
#include "shared/workload/workloadoptions.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

using Sync::Action;

namespace {

QString keyOf(const QString &a, const QString &b)
{
    return QString(a.toLower() + u'/' + b);
}

RowState stateOf(Action::Kind kind)
{
    switch (kind) {
    case Action::Kind::CreateServiceAccount:
    case Action::Kind::CreateFederatedCredential:
        return RowState::WillCreate;
    case Action::Kind::UpdateServiceAccount:
    case Action::Kind::UpdateFederatedCredential:
        return RowState::WillUpdate;
    case Action::Kind::Blocked:
        return RowState::Blocked;
    case Action::Kind::Conflict:
        return RowState::Conflict;
    case Action::Kind::Orphan:
        return RowState::Orphan;
    case Action::Kind::WaitForNamespace:
        return RowState::WaitingForNamespace;
    default:
        return RowState::InSync;
    }
}

/** Conflicts and blocks first, then writes, then in sync. */
int urgency(RowState state)
{
    switch (state) {
    case RowState::Conflict:
    case RowState::Blocked:
        return 4;
    case RowState::WaitingForNamespace:
        return 3;
    case RowState::WillCreate:
    case RowState::WillUpdate:
        return 2;
    default:
        return 1;
    }
}

} // namespace

QList<WorkloadRow> WorkloadRowBuilder::build(const Config::OperatorConfig &config, const DashboardData &data)
{
    QList<WorkloadRow> rows;
    if (!data.workloadMode)
        return rows;
    const Workload::WorkloadOptions options = Workload::WorkloadOptions::fromConfig(config);
    const Workload::WorkloadMapper mapper(options);
    if (!mapper.isValid())
        return rows;

    // the workload actions, by ServiceAccount (namespace/name) and by credential (msi/name)
    QHash<QString, const Action *> accounts;
    QHash<QString, const Action *> credentials;
    QHash<QString, int> creates; // per lower-cased MSI ID
    QList<const Action *> orphans;
    for (const Action &action : data.plan.actions) {
        const QString kind = action.resourceKind();
        if (action.kind == Action::Kind::Orphan
            && (kind == u"ServiceAccount" || kind == u"FederatedIdentityCredential"))
            orphans.append(&action);
        else if (kind == u"ServiceAccount")
            accounts.insert(keyOf(action.namespaceName, action.name), &action);
        else if (kind == u"FederatedIdentityCredential")
            credentials.insert(keyOf(action.msiId, action.name), &action);
        if (action.kind == Action::Kind::CreateFederatedCredential)
            ++creates[action.msiId.toLower()];
    }
    const Workload::WorkloadState &state = data.snapshot.workload;
    QHash<QString, QString> msiNames; // lower-cased MSI ID -> name, for the orphans
    for (const Mapping::MsiMapping &mapping : data.mappings)
        msiNames.insert(mapping.msi.id.toLower(), mapping.msi.name);
    for (const Mapping::MsiMapping &mapping : data.mappings) {
        const Workload::WorkloadMapping mapped = mapper.map(mapping);
        const QString msiKey = mapping.msi.id.toLower();
        for (const Workload::WorkloadPair &pair : mapped.pairs) {
            WorkloadRow row;
            row.namespaceName = pair.namespaceName;
            row.msiName = mapping.msi.name;
            row.msiId = mapping.msi.id;
            row.serviceAccount = pair.serviceAccount;
            row.credentialName = pair.credential.name;
            row.credentialCap = options.credentialCap;
            row.credentials = int(state.credentials.value(msiKey).size());
            row.credentialsAfter = row.credentials + creates.value(msiKey);
            QStringList details;
            if (const Action *sa = accounts.value(keyOf(pair.namespaceName, pair.serviceAccount))) {
                row.serviceAccountState = stateOf(sa->kind);
                if (!sa->reason.isEmpty())
                    details << sa->reason;
            }
            if (const Action *credential = credentials.value(keyOf(pair.msiId, pair.credential.name))) {
                row.credentialState = stateOf(credential->kind);
                if (!credential->reason.isEmpty())
                    details << credential->reason;
            } else if (!state.credentials.contains(msiKey)) {
                details << tr("the identity's credentials were not listed");
            }
            row.state = urgency(row.credentialState) > urgency(row.serviceAccountState) ? row.credentialState
                                                                                        : row.serviceAccountState;
            row.detail = details.join(u"; "_s);
            rows.append(row);
        }
    }
    for (const Action *orphan : std::as_const(orphans)) {
        WorkloadRow row;
        row.namespaceName = orphan->namespaceName;
        row.msiId = orphan->msiId;
        row.msiName = msiNames.value(orphan->msiId.toLower());
        const bool isAccount = orphan->resourceKind() == u"ServiceAccount";
        (isAccount ? row.serviceAccount : row.credentialName) = orphan->name;
        (isAccount ? row.serviceAccountState : row.credentialState) = RowState::Orphan;
        row.state = RowState::Orphan;
        row.credentials = int(state.credentials.value(orphan->msiId.toLower()).size());
        row.credentialsAfter = row.credentials;
        row.credentialCap = options.credentialCap;
        row.detail = orphan->reason;
        rows.append(row);
    }
    return rows;
}

} // namespace Amo::Gui
