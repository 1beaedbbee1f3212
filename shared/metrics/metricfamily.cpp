// SPDX-License-Identifier: MIT
#include "shared/metrics/metricfamily.h"

#include "shared/metrics/textformat.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace Amo::Metrics {

MetricFamily::MetricFamily(QString name, QString help, QStringList labelNames, Type type)
    : m_name(std::move(name))
    , m_help(std::move(help))
    , m_labelNames(std::move(labelNames))
    , m_type(type)
{
}

void MetricFamily::inc(const QStringList &labelValues, double delta)
{
    Q_ASSERT(labelValues.size() == m_labelNames.size());
    if (m_type == Type::Counter && delta < 0)
        return; // counters never go down
    QMutexLocker lock(&m_mutex);
    m_values[labelValues] += delta;
}

void MetricFamily::set(const QStringList &labelValues, double value)
{
    Q_ASSERT(labelValues.size() == m_labelNames.size());
    QMutexLocker lock(&m_mutex);
    m_values[labelValues] = value;
}

double MetricFamily::value(const QStringList &labelValues) const
{
    QMutexLocker lock(&m_mutex);
    return m_values.value(labelValues, 0.0);
}

void MetricFamily::remove(const QStringList &labelValues)
{
    QMutexLocker lock(&m_mutex);
    m_values.remove(labelValues);
}

void MetricFamily::clear()
{
    QMutexLocker lock(&m_mutex);
    m_values.clear();
}

void MetricFamily::render(QString &out) const
{
    QMutexLocker lock(&m_mutex);
    out += TextFormat::header(m_name, m_help, m_type == Type::Counter ? u"counter"_s : u"gauge"_s);
    for (auto it = m_values.begin(); it != m_values.end(); ++it)
        out += m_name + TextFormat::labels(m_labelNames, it.key()) + u' ' + TextFormat::value(it.value()) + u'\n';
}

} // namespace Amo::Metrics
