// SPDX-License-Identifier: MIT
#pragma once

#include "shared/metrics/histogramfamily.h"
#include "shared/metrics/metricfamily.h"

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <functional>
#include <memory>

namespace Amo::Metrics {

/**
 * One registry per process: the Azure and Kubernetes clients and the sync engine register their
 * metric families here, and the agent serves exposition() on /metrics.
 * Asking twice for the same name returns the same family.
 */
class Registry
{
public:
    Registry() = default;
    Registry(const Registry &) = delete;
    Registry &operator=(const Registry &) = delete;

    MetricFamily &counter(const QString &name, const QString &help, const QStringList &labelNames = {});
    MetricFamily &gauge(const QString &name, const QString &help, const QStringList &labelNames = {});
    HistogramFamily &histogram(const QString &name, const QString &help, const QStringList &labelNames,
                               const QList<double> &buckets = HistogramFamily::defaultBuckets());

    /** Runs after each exposition(), e.g. to reset gauges whose values are only valid once. */
    void addAfterScrapeHook(std::function<void()> hook);

    /** Text format 0.0.4, families in registration order. Content-Type: text/plain; version=0.0.4; charset=utf-8 */
    QByteArray exposition();

    static const char *contentType() { return "text/plain; version=0.0.4; charset=utf-8"; }

private:
    MetricFamily &simple(const QString &name, const QString &help, const QStringList &labelNames,
                         MetricFamily::Type type);

    QMutex m_mutex;
    QList<std::shared_ptr<MetricFamily>> m_simple;
    QList<std::shared_ptr<HistogramFamily>> m_histograms;
    QList<std::pair<bool, qsizetype>> m_order; // (is histogram, index)
    QList<std::function<void()>> m_afterScrape;
};

} // namespace Amo::Metrics
