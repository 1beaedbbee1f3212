// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/labelformat.h"
#include "shared/mapping/msimapping.h"
#include "shared/model/clusterstate.h"
#include "shared/sync/expiryrule.h"
#include "shared/sync/namespaceguard.h"
#include "shared/sync/plan.h"
#include "shared/sync/planneroptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QStringList>

namespace Amo::Sync {

/**
 * Compares what the MSIs want (their mappings) with what the cluster holds and decides what to do:
 * a pure function of its inputs, with no network and no clock of its own.
 *
 * Invariants it keeps: nothing is ever deleted; an unchanged world plans zero writes; updates touch
 * owned fields only and are conditional on resourceVersion; an AzureIdentity whose spec.resourceID
 * belongs to another MSI is never overwritten unless our lookup labels show it is ours (then it is
 * restored); a binding is re-pointed only to an identity that is ours, and only after it has been
 * written when it needs a write; identities of subscriptions whose listing failed are never
 * reported as orphans.
 */
class Planner
{
    Q_DECLARE_TR_FUNCTIONS(Planner)
public:
    explicit Planner(PlannerOptions options);

    bool isValid() const { return m_error.isEmpty(); }
    /** Names the option at fault (label format, renewal threshold); an invalid planner plans nothing. */
    QString error() const { return m_error; }
    /** Who may place an identity where; workload identity mode follows the same rules. */
    const NamespaceGuard &guard() const { return m_guard; }
    const PlannerOptions &options() const { return m_options; }

    /**
     * Plans one sync. @p failedSubscriptions are the subscription IDs (any letter case) whose MSI listing
     * failed: their AzureIdentities may be missing from @p mappings but are not orphans.
     */
    Plan plan(const QList<Mapping::MsiMapping> &mappings, const Model::ClusterState &cluster, const QDateTime &nowUtc,
              const QStringList &failedSubscriptions = {}) const;

private:
    void planIdentity(const Model::DesiredIdentity &desired, const Model::ClusterState &cluster,
                      const QDateTime &nowUtc, QList<Action> &actions) const;
    /** Labelled bindings of the MSI whose spec.azureIdentity is not the desired name (with binding sync on). */
    QList<Model::ObservedBinding> driftedBindings(const Model::DesiredIdentity &desired,
                                                  const Model::ClusterState &cluster) const;
    void planBindings(const Model::DesiredIdentity &desired, const Model::ClusterState &cluster,
                      const QString &afterIdentity, QList<Action> &actions) const;
    /** Reports the bindings that are not re-pointed because their identity is in conflict. */
    void holdBindings(const Model::DesiredIdentity &desired, const Model::ClusterState &cluster,
                      const QString &identityReason, QList<Action> &actions) const;
    void planCrossNamespaceBindings(const Model::ClusterState &cluster, QList<Action> &actions) const;
    /** Our lookup labels name exactly this MSI: the object is ours, whatever its spec says now. */
    bool isOurs(const Model::ObservedIdentity &observed, const Model::DesiredIdentity &desired) const;
    void planOrphans(const QSet<QString> &claimedKeys, const Model::ClusterState &cluster,
                     const QStringList &failedSubscriptions, QList<Action> &actions) const;
    ObjectToCreate createObject(const Model::DesiredIdentity &desired, const QDateTime &nowUtc) const;
    bool hasLookupLabels(const QMap<QString, QString> &labels) const;
    QString subscriptionOf(const Model::ObservedIdentity &identity) const;

    PlannerOptions m_options;
    Config::LabelFormat m_labels;
    ExpiryRule m_expiry;
    NamespaceGuard m_guard;
    QString m_error;
};

} // namespace Amo::Sync
