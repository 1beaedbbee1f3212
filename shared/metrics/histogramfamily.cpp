// SPDX-License-Identifier: MIT
#include "shared/metrics/histogramfamily.h"

#include "shared/metrics/textformat.h"

#include <QMutexLocker>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amo::Metrics {

HistogramFamily::HistogramFamily(QString name, QString help, QStringList labelNames, QList<double> buckets)
    : m_name(std::move(name))
    , m_help(std::move(help))
    , m_labelNames(std::move(labelNames))
    , m_buckets(std::move(buckets))
{
    std::sort(m_buckets.begin(), m_buckets.end());
    m_buckets.erase(std::unique(m_buckets.begin(), m_buckets.end()), m_buckets.end());
}

QList<double> HistogramFamily::defaultBuckets()
{
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

void HistogramFamily::observe(const QStringList &labelValues, double value)
{
    Q_ASSERT(labelValues.size() == m_labelNames.size());
    QMutexLocker lock(&m_mutex);
    Series &series = m_series[labelValues];
    if (series.counts.isEmpty())
        series.counts.resize(m_buckets.size(), 0);
    const auto bucket = std::lower_bound(m_buckets.begin(), m_buckets.end(), value);
    if (bucket != m_buckets.end())
        ++series.counts[bucket - m_buckets.begin()];
    ++series.count;
    series.sum += value;
}

quint64 HistogramFamily::count(const QStringList &labelValues) const
{
    QMutexLocker lock(&m_mutex);
    return m_series.value(labelValues).count;
}

double HistogramFamily::sum(const QStringList &labelValues) const
{
    QMutexLocker lock(&m_mutex);
    return m_series.value(labelValues).sum;
}

void HistogramFamily::render(QString &out) const
{
    QMutexLocker lock(&m_mutex);
    out += TextFormat::header(m_name, m_help, u"histogram"_s);
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        quint64 cumulative = 0;
        for (qsizetype i = 0; i < m_buckets.size(); ++i) {
            cumulative += it.value().counts.value(i);
            out += m_name + u"_bucket"_s
                + TextFormat::labels(m_labelNames, it.key(), u"le"_s, TextFormat::value(m_buckets[i])) + u' '
                + QString::number(cumulative) + u'\n';
        }
        out += m_name + u"_bucket"_s + TextFormat::labels(m_labelNames, it.key(), u"le"_s, u"+Inf"_s) + u' '
            + QString::number(it.value().count) + u'\n';
        const QString labels = TextFormat::labels(m_labelNames, it.key(), QString(), QString());
        out += m_name + u"_sum"_s + labels + u' ' + TextFormat::value(it.value().sum) + u'\n';
        out += m_name + u"_count"_s + labels + u' ' + QString::number(it.value().count) + u'\n';
    }
}

} // namespace Amo::Metrics
