// SPDX-License-Identifier: MIT
#pragma once

#include "shared/metrics/histogramfamily.h"
#include "shared/metrics/metricfamily.h"

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <functional>
#include <memory>
#include <vector>

namespace prometheus {
class Registry;
}

namespace Amo::Metrics {

/**
 * One prometheus::Registry per process: the Azure and Kubernetes clients and the sync engine
 * register their families here, and the agent serves exposition() on /metrics.
 * Asking twice for the same name returns the same family.
 */
class Registry
{
public:
    Registry();
    ~Registry();
    Registry(const Registry &) = delete;
    Registry &operator=(const Registry &) = delete;

    MetricFamily &counter(const QString &name, const QString &help, const QStringList &labelNames = {});
    MetricFamily &gauge(const QString &name, const QString &help, const QStringList &labelNames = {});
    HistogramFamily &histogram(const QString &name, const QString &help, const QStringList &labelNames,
                               const QList<double> &buckets = HistogramFamily::defaultBuckets());

    /** Runs after each exposition(), e.g. to reset gauges whose values are only valid once. */
    void addAfterScrapeHook(std::function<void()> hook);

    /**
     * prometheus-cpp's TextSerializer over the registry: families in registration order (a family
     * without series still shows its HELP and TYPE), labels in the order they were declared and
     * series sorted by their label values, so that two scrapes diff well.
     */
    QByteArray exposition();

    /** The underlying registry, for families built with prometheus-cpp's own builders. */
    prometheus::Registry &prometheusRegistry() { return *m_registry; }

    static const char *contentType() { return "text/plain; version=0.0.4; charset=utf-8"; }

private:
    struct Declared
    {
        QString name;
        QString help;
        QStringList labelNames;
        int type; // prometheus::MetricType
    };

    MetricFamily &simple(const QString &name, const QString &help, const QStringList &labelNames,
                         MetricFamily::Type type);

    std::unique_ptr<prometheus::Registry> m_registry;
    QMutex m_mutex;
    std::vector<std::unique_ptr<MetricFamily>> m_simple;
    std::vector<std::unique_ptr<HistogramFamily>> m_histograms;
    QList<Declared> m_declared; // registration order
    QList<std::function<void()>> m_afterScrape;
};

} // namespace Amo::Metrics
