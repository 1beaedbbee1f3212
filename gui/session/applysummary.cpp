// SPDX-License-Identifier: MIT
#include "gui/session/applysummary.h"

using namespace Qt::StringLiterals;

namespace Amo::Gui {

ApplySummary ApplySummary::of(const QList<Sync::Action> &actions)
{
    ApplySummary summary;
    for (const Sync::Action &action : actions) {
        switch (action.kind) {
        case Sync::Action::Kind::CreateIdentity:
            ++summary.creates;
            break;
        case Sync::Action::Kind::UpdateIdentity:
            ++summary.updates;
            break;
        case Sync::Action::Kind::RepointBinding:
            ++summary.repoints;
            break;
        case Sync::Action::Kind::CreateServiceAccount:
        case Sync::Action::Kind::UpdateServiceAccount:
            ++summary.serviceAccounts;
            break;
        case Sync::Action::Kind::CreateFederatedCredential:
        case Sync::Action::Kind::UpdateFederatedCredential:
            ++summary.credentials;
            break;
        default:
            break;
        }
        if (action.writesToAzure())
            ++summary.azureWrites;
        else if (action.isWrite())
            ++summary.clusterWrites;
    }
    return summary;
}

QString ApplySummary::question(const QString &cluster, qsizetype items) const
{
    QString text = tr("Apply the ticked items to the cluster %2?\n\nItems: %1. To create: %3, to update: "
                      "%4, to re-point: %5.")
                       .arg(items)
                       .arg(cluster)
                       .arg(creates)
                       .arg(updates)
                       .arg(repoints);
    if (serviceAccounts > 0 || azureWrites > 0) {
        text += u"\n"_s
            + tr("ServiceAccounts to create or update: %1; federated credentials to write: %2.")
                  .arg(serviceAccounts)
                  .arg(credentials);
    }
    text += u"\n\n"_s + tr("Writes to the cluster: %1. Writes to Azure: %2.").arg(clusterWrites).arg(azureWrites);
    return text;
}

} // namespace Amo::Gui
