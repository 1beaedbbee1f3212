// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

namespace Amo::Metrics {
class Registry;
class MetricFamily;
} // namespace Amo::Metrics

namespace Amo::Sync {
struct Plan;
}

namespace Amo::Agent {

/**
 * The sync engine's metric families, registered in one place. The reconciler calls the record
 * functions; the Azure and Kubernetes clients register their own request metrics.
 *
 * The original's names, types and labels:
 *   azuremsi_sync_time{subscription}                         gauge, unix time of the last good listing
 *   azuremsi_sync_duration{subscription}                     gauge, seconds that listing took
 *   azuremsi_sync_resources_success{subscription,resource}   see below
 *   azuremsi_sync_resources_errors{subscription,resource}    see below
 * Additions: azuremsi_sync_resources_{success,errors}_total (counter), azuremsi_leader,
 * azuremsi_plan_actions{kind}, azuremsi_subscription_last_success_timestamp_seconds{subscription},
 * azuremsi_subscription_listing_errors_total{subscription} and azuremsi_build_info{version}.
 */
class SyncMetrics
{
public:
    SyncMetrics(Metrics::Registry &registry, const QString &version);

    /** One subscription's Azure listing ended; @p ok false keeps its timestamps and counts an error. */
    void recordListing(const QString &subscriptionId, bool ok, const QDateTime &finishedAt, double seconds);
    /** One write (create, update, re-point); @p resource is the kind, "AzureIdentity" or "AzureIdentityBinding". */
    void recordWrite(const QString &subscriptionId, const QString &resource, bool ok);
    /** The actions of the plan just made, by kind; kinds absent from it read 0. */
    void recordPlan(const Sync::Plan &plan);
    void setLeader(bool leader);

private:
    Metrics::MetricFamily &m_syncTime;
    Metrics::MetricFamily &m_syncDuration;
    Metrics::MetricFamily &m_success;
    Metrics::MetricFamily &m_errors;
    Metrics::MetricFamily &m_successTotal;
    Metrics::MetricFamily &m_errorsTotal;
    Metrics::MetricFamily &m_lastSuccess;
    Metrics::MetricFamily &m_listingErrors;
    Metrics::MetricFamily &m_planActions;
    Metrics::MetricFamily &m_leader;
};

} // namespace Amo::Agent
