// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace prometheus {
class Counter;
class Gauge;
class Registry;
template<typename T> class Family;
} // namespace prometheus

namespace Amo::Metrics {

/**
 * A prometheus-cpp counter or gauge family with a fixed list of label names; one series per
 * combination of label values, given in the order of the label names. Thread-safe.
 */
class MetricFamily
{
public:
    enum class Type { Counter, Gauge };

    MetricFamily(prometheus::Registry &registry, const QString &name, const QString &help, QStringList labelNames,
                 Type type);

    const QString &name() const { return m_name; }
    Type type() const { return m_type; }
    const QStringList &labelNames() const { return m_labelNames; }

    /** Adds @p delta (counters ignore delta < 0: they never go down). */
    void inc(const QStringList &labelValues = {}, double delta = 1.0);
    /** Gauges only. */
    void set(const QStringList &labelValues, double value);
    /** The series' value; 0 for a series that does not exist (and it is not created). */
    double value(const QStringList &labelValues = {}) const;
    /** Drops one series, or all of them (e.g. a gauge that resets after each scrape). */
    void remove(const QStringList &labelValues);
    void clear();

private:
    QString m_name;
    QStringList m_labelNames;
    Type m_type;
    prometheus::Family<prometheus::Counter> *m_counters = nullptr;
    prometheus::Family<prometheus::Gauge> *m_gauges = nullptr;
};

} // namespace Amo::Metrics
