// SPDX-License-Identifier: MIT
#include "shared/sync/planbuilder.h"

#include "shared/config/operatorconfig.h"
#include "shared/sync/snapshot.h"
#include "shared/sync/workloadactions.h"

using namespace Qt::StringLiterals;

#include <algorithm>

namespace Amo::Sync {

PlanBuilder::PlanBuilder(const Mapping::MappingOptions &mapping, const PlannerOptions &planning)
    : m_mapper(mapping)
    , m_planner(planning)
{
}

PlanBuilder::PlanBuilder(const Config::OperatorConfig &config)
    : PlanBuilder(Mapping::MappingOptions::fromConfig(config), PlannerOptions::fromConfig(config))
{
    if (config.workloadIdentityEnable)
        enableWorkload(Workload::WorkloadOptions::fromConfig(config), config.azureIdentityEnable);
}

QString PlanBuilder::error() const
{
    if (!m_mapper.isValid())
        return m_mapper.error();
    if (!m_planner.isValid())
        return m_planner.error();
    return m_workload && !m_workload->isValid() ? m_workload->error() : QString();
}

void PlanBuilder::enableWorkload(const Workload::WorkloadOptions &options, bool azureIdentities)
{
    m_workload.emplace(options);
    m_azureIdentities = azureIdentities;
    m_issuer = options.issuer;
}

QStringList PlanBuilder::workloadIdentities(const QList<Mapping::MsiMapping> &mappings) const
{
    QStringList ids;
    if (!m_workload)
        return ids;
    for (const Mapping::MsiMapping &mapping : mappings) {
        if (!m_workload->map(mapping).pairs.isEmpty())
            ids.append(mapping.msi.id);
    }
    return ids;
}

QList<Action> PlanBuilder::workloadActions(const QList<Mapping::MsiMapping> &mappings,
                                           const Model::ClusterState &cluster,
                                           const Workload::WorkloadState &workload) const
{
    QList<Workload::WorkloadPair> pairs;
    QList<Action> actions;
    for (const Mapping::MsiMapping &mapping : mappings) {
        Workload::WorkloadMapping mapped = m_workload->map(mapping);
        for (const Workload::WorkloadPair &pair : std::as_const(mapped.pairs)) {
            // The AzureIdentity rules hold here too: the namespace must be there, Active and admit the MSI.
            const Model::ObservedNamespace *ns = cluster.findNamespace(pair.namespaceName);
            if (ns && ns->isActive() && !m_planner.guard().refusal(*ns, pair.msiId)) {
                pairs.append(pair);
                continue;
            }
            if (ns && ns->isActive())
                continue; // the planner's Skip names the guard's refusal
            Action wait;
            wait.kind = Action::Kind::WaitForNamespace;
            wait.resource = u"ServiceAccount"_s;
            wait.msiId = pair.msiId;
            wait.namespaceName = pair.namespaceName;
            wait.name = pair.serviceAccount;
            wait.code = ns ? u"NamespaceTerminating"_s : u"NamespaceMissing"_s;
            wait.reason = ns ? tr("namespace \"%1\" is terminating").arg(pair.namespaceName)
                             : tr("namespace \"%1\" does not exist").arg(pair.namespaceName);
            actions.append(wait);
        }
        for (const Model::Skip &skip : std::as_const(mapped.skips)) {
            Action action;
            action.kind = Action::Kind::Skip;
            action.msiId = mapping.msi.id;
            action.namespaceName = skip.namespaceName;
            action.code = Model::Skip::kindName(skip.kind);
            action.reason = skip.reason;
            actions.append(action);
        }
    }
    actions.append(WorkloadActions::fromSteps(Workload::WorkloadPlanner(m_issuer, 20).plan(pairs, workload)));
    return actions;
}

QList<Mapping::MsiMapping> PlanBuilder::map(const QList<Model::Msi> &msis, const QDateTime &nowUtc) const
{
    QList<Mapping::MsiMapping> mappings;
    mappings.reserve(msis.size());
    for (const Model::Msi &msi : msis)
        mappings.append(m_mapper.map(msi, nowUtc));
    return mappings;
}

Plan PlanBuilder::plan(const QList<Mapping::MsiMapping> &mappings, const Model::ClusterState &cluster,
                       const QDateTime &nowUtc, const QStringList &failedSubscriptions,
                       const Workload::WorkloadState *workload) const
{
    Plan plan = m_planner.plan(mappings, cluster, nowUtc, failedSubscriptions);
    if (!m_workload)
        return plan;
    if (!m_azureIdentities) {
        // Workload identity alone: keep only what the mapping said about the MSIs themselves.
        plan.actions.removeIf([](const Action &action) { return action.kind != Action::Kind::Skip; });
    }
    if (workload) {
        const QList<Action> extra = workloadActions(mappings, cluster, *workload);
        // Writes stay ahead of reports, as the applier and the readers expect.
        QList<Action> merged = plan.actions + extra;
        std::stable_partition(merged.begin(), merged.end(), [](const Action &action) { return action.isWrite(); });
        plan.actions = merged;
    }
    return plan;
}

PlanResult PlanBuilder::build(const Snapshot &snapshot, const QDateTime &nowUtc) const
{
    PlanResult result;
    result.mappings = map(snapshot.catalog.msis(), nowUtc);
    result.plan
        = plan(result.mappings, snapshot.cluster, nowUtc, snapshot.catalog.failedSubscriptions(),
               m_workload && snapshot.workloadRead && snapshot.workloadError.isEmpty() ? &snapshot.workload : nullptr);
    return result;
}

Applier::Replan PlanBuilder::replanner(const QList<Mapping::MsiMapping> &mappings, const Model::ClusterState &cluster,
                                       const QDateTime &nowUtc, const QStringList &failedSubscriptions) const
{
    return [builder = *this, mappings, cluster, nowUtc,
            failedSubscriptions](const Action &stale, const QJsonObject &fresh) -> std::optional<Action> {
        QList<Mapping::MsiMapping> aimed;
        for (const Mapping::MsiMapping &mapping : mappings) {
            const bool here = std::any_of(
                mapping.identities.cbegin(), mapping.identities.cend(),
                [&](const Model::DesiredIdentity &identity) { return identity.namespaceName == stale.namespaceName; });
            if (here)
                aimed.append(mapping);
        }
        return builder.replanOne(aimed, cluster.slice(stale.namespaceName), nowUtc, failedSubscriptions, stale, fresh);
    };
}

std::optional<Action> PlanBuilder::replanOne(const QList<Mapping::MsiMapping> &mappings, Model::ClusterState slice,
                                             const QDateTime &nowUtc, const QStringList &failedSubscriptions,
                                             const Action &stale, const QJsonObject &fresh) const
{
    const bool binding = stale.kind == Action::Kind::RepointBinding;
    if (fresh.isEmpty() && binding)
        slice.removeBinding(stale.namespaceName, stale.name);
    else if (fresh.isEmpty())
        slice.removeIdentity(stale.namespaceName, stale.name);
    else if (binding)
        slice.insert(Model::ObservedBinding::fromJson(fresh));
    else
        slice.insert(Model::ObservedIdentity::fromJson(fresh));
    const Plan plan = m_planner.plan(mappings, slice, nowUtc, failedSubscriptions);
    for (const Action &action : plan.actions) {
        if (action.namespaceName == stale.namespaceName && action.name == stale.name
            && action.resourceKind() == stale.resourceKind())
            return action;
    }
    return std::nullopt;
}

} // namespace Amo::Sync
