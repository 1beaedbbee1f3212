// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Amo::Config {

/** The elements of a Go reference-time layout ("2006", "Jan", "Z07:00", ".000", ...). */
enum class GoLayoutElement {
    None,
    LongMonth, // January
    Month, // Jan
    NumMonth, // 1
    ZeroMonth, // 01
    LongWeekDay, // Monday
    WeekDay, // Mon
    Day, // 2
    UnderDay, // _2
    ZeroDay, // 02
    UnderYearDay, // __2
    ZeroYearDay, // 002
    Hour, // 15
    Hour12, // 3
    ZeroHour12, // 03
    Minute, // 4
    ZeroMinute, // 04
    Second, // 5
    ZeroSecond, // 05
    LongYear, // 2006
    Year, // 06
    UpperPM, // PM
    LowerPM, // pm
    TZ, // MST
    ISO8601TZ, // Z0700
    ISO8601SecondsTZ, // Z070000
    ISO8601ShortTZ, // Z07
    ISO8601ColonTZ, // Z07:00
    ISO8601ColonSecondsTZ, // Z07:00:00
    NumTZ, // -0700
    NumSecondsTZ, // -070000
    NumShortTZ, // -07
    NumColonTZ, // -07:00
    NumColonSecondsTZ, // -07:00:00
    FracSecond0, // .000 or ,000 (trailing zeros kept)
    FracSecond9, // .999 or ,999 (trailing zeros dropped)
};

/** One literal run followed by one element; the last token of a layout may have no element. */
struct GoLayoutToken
{
    QString literal;
    GoLayoutElement element = GoLayoutElement::None;
    QString elementText; // the element as written in the layout, for error messages
    int fractionDigits = 0; // FracSecond0/9 only
    QChar fractionSeparator; // FracSecond0/9 only: '.' or ','
};

/** Splits a layout into tokens with the same rules (and quirks) as Go's time.nextStdChunk. */
class GoLayoutTokenizer
{
public:
    static QList<GoLayoutToken> tokenize(QStringView layout);

    static const QStringList &shortMonthNames();
    static const QStringList &longMonthNames();
    /** Go numbers weekdays from Sunday = 0. */
    static const QStringList &shortDayNames();
    static const QStringList &longDayNames();
};

} // namespace Amo::Config
