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
        default:
            break;
        }
    }
    return reasons;
}

} // namespace Amo::Gui
