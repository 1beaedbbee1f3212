// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace Amo::Metrics {

/** Pieces of the Prometheus text format 0.0.4 shared by the metric families. */
class TextFormat
{
public:
    /** "# HELP name help\n# TYPE name type\n", with the help text escaped. */
    static QString header(const QString &name, const QString &help, const QString &type);
    /** {a="x",b="y"} (empty when there are no labels); an extra label such as le can be appended. */
    static QString labels(const QStringList &names, const QStringList &values, const QString &extraName = QString(),
                          const QString &extraValue = QString());
    /** Backslash, double quote and newline escaped. */
    static QString escapeLabelValue(const QString &value);
    /** +Inf, -Inf, NaN, integers without a fraction, else the shortest round-trip form. */
    static QString value(double value);
};

} // namespace Amo::Metrics
