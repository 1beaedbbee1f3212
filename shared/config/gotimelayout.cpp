// SPDX-License-Identifier: MIT
#include "shared/config/gotimelayout.h"

#include "shared/config/golayouttokenizer.h"

using namespace Qt::StringLiterals;

namespace Amo::Config {

namespace {

using E = GoLayoutElement;

// Go's appendInt: optional '-', then the digits zero-padded to width.
void appendInt(QString &out, qint64 value, int width)
{
    if (value < 0) {
        out += u'-';
        value = -value;
    }
    out += QString::number(value).rightJustified(width, u'0');
}

void appendFraction(QString &out, int nanosecond, const GoLayoutToken &token)
{
    int digits = qMin(token.fractionDigits, 9);
    const QString all = QString::number(nanosecond).rightJustified(9, u'0');
    if (token.element == E::FracSecond9) {
        while (digits > 0 && all.at(digits - 1) == u'0')
            --digits;
        if (digits == 0)
            return; // Go drops the separator too
    }
    out += token.fractionSeparator;
    out += QStringView(all).left(digits);
}

} // namespace

QString GoTimeLayout::format(const QDateTime &utc, int nanosecond) const
{
    const QDateTime t = utc.toUTC();
    const QDate date = t.date();
    const QTime time = t.time();
    // QDate has no year 0; Go counts astronomically (year 0 is 1 BC).
    const int year = date.year() < 0 ? date.year() + 1 : date.year();
    const int hour = time.hour();
    const int ns = nanosecond >= 0 ? nanosecond : time.msec() * 1000 * 1000;

    QString out;
    for (const GoLayoutToken &token : GoLayoutTokenizer::tokenize(m_layout)) {
        out += token.literal;
        switch (token.element) {
        case E::None:
            break;
        case E::LongYear:
            appendInt(out, year, 4);
            break;
        case E::Year:
            appendInt(out, year % 100, 2);
            break;
        case E::Month:
            out += GoLayoutTokenizer::shortMonthNames().at(date.month() - 1);
            break;
        case E::LongMonth:
            out += GoLayoutTokenizer::longMonthNames().at(date.month() - 1);
            break;
        case E::NumMonth:
            appendInt(out, date.month(), 0);
            break;
        case E::ZeroMonth:
            appendInt(out, date.month(), 2);
            break;
        case E::WeekDay:
            out += GoLayoutTokenizer::shortDayNames().at(date.dayOfWeek() % 7);
            break;
        case E::LongWeekDay:
            out += GoLayoutTokenizer::longDayNames().at(date.dayOfWeek() % 7);
            break;
        case E::Day:
            appendInt(out, date.day(), 0);
            break;
        case E::UnderDay:
            if (date.day() < 10)
                out += u' ';
            appendInt(out, date.day(), 0);
            break;
        case E::ZeroDay:
            appendInt(out, date.day(), 2);
            break;
        case E::UnderYearDay:
            out += QString::number(date.dayOfYear()).rightJustified(3, u' ');
            break;
        case E::ZeroYearDay:
            appendInt(out, date.dayOfYear(), 3);
            break;
        case E::Hour:
            appendInt(out, hour, 2);
            break;
        case E::Hour12:
            appendInt(out, hour % 12 == 0 ? 12 : hour % 12, 0);
            break;
        case E::ZeroHour12:
            appendInt(out, hour % 12 == 0 ? 12 : hour % 12, 2);
            break;
        case E::Minute:
            appendInt(out, time.minute(), 0);
            break;
        case E::ZeroMinute:
            appendInt(out, time.minute(), 2);
            break;
        case E::Second:
            appendInt(out, time.second(), 0);
            break;
        case E::ZeroSecond:
            appendInt(out, time.second(), 2);
            break;
        case E::UpperPM:
            out += hour >= 12 ? u"PM"_s : u"AM"_s;
            break;
        case E::LowerPM:
            out += hour >= 12 ? u"pm"_s : u"am"_s;
            break;
        case E::TZ:
            out += u"UTC"_s; // Go prints the zone's name, which in UTC is "UTC"
            break;
        case E::ISO8601TZ:
        case E::ISO8601SecondsTZ:
        case E::ISO8601ShortTZ:
        case E::ISO8601ColonTZ:
        case E::ISO8601ColonSecondsTZ:
            out += u'Z'; // ISO 8601 elements write a zero offset as "Z"
            break;
        case E::NumShortTZ:
            out += u"+00"_s;
            break;
        case E::NumTZ:
            out += u"+0000"_s;
            break;
        case E::NumColonTZ:
            out += u"+00:00"_s;
            break;
        case E::NumSecondsTZ:
            out += u"+000000"_s;
            break;
        case E::NumColonSecondsTZ:
            out += u"+00:00:00"_s;
            break;
        case E::FracSecond0:
        case E::FracSecond9:
            appendFraction(out, ns, token);
            break;
        }
    }
    return out;
}

bool GoTimeLayout::hasDateElements() const
{
    bool year = false;
    bool month = false;
    bool day = false;
    bool yearDay = false;
    for (const GoLayoutToken &token : GoLayoutTokenizer::tokenize(m_layout)) {
        switch (token.element) {
        case E::LongYear:
        case E::Year:
            year = true;
            break;
        case E::Month:
        case E::LongMonth:
        case E::NumMonth:
        case E::ZeroMonth:
            month = true;
            break;
        case E::Day:
        case E::UnderDay:
        case E::ZeroDay:
            day = true;
            break;
        case E::UnderYearDay:
        case E::ZeroYearDay:
            yearDay = true;
            break;
        default:
            break;
        }
    }
    return year && ((month && day) || yearDay);
}

} // namespace Amo::Config
