// SPDX-License-Identifier: MIT
#include "shared/metrics/registry.h"

#include "shared/metrics/labels.h"

#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <QMutexLocker>

#include <algorithm>

namespace Amo::Metrics {

namespace {

/** Puts the labels in their declared order (prometheus-cpp sorts them by name), "le" and the like last. */
void orderLabels(prometheus::MetricFamily &family, const QStringList &labelNames)
{
    std::vector<std::string> order;
    for (const QString &name : labelNames)
        order.push_back(name.toStdString());
    const auto rank = [&order](const prometheus::ClientMetric::Label &label) {
        return std::find(order.begin(), order.end(), label.name) - order.begin();
    };
    for (prometheus::ClientMetric &metric : family.metric)
        std::stable_sort(metric.label.begin(), metric.label.end(),
                         [&rank](const auto &a, const auto &b) { return rank(a) < rank(b); });
    std::sort(family.metric.begin(), family.metric.end(), [](const auto &a, const auto &b) {
        return std::lexicographical_compare(a.label.begin(), a.label.end(), b.label.begin(), b.label.end(),
                                            [](const auto &x, const auto &y) { return x.value < y.value; });
    });
}

} // namespace

Registry::Registry()
    : m_registry(std::make_unique<prometheus::Registry>())
{
}

Registry::~Registry() = default;

MetricFamily &Registry::counter(const QString &name, const QString &help, const QStringList &labelNames)
{
    return simple(name, help, labelNames, MetricFamily::Type::Counter);
}

MetricFamily &Registry::gauge(const QString &name, const QString &help, const QStringList &labelNames)
{
    return simple(name, help, labelNames, MetricFamily::Type::Gauge);
}

MetricFamily &Registry::simple(const QString &name, const QString &help, const QStringList &labelNames,
                               MetricFamily::Type type)
{
    QMutexLocker lock(&m_mutex);
    for (const auto &family : m_simple) {
        if (family->name() == name)
            return *family;
    }
    m_simple.push_back(std::make_unique<MetricFamily>(*m_registry, name, help, labelNames, type));
    const auto promType
        = type == MetricFamily::Type::Counter ? prometheus::MetricType::Counter : prometheus::MetricType::Gauge;
    m_declared.append({name, help, labelNames, int(promType)});
    return *m_simple.back();
}

HistogramFamily &Registry::histogram(const QString &name, const QString &help, const QStringList &labelNames,
                                     const QList<double> &buckets)
{
    QMutexLocker lock(&m_mutex);
    for (const auto &family : m_histograms) {
        if (family->name() == name)
            return *family;
    }
    m_histograms.push_back(std::make_unique<HistogramFamily>(*m_registry, name, help, labelNames, buckets));
    m_declared.append({name, help, labelNames, int(prometheus::MetricType::Histogram)});
    return *m_histograms.back();
}

void Registry::addAfterScrapeHook(std::function<void()> hook)
{
    QMutexLocker lock(&m_mutex);
    m_afterScrape.append(std::move(hook));
}

QByteArray Registry::exposition()
{
    std::vector<prometheus::MetricFamily> collected = m_registry->Collect();
    std::vector<prometheus::MetricFamily> ordered;
    QList<std::function<void()>> hooks;
    {
        QMutexLocker lock(&m_mutex);
        for (const Declared &declared : std::as_const(m_declared)) {
            const std::string name = declared.name.toStdString();
            const auto found = std::find_if(collected.begin(), collected.end(),
                                            [&name](const prometheus::MetricFamily &f) { return f.name == name; });
            if (found == collected.end()) {
                // prometheus-cpp leaves out a family without series; the original showed its HELP and TYPE.
                ordered.push_back({name, escapedHelp(declared.help), prometheus::MetricType(declared.type), {}});
                continue;
            }
            ordered.push_back(std::move(*found));
            collected.erase(found);
            orderLabels(ordered.back(), declared.labelNames);
        }
        hooks = m_afterScrape;
    }
    // Families built straight on prometheusRegistry() come last, as prometheus-cpp orders them.
    std::move(collected.begin(), collected.end(), std::back_inserter(ordered));
    const std::string text = prometheus::TextSerializer().Serialize(ordered);
    for (const auto &hook : std::as_const(hooks))
        hook();
    return QByteArray::fromStdString(text);
}

} // namespace Amo::Metrics
