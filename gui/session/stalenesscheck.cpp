// SPDX-License-Identifier: MIT
#include "gui/session/stalenesscheck.h"

using namespace Qt::StringLiterals;

namespace Amo::Gui {

using Sync::Action;

namespace {

QString versionOf(const Action &action)
{
    return action.patch.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString();
}

const Workload::ObservedServiceAccount *findAccount(const Sync::Snapshot &snapshot, const QString &ns,
                                                    const QString &name)
{
    for (const Workload::ObservedServiceAccount &account : snapshot.workload.serviceAccounts) {
        if (account.namespaceName == ns && account.name == name)
            return &account;
    }
    return nullptr;
}

std::optional<Workload::FederatedCredential> findCredential(const Sync::Snapshot &snapshot, const Action &action)
{
    for (const Workload::FederatedCredential &credential :
         snapshot.workload.credentials.value(action.msiId.toLower())) {
        if (credential.name == action.name)
            return credential;
    }
    return std::nullopt;
}

} // namespace

QStringList StalenessCheck::check(const DashboardData &preview, const Sync::Snapshot &fresh,
                                  const QList<Action> &actions)
{
    QStringList reasons;
    if (!fresh.ok())
        reasons << tr("The fresh read failed: %1")
                       .arg(fresh.clusterError.isEmpty() ? fresh.azureError : fresh.clusterError);
    if (preview.snapshot.catalog.msis() != fresh.catalog.msis())
        reasons << tr("The list of managed identities in Azure changed.");
    const Model::ClusterState &now = fresh.cluster;
    for (const Action &action : actions) {
        switch (action.kind) {
        case Action::Kind::CreateIdentity:
            if (now.findIdentity(action.namespaceName, action.name))
                reasons
                    << tr("AzureIdentity %1/%2 was created by someone else.").arg(action.namespaceName, action.name);
            break;
        case Action::Kind::UpdateIdentity: {
            const Model::ObservedIdentity *live = now.findIdentity(action.namespaceName, action.name);
            if (!live || live->resourceVersion != versionOf(action))
                reasons << tr("AzureIdentity %1/%2 changed.").arg(action.namespaceName, action.name);
            break;
        }
        case Action::Kind::RepointBinding: {
            const Model::ObservedBinding *live = now.findBinding(action.namespaceName, action.name);
            if (!live || live->resourceVersion != versionOf(action))
                reasons << tr("AzureIdentityBinding %1/%2 changed.").arg(action.namespaceName, action.name);
            break;
        }
        case Action::Kind::CreateServiceAccount:
            if (findAccount(fresh, action.namespaceName, action.name))
                reasons
                    << tr("ServiceAccount %1/%2 was created by someone else.").arg(action.namespaceName, action.name);
            break;
        case Action::Kind::UpdateServiceAccount: {
            const Workload::ObservedServiceAccount *live = findAccount(fresh, action.namespaceName, action.name);
            if (!live || live->resourceVersion != versionOf(action))
                reasons << tr("ServiceAccount %1/%2 changed.").arg(action.namespaceName, action.name);
            break;
        }
        case Action::Kind::CreateFederatedCredential:
        case Action::Kind::UpdateFederatedCredential:
            // a credential is written blind (a PUT): only if it is still as the preview saw it
            if (!fresh.workloadRead || !fresh.workloadError.isEmpty()
                || findCredential(fresh, action) != findCredential(preview.snapshot, action))
                reasons << tr("Federated credential %1 of %2 changed, or could not be read again.")
                               .arg(action.name, action.msiId);
            break;
        default:
            break;
        }
    }
    return reasons;
}

} // namespace Amo::Gui
