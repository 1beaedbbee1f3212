// SPDX-License-Identifier: MIT
// GoTimeLayout::parse: Go's time.Parse with UTC as the default location.
#include "shared/config/gotimelayout.h"

#include "shared/config/golayouttokenizer.h"
#include "shared/config/gotimescanner.h"
#include "shared/gotext/goquote.h"

using namespace Qt::StringLiterals;

namespace Amo::Config {

namespace {

using E = GoLayoutElement;

struct Fields
{
    int year = 0;
    int month = -1;
    int day = -1;
    int yday = -1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanosecond = 0;
    bool pmSet = false;
    bool amSet = false;
    int zoneOffset = 0; // seconds east of UTC; only numeric zones move the instant
};

} // namespace

std::optional<GoTimeLayout::Parsed> GoTimeLayout::parse(QStringView input, QString *error) const
{
    const QList<GoLayoutToken> tokens = GoLayoutTokenizer::tokenize(m_layout);
    const QString head = u"parsing time "_s + GoText::GoQuote::timeQuote(input.toString());
    const auto fail = [&](const QString &message) -> std::optional<Parsed> {
        if (error)
            *error = head + message;
        return std::nullopt;
    };
    const auto cannotParse = [&](QStringView valueElem, const QString &layoutElem) {
        return fail(u" as "_s + GoText::GoQuote::timeQuote(m_layout) + u": cannot parse "_s
                    + GoText::GoQuote::timeQuote(valueElem.toString()) + u" as "_s
                    + GoText::GoQuote::timeQuote(layoutElem));
    };

    Fields f;
    QStringView value = input;
    for (qsizetype t = 0; t < tokens.size(); ++t) {
        const GoLayoutToken &token = tokens.at(t);
        if (!GoTimeScanner::skipLiteral(value, token.literal))
            return cannotParse(value, token.literal);
        if (token.element == E::None)
            break;
        QString range;
        bool ok = true;
        const auto number = [&](int digits, bool fixed, int &target) {
            const auto n = GoTimeScanner::takeNumber(value, digits, fixed);
            ok = n.has_value();
            target = n.value_or(0);
        };
        switch (token.element) {
        case E::None:
            break;
        case E::LongYear: {
            if (value.size() < 4 || !GoTimeScanner::digitAt(value, 0)) {
                ok = false;
                break;
            }
            // Go moves past the four characters before it converts them, so errors show the rest.
            const auto y = GoTimeScanner::atoi(value.left(4));
            value = value.mid(4);
            ok = y.has_value();
            f.year = int(y.value_or(0));
            break;
        }
        case E::Year: {
            const auto y = value.size() >= 2 ? GoTimeScanner::atoi(value.left(2)) : std::nullopt;
            ok = y.has_value();
            if (ok) {
                f.year = int(*y) + (*y >= 69 ? 1900 : 2000);
                value = value.mid(2);
            }
            break;
        }
        case E::Month:
        case E::LongMonth: {
            const auto m = GoTimeScanner::takeName(value,
                                                   token.element == E::Month ? GoLayoutTokenizer::shortMonthNames()
                                                                             : GoLayoutTokenizer::longMonthNames());
            ok = m.has_value();
            f.month = m.value_or(0) + 1;
            break;
        }
        case E::NumMonth:
        case E::ZeroMonth:
            number(2, token.element == E::ZeroMonth, f.month);
            if (ok && (f.month <= 0 || f.month > 12))
                range = u"month"_s;
            break;
        case E::WeekDay:
        case E::LongWeekDay:
            // The weekday is checked to be a name, then ignored, as in Go.
            ok = GoTimeScanner::takeName(value,
                                         token.element == E::WeekDay ? GoLayoutTokenizer::shortDayNames()
                                                                     : GoLayoutTokenizer::longDayNames())
                     .has_value();
            break;
        case E::Day:
        case E::UnderDay:
        case E::ZeroDay:
            if (token.element == E::UnderDay && value.startsWith(u' '))
                value = value.mid(1);
            number(2, token.element == E::ZeroDay, f.day);
            break;
        case E::UnderYearDay:
        case E::ZeroYearDay:
            for (int i = 0; i < 2 && token.element == E::UnderYearDay && value.startsWith(u' '); ++i)
                value = value.mid(1);
            number(3, token.element == E::ZeroYearDay, f.yday);
            break;
        case E::Hour:
            number(2, false, f.hour);
            if (f.hour >= 24)
                range = u"hour"_s;
            break;
        case E::Hour12:
        case E::ZeroHour12:
            number(2, token.element == E::ZeroHour12, f.hour);
            if (f.hour > 12)
                range = u"hour"_s;
            break;
        case E::Minute:
        case E::ZeroMinute:
            number(2, token.element == E::ZeroMinute, f.minute);
            if (f.minute >= 60)
                range = u"minute"_s;
            break;
        case E::Second:
        case E::ZeroSecond: {
            number(2, token.element == E::ZeroSecond, f.second);
            if (f.second >= 60) {
                range = u"second"_s;
                break;
            }
            // A fraction in the value but not in the layout is still read. Like Go, this runs even when
            // the seconds failed to parse, and its result replaces that failure.
            const E next = t + 1 < tokens.size() ? tokens.at(t + 1).element : E::None;
            if (value.size() >= 2 && GoTimeScanner::commaOrPeriod(value.front()) && GoTimeScanner::digitAt(value, 1)
                && next != E::FracSecond0 && next != E::FracSecond9) {
                qsizetype n = 2;
                while (GoTimeScanner::digitAt(value, n))
                    ++n;
                ok = GoTimeScanner::fractionNanos(value, n, f.nanosecond, range);
                value = value.mid(n);
            }
            break;
        }
        case E::UpperPM:
        case E::LowerPM: {
            const bool upper = token.element == E::UpperPM;
            const QStringView p = value.left(2);
            ok = value.size() >= 2;
            if (!ok)
                break;
            value = value.mid(2);
            if (p == (upper ? u"PM" : u"pm"))
                f.pmSet = true;
            else if (p == (upper ? u"AM" : u"am"))
                f.amSet = true;
            else
                ok = false;
            break;
        }
        case E::ISO8601TZ:
        case E::ISO8601ShortTZ:
        case E::ISO8601ColonTZ:
            if (value.startsWith(u'Z')) {
                value = value.mid(1);
                f.zoneOffset = 0;
                break;
            }
            ok = GoTimeScanner::takeNumericZone(value, token.element, f.zoneOffset);
            break;
        case E::ISO8601SecondsTZ:
        case E::ISO8601ColonSecondsTZ:
        case E::NumTZ:
        case E::NumSecondsTZ:
        case E::NumShortTZ:
        case E::NumColonTZ:
        case E::NumColonSecondsTZ:
            ok = GoTimeScanner::takeNumericZone(value, token.element, f.zoneOffset);
            break;
        case E::TZ: {
            // Go keeps the wall clock for abbreviations it cannot resolve (anything but UTC here), so the
            // zone never moves the instant.
            const qsizetype n = value.startsWith(u"UTC") ? 3 : GoTimeScanner::timeZoneLength(value);
            ok = n > 0;
            value = value.mid(n);
            break;
        }
        case E::FracSecond0: {
            const qsizetype n = 1 + token.fractionDigits;
            ok = value.size() >= n && GoTimeScanner::fractionNanos(value, n, f.nanosecond, range);
            if (value.size() >= n)
                value = value.mid(n);
            break;
        }
        case E::FracSecond9: {
            if (value.size() < 2 || !GoTimeScanner::commaOrPeriod(value.front()) || !GoTimeScanner::digitAt(value, 1))
                break; // the fraction may be omitted
            qsizetype i = 0;
            while (i < 9 && GoTimeScanner::digitAt(value, i + 1))
                ++i;
            ok = GoTimeScanner::fractionNanos(value, 1 + i, f.nanosecond, range);
            value = value.mid(1 + i);
            break;
        }
        }
        if (!range.isEmpty())
            return fail(u": "_s + range + u" out of range"_s);
        if (!ok)
            return cannotParse(value, token.elementText); // Go reports what is left, not what it began with
    }
    if (!value.isEmpty())
        return fail(u": extra text: "_s + GoText::GoQuote::timeQuote(value.toString()));

    if (f.pmSet && f.hour < 12)
        f.hour += 12;
    else if (f.amSet && f.hour == 12)
        f.hour = 0;

    const bool leap = f.year % 4 == 0 && (f.year % 100 != 0 || f.year % 400 == 0);
    if (f.yday >= 0) {
        int m = 0;
        int d = 0;
        int yday = f.yday;
        if (leap) {
            if (yday == 31 + 29) {
                m = 2;
                d = 29;
            } else if (yday > 31 + 29) {
                --yday;
            }
        }
        if (yday < 1 || yday > 365)
            return fail(u": day-of-year out of range"_s);
        if (m == 0) {
            static constexpr int daysBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
            m = (yday - 1) / 31 + 1;
            if (daysBefore[m] < yday)
                ++m;
            d = yday - daysBefore[m - 1];
        }
        if (f.month >= 0 && f.month != m)
            return fail(u": day-of-year does not match month"_s);
        f.month = m;
        if (f.day >= 0 && f.day != d)
            return fail(u": day-of-year does not match day"_s);
        f.day = d;
    } else {
        if (f.month < 0)
            f.month = 1;
        if (f.day < 0)
            f.day = 1;
    }
    if (f.day < 1 || f.day > GoTimeScanner::daysInMonth(f.month, f.year))
        return fail(u": day out of range"_s);

    // Go counts years astronomically; QDate has no year 0.
    const QDate date(f.year <= 0 ? f.year - 1 : f.year, f.month, f.day);
    const QTime time(f.hour, f.minute, f.second, f.nanosecond / (1000 * 1000));
    Parsed parsed;
    parsed.utc = QDateTime(date, time, Qt::UTC).addSecs(-f.zoneOffset);
    parsed.nanosecond = f.nanosecond;
    return parsed;
}

} // namespace Amo::Config
