// SPDX-License-Identifier: MIT
#include "kubemetrics.h"

#include "shared/metrics/registry.h"

using namespace Qt::StringLiterals;

namespace Amo::Kube {

KubeMetrics::KubeMetrics(Metrics::Registry &registry)
    : m_count(registry.counter(u"azuremsi_kube_api_requests_total"_s, u"Kubernetes API requests"_s,
                               {u"verb"_s, u"resource"_s, u"code"_s}))
    , m_latency(registry.histogram(u"azuremsi_kube_api_request_duration_seconds"_s,
                                   u"Kubernetes API request latency in seconds"_s,
                                   {u"verb"_s, u"resource"_s, u"code"_s}))
{
}

void KubeMetrics::record(const QString &verb, const QString &resource, int httpStatus, double seconds)
{
    const QStringList labels {verb, resource, httpStatus > 0 ? QString::number(httpStatus) : u"<error>"_s};
    m_count.inc(labels);
    m_latency.observe(labels, seconds);
}

} // namespace Amo::Kube
