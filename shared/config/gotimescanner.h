// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/golayouttokenizer.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Amo::Config {

/**
 * The value-side helpers of Go's time.Parse, one per reading step. Functions taking a QStringView
 * reference consume what they read, as Go's helpers return the rest of the string.
 */
class GoTimeScanner
{
public:
    static bool digitAt(QStringView s, qsizetype i);
    static bool commaOrPeriod(QChar c);
    /** Go's atoi: optional sign, then digits only. */
    static std::optional<qint64> atoi(QStringView s);
    /** Go's getnum/getnum3: up to maxDigits digits; fixed demands all of them. */
    static std::optional<int> takeNumber(QStringView &value, int maxDigits, bool fixed);
    /** Go's lookup: ASCII case-insensitive prefix match against a name table; returns the index. */
    static std::optional<int> takeName(QStringView &value, const QStringList &names);
    /** Go's skip: a run of spaces in the layout matches any run of spaces in the value. */
    static bool skipLiteral(QStringView &value, QStringView literal);
    /** Go's parseTimeZone: the length of the zone abbreviation at the start of value, or 0. */
    static qsizetype timeZoneLength(QStringView value);
    /** Go's parseNanoseconds over the separator plus length-1 digits; sets range on a negative value. */
    static bool fractionNanos(QStringView value, qsizetype length, int &nanosecond, QString &range);
    /** A numeric zone offset in the shape of @p element; consumed once its shape fits, like Go. */
    static bool takeNumericZone(QStringView &value, GoLayoutElement element, int &offset);
    static int daysInMonth(int month, int year);

private:
    static qsizetype signedOffsetLength(QStringView value);
};

} // namespace Amo::Config
