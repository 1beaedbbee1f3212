// SPDX-License-Identifier: MIT
#pragma once

#include "shared/mapping/identitymapper.h"
#include "shared/mapping/msimapping.h"
#include "shared/sync/applier.h"
#include "shared/sync/plan.h"
#include "shared/sync/planner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace Amo::Config {
struct OperatorConfig;
}

namespace Amo::Sync {

struct Snapshot;

/** A plan together with the mappings it came from (the dashboard shows both). */
struct PlanResult
{
    QList<Mapping::MsiMapping> mappings;
    Plan plan;
};

/**
 * The one way from MSIs and cluster state to a plan, shared by the agent, --dry-run and the
 * dashboard: every MSI through the IdentityMapper, then the Planner over the result.
 */
class PlanBuilder
{
    Q_DECLARE_TR_FUNCTIONS(PlanBuilder)
public:
    PlanBuilder(const Mapping::MappingOptions &mapping, const PlannerOptions &planning);
    explicit PlanBuilder(const Config::OperatorConfig &config);

    bool isValid() const { return m_mapper.isValid() && m_planner.isValid(); }
    /** Names the option at fault. */
    QString error() const { return m_mapper.isValid() ? m_planner.error() : m_mapper.error(); }

    QList<Mapping::MsiMapping> map(const QList<Model::Msi> &msis, const QDateTime &nowUtc) const;
    Plan plan(const QList<Mapping::MsiMapping> &mappings, const Model::ClusterState &cluster, const QDateTime &nowUtc,
              const QStringList &failedSubscriptions) const;
    /** Maps the snapshot's MSIs and plans against its cluster state. */
    PlanResult build(const Snapshot &snapshot, const QDateTime &nowUtc) const;

    /**
     * The Applier's conflict handler for a plan made from these inputs: it takes the object as it is
     * now into the slice of @p cluster for that object's namespace (or drops it when it is gone) and
     * plans that one key again, from the mappings aimed at that namespace only.
     */
    Applier::Replan replanner(const QList<Mapping::MsiMapping> &mappings, const Model::ClusterState &cluster,
                              const QDateTime &nowUtc, const QStringList &failedSubscriptions) const;

    /**
     * Plans @p stale again in its namespace, the one key a 409 concerns: @p mappings are those aimed
     * at that namespace (others are ignored), @p slice what the namespace holds (ClusterState::slice),
     * @p fresh the object as read again (empty: gone). nullopt: nothing to do for it any more.
     */
    std::optional<Action> replanOne(const QList<Mapping::MsiMapping> &mappings, Model::ClusterState slice,
                                    const QDateTime &nowUtc, const QStringList &failedSubscriptions,
                                    const Action &stale, const QJsonObject &fresh) const;

    const Mapping::IdentityMapper &mapper() const { return m_mapper; }
    const Planner &planner() const { return m_planner; }

private:
    Mapping::IdentityMapper m_mapper;
    Planner m_planner;
};

} // namespace Amo::Sync
