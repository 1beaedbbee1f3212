// SPDX-License-Identifier: MIT
#include "shared/sync/planbuilder.h"

#include "shared/sync/snapshot.h"

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
                       const QDateTime &nowUtc, const QStringList &failedSubscriptions) const
{
    return m_planner.plan(mappings, cluster, nowUtc, failedSubscriptions);
}

PlanResult PlanBuilder::build(const Snapshot &snapshot, const QDateTime &nowUtc) const
{
    PlanResult result;
    result.mappings = map(snapshot.catalog.msis(), nowUtc);
    result.plan = plan(result.mappings, snapshot.cluster, nowUtc, snapshot.catalog.failedSubscriptions());
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
