// SPDX-License-Identifier: MIT
#include "shared/metrics/metricfamily.h"

#include "shared/metrics/labels.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

namespace Amo::Metrics {

namespace {

template<typename T> void removeAll(prometheus::Family<T> &family)
{
    for (const prometheus::MetricFamily &collected : family.Collect()) {
        for (const prometheus::ClientMetric &metric : collected.metric) {
            prometheus::Labels labels;
            for (const auto &label : metric.label)
                labels.emplace(label.name, label.value);
            family.Remove(&family.Add(labels));
        }
    }
}

template<typename T> void removeOne(prometheus::Family<T> &family, const prometheus::Labels &labels)
{
    if (family.Has(labels))
        family.Remove(&family.Add(labels));
}

template<typename T> double valueOf(prometheus::Family<T> &family, const prometheus::Labels &labels)
{
    return family.Has(labels) ? family.Add(labels).Value() : 0.0;
}

} // namespace

MetricFamily::MetricFamily(prometheus::Registry &registry, const QString &name, const QString &help,
                           QStringList labelNames, Type type)
    : m_name(name)
    , m_labelNames(std::move(labelNames))
    , m_type(type)
{
    if (type == Type::Counter)
        m_counters = &prometheus::BuildCounter().Name(name.toStdString()).Help(escapedHelp(help)).Register(registry);
    else
        m_gauges = &prometheus::BuildGauge().Name(name.toStdString()).Help(escapedHelp(help)).Register(registry);
}

void MetricFamily::inc(const QStringList &labelValues, double delta)
{
    const prometheus::Labels labels = toLabels(m_labelNames, labelValues);
    if (m_counters)
        m_counters->Add(labels).Increment(delta);
    else
        m_gauges->Add(labels).Increment(delta);
}

void MetricFamily::set(const QStringList &labelValues, double value)
{
    Q_ASSERT(m_gauges);
    if (m_gauges)
        m_gauges->Add(toLabels(m_labelNames, labelValues)).Set(value);
}

double MetricFamily::value(const QStringList &labelValues) const
{
    const prometheus::Labels labels = toLabels(m_labelNames, labelValues);
    return m_counters ? valueOf(*m_counters, labels) : valueOf(*m_gauges, labels);
}

void MetricFamily::remove(const QStringList &labelValues)
{
    const prometheus::Labels labels = toLabels(m_labelNames, labelValues);
    if (m_counters)
        removeOne(*m_counters, labels);
    else
        removeOne(*m_gauges, labels);
}

void MetricFamily::clear()
{
    if (m_counters)
        removeAll(*m_counters);
    else
        removeAll(*m_gauges);
}

} // namespace Amo::Metrics
