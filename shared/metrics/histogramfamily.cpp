// SPDX-License-Identifier: MIT
#include "shared/metrics/histogramfamily.h"

#include "shared/metrics/labels.h"

#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <algorithm>

namespace Amo::Metrics {

HistogramFamily::HistogramFamily(prometheus::Registry &registry, const QString &name, const QString &help,
                                 QStringList labelNames, QList<double> buckets)
    : m_name(name)
    , m_labelNames(std::move(labelNames))
    , m_buckets(std::move(buckets))
{
    // prometheus-cpp wants strictly increasing bounds; the settings may list them in any order.
    std::sort(m_buckets.begin(), m_buckets.end());
    m_buckets.erase(std::unique(m_buckets.begin(), m_buckets.end()), m_buckets.end());
    m_boundaries.assign(m_buckets.begin(), m_buckets.end());
    m_family = &prometheus::BuildHistogram().Name(name.toStdString()).Help(escapedHelp(help)).Register(registry);
}

QList<double> HistogramFamily::defaultBuckets()
{
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

void HistogramFamily::observe(const QStringList &labelValues, double value)
{
    // Add() returns the existing series when there is one; the bounds only shape a new one.
    m_family->Add(toLabels(m_labelNames, labelValues), m_boundaries).Observe(value);
}

quint64 HistogramFamily::count(const QStringList &labelValues) const
{
    const prometheus::Labels labels = toLabels(m_labelNames, labelValues);
    return m_family->Has(labels) ? m_family->Add(labels, m_boundaries).Collect().histogram.sample_count : 0;
}

double HistogramFamily::sum(const QStringList &labelValues) const
{
    const prometheus::Labels labels = toLabels(m_labelNames, labelValues);
    return m_family->Has(labels) ? m_family->Add(labels, m_boundaries).Collect().histogram.sample_sum : 0.0;
}

} // namespace Amo::Metrics
