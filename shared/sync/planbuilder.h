// SPDX-License-Identifier: MIT
#pragma once

#include "shared/mapping/identitymapper.h"
#include "shared/mapping/msimapping.h"
#include "shared/sync/applier.h"
#include "shared/sync/plan.h"
#include "shared/sync/planner.h"
#include "shared/workload/workloadmapper.h"
#include "shared/workload/workloadplanner.h"

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

    bool isValid() const { return error().isEmpty(); }
    /** Names the option at fault. */
    QString error() const;

    /**
     * Workload identity mode: also plans a ServiceAccount and a federated credential per pair, with
     * @p issuer (given or discovered). @p azureIdentities false leaves the AzureIdentity output out.
     */
    void enableWorkload(const Workload::WorkloadOptions &options, bool azureIdentities);
    bool workloadEnabled() const { return m_workload.has_value(); }
    void setIssuer(const QString &issuer) { m_issuer = issuer; }
    QString issuer() const { return m_issuer; }
    /** The identities that have at least one pair: only their credentials are listed. */
    QStringList workloadIdentities(const QList<Mapping::MsiMapping> &mappings) const;

    QList<Mapping::MsiMapping> map(const QList<Model::Msi> &msis, const QDateTime &nowUtc) const;
    Plan plan(const QList<Mapping::MsiMapping> &mappings, const Model::ClusterState &cluster, const QDateTime &nowUtc,
              const QStringList &failedSubscriptions, const Workload::WorkloadState *workload = nullptr) const;
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
    QList<Action> workloadActions(const QList<Mapping::MsiMapping> &mappings, const Model::ClusterState &cluster,
                                  const Workload::WorkloadState &workload) const;

    Mapping::IdentityMapper m_mapper;
    Planner m_planner;
    std::optional<Workload::WorkloadMapper> m_workload;
    bool m_azureIdentities = true;
    QString m_issuer;
};

} // namespace Amo::Sync
