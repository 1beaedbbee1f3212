// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Amo::Metrics {
class Registry;
class MetricFamily;
class HistogramFamily;
} // namespace Amo::Metrics

namespace Amo::Kube {

/**
 * Kubernetes API request metrics: azuremsi_kube_api_requests_total and
 * azuremsi_kube_api_request_duration_seconds, both by verb, resource and code ("<error>" when no
 * HTTP status came back). Watches are counted when they end, with their whole duration.
 */
class KubeMetrics
{
public:
    explicit KubeMetrics(Metrics::Registry &registry);
    void record(const QString &verb, const QString &resource, int httpStatus, double seconds);

private:
    Metrics::MetricFamily &m_count;
    Metrics::HistogramFamily &m_latency;
};

} // namespace Amo::Kube
