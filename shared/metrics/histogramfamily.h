// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace Amo::Metrics {

/** A histogram with fixed upper bounds and labels; renders _bucket (cumulative), _sum and _count. */
class HistogramFamily
{
public:
    HistogramFamily(QString name, QString help, QStringList labelNames, QList<double> buckets);

    const QString &name() const { return m_name; }
    const QStringList &labelNames() const { return m_labelNames; }
    const QList<double> &buckets() const { return m_buckets; }

    void observe(const QStringList &labelValues, double value);
    quint64 count(const QStringList &labelValues) const;
    double sum(const QStringList &labelValues) const;

    void render(QString &out) const;

    /** Prometheus' default buckets, as client libraries use them. */
    static QList<double> defaultBuckets();

private:
    struct Series
    {
        QList<quint64> counts; // per bucket, not cumulative
        quint64 count = 0;
        double sum = 0;
    };

    QString m_name;
    QString m_help;
    QStringList m_labelNames;
    QList<double> m_buckets;
    mutable QMutex m_mutex;
    QMap<QStringList, Series> m_series;
};

} // namespace Amo::Metrics
