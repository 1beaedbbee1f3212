// SPDX-License-Identifier: MIT
#include "shared/metrics/registry.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace Amo::Metrics {

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
    for (const auto &family : std::as_const(m_simple)) {
        if (family->name() == name)
            return *family;
    }
    m_simple.append(std::make_shared<MetricFamily>(name, help, labelNames, type));
    m_order.append({false, m_simple.size() - 1});
    return *m_simple.last();
}

HistogramFamily &Registry::histogram(const QString &name, const QString &help, const QStringList &labelNames,
                                     const QList<double> &buckets)
{
    QMutexLocker lock(&m_mutex);
    for (const auto &family : std::as_const(m_histograms)) {
        if (family->name() == name)
            return *family;
    }
    m_histograms.append(std::make_shared<HistogramFamily>(name, help, labelNames, buckets));
    m_order.append({true, m_histograms.size() - 1});
    return *m_histograms.last();
}

void Registry::addAfterScrapeHook(std::function<void()> hook)
{
    QMutexLocker lock(&m_mutex);
    m_afterScrape.append(std::move(hook));
}

QByteArray Registry::exposition()
{
    QString out;
    QList<std::function<void()>> hooks;
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &[isHistogram, index] : std::as_const(m_order)) {
            if (isHistogram)
                m_histograms.at(index)->render(out);
            else
                m_simple.at(index)->render(out);
        }
        hooks = m_afterScrape;
    }
    for (const auto &hook : std::as_const(hooks))
        hook();
    return out.toUtf8();
}

} // namespace Amo::Metrics
