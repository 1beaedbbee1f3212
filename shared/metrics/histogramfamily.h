// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace prometheus {
class Histogram;
class Registry;
template<typename T> class Family;
} // namespace prometheus

namespace Amo::Metrics {

/** A prometheus-cpp histogram family with fixed upper bounds (inclusive) and labels. Thread-safe. */
class HistogramFamily
{
public:
    HistogramFamily(prometheus::Registry &registry, const QString &name, const QString &help, QStringList labelNames,
                    QList<double> buckets);

    const QString &name() const { return m_name; }
    const QStringList &labelNames() const { return m_labelNames; }
    const QList<double> &buckets() const { return m_buckets; }

    void observe(const QStringList &labelValues, double value);
    quint64 count(const QStringList &labelValues) const;
    double sum(const QStringList &labelValues) const;

    /** Prometheus' default buckets, as client libraries use them. */
    static QList<double> defaultBuckets();

private:
    QString m_name;
    QStringList m_labelNames;
    QList<double> m_buckets; // sorted, without duplicates
    std::vector<double> m_boundaries; // the same, for prometheus-cpp
    prometheus::Family<prometheus::Histogram> *m_family = nullptr;
};

} // namespace Amo::Metrics
