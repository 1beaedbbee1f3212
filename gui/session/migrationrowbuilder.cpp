// SPDX-License-Identifier: MIT
#include "gui/session/migrationrowbuilder.h"

#include "shared/config/operatorconfig.h"
#include "shared/workload/workloadmapper.h"
#include "shared/workload/workloadoptions.h"

#include <QHash>
#include <QMap>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

QList<MigrationRow> MigrationRowBuilder::build(const Config::OperatorConfig &config, const DashboardData &data,
                                               const MigrationInput &input)
{
    QList<MigrationRow> rows;
    if (!input.read)
        return rows;
    const Workload::WorkloadMapper mapper(Workload::WorkloadOptions::fromConfig(config));
    QHash<QString, const Mapping::MsiMapping *> byMsi; // lower-cased MSI ID
    QHash<QString, const Mapping::MsiMapping *> byIdentity; // "namespace/name" of the AzureIdentities we make
    for (const Mapping::MsiMapping &mapping : data.mappings) {
        byMsi.insert(mapping.msi.id.toLower(), &mapping);
        for (const Model::DesiredIdentity &desired : mapping.identities)
            byIdentity.insert(QString(desired.namespaceName + u'/' + desired.name), &mapping);
    }
    QHash<QString, QString> wantedIdentity; // "namespace/binding" -> what binding sync would set
    for (const DriftRow &drift : data.drift) {
        if (!drift.wanted.isEmpty())
            wantedIdentity.insert(QString(drift.namespaceName + u'/' + drift.name), drift.wanted);
    }
    // the pods per namespace and selector
    QHash<QString, QList<const PodInfo *>> pods;
    for (const PodInfo &pod : input.pods) {
        const auto label = pod.labels.constFind(bindingLabel());
        if (label != pod.labels.constEnd())
            pods[QString(pod.namespaceName + u'/' + *label)].append(&pod);
    }

    const Model::ClusterState &cluster = data.snapshot.cluster;
    for (const Model::ObservedBinding &binding : cluster.bindings()) {
        MigrationRow base;
        base.namespaceName = binding.namespaceName;
        base.binding = binding.name;
        base.selector = binding.selector;
        base.azureIdentity = binding.azureIdentity;
        QString noAccount; // why no ServiceAccount can be named
        const Model::ObservedIdentity *identity = cluster.findIdentity(binding.namespaceName, binding.azureIdentity);
        // the identity the operator makes (also before it exists), else the MSI the existing one names
        const Mapping::MsiMapping *mapping
            = byIdentity.value(QString(binding.namespaceName + u'/' + binding.azureIdentity));
        if (!mapping && identity)
            mapping = byMsi.value(identity->resourceId.toLower());
        // a binding that binding sync re-points: the identity it will point at
        const QString wanted = wantedIdentity.value(QString(binding.namespaceName + u'/' + binding.name));
        if (!mapping && !wanted.isEmpty()) {
            mapping = byIdentity.value(QString(binding.namespaceName + u'/' + wanted));
            if (mapping)
                identity = nullptr; // the one it names now does not matter any more
        }
        if (!mapping && !identity) {
            noAccount = tr("the AzureIdentity %1 does not exist").arg(binding.azureIdentity);
        } else if (!mapping) {
            noAccount = tr("no listed MSI is behind the AzureIdentity %1 (%2)")
                            .arg(binding.azureIdentity, identity->resourceId);
        } else {
            base.msiName = mapping->msi.name;
            const Workload::WorkloadMapping mapped = mapper.map(*mapping);
            for (const Workload::WorkloadPair &pair : mapped.pairs) {
                if (pair.namespaceName == binding.namespaceName)
                    base.serviceAccount = pair.serviceAccount;
            }
            if (base.serviceAccount.isEmpty())
                noAccount = tr("the MSI %1 is not mapped into this namespace: workload identity mode makes no "
                               "ServiceAccount for it here")
                                .arg(mapping->msi.name);
        }

        // group by owner, in a stable order
        QMap<QString, QList<const PodInfo *>> groups;
        for (const PodInfo *pod : pods.value(QString(binding.namespaceName + u'/' + binding.selector)))
            groups[QString(pod->owner.kind + u'\x1f' + pod->owner.name)].append(pod);
        if (groups.isEmpty()) {
            MigrationRow row = base;
            row.state = RowState::Missing;
            row.detail = tr("no pod carries %1=%2").arg(bindingLabel(), binding.selector);
            rows.append(row);
            continue;
        }
        for (const QList<const PodInfo *> &group : std::as_const(groups)) {
            MigrationRow row = base;
            row.ownerKind = group.first()->owner.kind;
            row.ownerName = group.first()->owner.name;
            QStringList accounts;
            row.hasUseLabel = true;
            for (const PodInfo *pod : group) {
                row.pods << pod->name;
                if (!accounts.contains(pod->serviceAccount))
                    accounts << pod->serviceAccount;
                if (pod->labels.value(useLabel()) != u"true")
                    row.hasUseLabel = false;
            }
            row.pods.sort();
            accounts.sort();
            row.currentServiceAccount = accounts.join(u", "_s);
            QStringList todo;
            if (!noAccount.isEmpty())
                todo << noAccount;
            else if (accounts != QStringList {row.serviceAccount})
                todo << tr("run as the ServiceAccount %1").arg(row.serviceAccount);
            if (!row.hasUseLabel)
                todo << tr("add the pod label %1: \"true\"").arg(useLabel());
            row.state = todo.isEmpty() ? RowState::Ready : RowState::NeedsChanges;
            row.detail = todo.join(u"; "_s);
            rows.append(row);
        }
    }
    return rows;
}

} // namespace Amo::Gui
