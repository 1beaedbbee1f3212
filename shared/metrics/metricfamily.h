// SPDX-License-Identifier: MIT
#pragma once

#include <QMap>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace Amo::Metrics {

/**
 * A counter or gauge with a fixed list of label names; one value per combination of label values.
 * Label values are given in the order of the label names.
 */
class MetricFamily
{
public:
    enum class Type { Counter, Gauge };

    MetricFamily(QString name, QString help, QStringList labelNames, Type type);

    const QString &name() const { return m_name; }
    Type type() const { return m_type; }
    const QStringList &labelNames() const { return m_labelNames; }

    /** Adds @p delta (counters accept only delta >= 0). */
    void inc(const QStringList &labelValues = {}, double delta = 1.0);
    /** Gauges only. */
    void set(const QStringList &labelValues, double value);
    double value(const QStringList &labelValues = {}) const;
    /** Drops one series, or all of them (e.g. a gauge that resets after each scrape). */
    void remove(const QStringList &labelValues);
    void clear();

    /** HELP, TYPE and one sample line per series, in text format 0.0.4. */
    void render(QString &out) const;

private:
    QString m_name;
    QString m_help;
    QStringList m_labelNames;
    Type m_type;
    mutable QMutex m_mutex;
    QMap<QStringList, double> m_values;
};

} // namespace Amo::Metrics
