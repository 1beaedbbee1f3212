// SPDX-License-Identifier: MIT
#include "shared/metrics/textformat.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Amo::Metrics {

QString TextFormat::header(const QString &name, const QString &help, const QString &type)
{
    QString escaped = help;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\n"_s, u"\\n"_s);
    return u"# HELP "_s + name + u' ' + escaped + u"\n# TYPE "_s + name + u' ' + type + u'\n';
}

QString TextFormat::labels(const QStringList &names, const QStringList &values, const QString &extraName,
                           const QString &extraValue)
{
    QStringList pairs;
    for (qsizetype i = 0; i < names.size(); ++i)
        pairs << names[i] + u"=\""_s + escapeLabelValue(values.value(i)) + u'"';
    if (!extraName.isEmpty())
        pairs << extraName + u"=\""_s + escapeLabelValue(extraValue) + u'"';
    return pairs.isEmpty() ? QString() : u'{' + pairs.join(u',') + u'}';
}

QString TextFormat::escapeLabelValue(const QString &value)
{
    QString escaped = value;
    return escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s).replace(u"\n"_s, u"\\n"_s);
}

QString TextFormat::value(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace Amo::Metrics
