// SPDX-License-Identifier: MIT
// GoTimeLayout::parse: Go's time.Parse with UTC as the default location.
#include "shared/config/gotimelayout.h"

#include "shared/config/golayouttokenizer.h"
#include "shared/config/goquote.h"

using namespace Qt::StringLiterals;

namespace Amo::Config {

namespace {

using E = GoLayoutElement;

bool digitAt(QStringView s, qsizetype i)
{
    return i < s.size() && s.at(i) >= u'0' && s.at(i) <= u'9';
}

bool commaOrPeriod(QChar c)
{
    return c == u'.' || c == u',';
}

// Go's atoi: optional sign, then digits only.
std::optional<qint64> atoi(QStringView s)
{
    bool negative = false;
    if (!s.isEmpty() && (s.front() == u'-' || s.front() == u'+')) {
        negative = s.front() == u'-';
        s = s.mid(1);
    }
    if (s.isEmpty() || s.size() > 18)
        return std::nullopt;
    qint64 v = 0;
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        v = v * 10 + (c.unicode() - u'0');
    }
    return negative ? -v : v;
}

// Go's getnum/getnum3: up to maxDigits digits; fixed demands all of them.
std::optional<int> takeNumber(QStringView &value, int maxDigits, bool fixed)
{
    if (!digitAt(value, 0))
        return std::nullopt;
    int n = 0;
    int v = 0;
    while (n < maxDigits && digitAt(value, n)) {
        v = v * 10 + (value.at(n).unicode() - u'0');
        ++n;
    }
    if (fixed && n != maxDigits)
        return std::nullopt;
    value = value.mid(n);
    return v;
}

// Go's lookup: ASCII case-insensitive prefix match against a name table.
std::optional<int> takeName(QStringView &value, const QStringList &names)
{
    for (int i = 0; i < names.size(); ++i) {
        const QString &name = names.at(i);
        if (value.size() >= name.size() && value.left(name.size()).compare(name, Qt::CaseInsensitive) == 0) {
            value = value.mid(name.size());
            return i;
        }
    }
    return std::nullopt;
}

// Go's skip: a run of spaces in the layout matches any run of spaces in the value.
bool skipLiteral(QStringView &value, QStringView literal)
{
    while (!literal.isEmpty()) {
        if (literal.front() == u' ') {
            if (!value.isEmpty() && value.front() != u' ')
                return false;
            while (!literal.isEmpty() && literal.front() == u' ')
                literal = literal.mid(1);
            while (!value.isEmpty() && value.front() == u' ')
                value = value.mid(1);
            continue;
        }
        if (value.isEmpty() || value.front() != literal.front())
            return false;
        literal = literal.mid(1);
        value = value.mid(1);
    }
    return true;
}

// "+07" style suffix of GMT or a bare numeric zone; returns the consumed length or 0.
qsizetype signedOffsetLength(QStringView value)
{
    if (value.isEmpty() || (value.front() != u'-' && value.front() != u'+'))
        return 0;
    qsizetype n = 1;
    qint64 hours = 0;
    while (digitAt(value, n) && hours <= 23)
        hours = hours * 10 + (value.at(n++).unicode() - u'0');
    if (n == 1 || hours > 23)
        return 0;
    return n;
}

// Go's parseTimeZone: how long the zone abbreviation at the start of value is, or 0.
qsizetype timeZoneLength(QStringView value)
{
    if (value.size() < 3)
        return 0;
    if (value.startsWith(u"ChST") || value.startsWith(u"MeST"))
        return 4;
    if (value.startsWith(u"GMT"))
        return 3 + signedOffsetLength(value.mid(3));
    if (value.front() == u'+' || value.front() == u'-')
        return signedOffsetLength(value);
    qsizetype upper = 0;
    while (upper < 6 && upper < value.size() && value.at(upper) >= u'A' && value.at(upper) <= u'Z')
        ++upper;
    switch (upper) {
    case 3:
        return 3;
    case 4:
        return value.at(3) == u'T' || value.startsWith(u"WITA") ? 4 : 0;
    case 5:
        return value.at(4) == u'T' ? 5 : 0;
    default:
        return 0;
    }
}

// Go's parseNanoseconds: the separator plus length-1 digits (at most 9 are used) as nanoseconds.
bool fractionNanos(QStringView value, qsizetype length, int &nanosecond, QString &range)
{
    if (value.isEmpty() || !commaOrPeriod(value.front()))
        return false;
    length = qMin<qsizetype>(length, 10);
    const auto ns = atoi(value.mid(1, length - 1));
    if (!ns)
        return false;
    if (*ns < 0) {
        range = u"fractional second"_s;
        return true;
    }
    qint64 v = *ns;
    for (qsizetype i = length; i < 10; ++i)
        v *= 10;
    nanosecond = int(v);
    return true;
}

int daysInMonth(int month, int year)
{
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap ? 29 : days[month - 1];
}

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

namespace {

// Numeric zone offsets: Go 1.19 does no range check on them ("+25:00" is accepted).
bool takeNumericZone(QStringView &value, E element, int &offset)
{
    // Where the hour, minute and second digit pairs sit after the sign.
    QList<qsizetype> pairs {1, 3};
    switch (element) {
    case E::ISO8601ColonTZ:
    case E::NumColonTZ:
        pairs = {1, 4};
        break;
    case E::ISO8601ShortTZ:
    case E::NumShortTZ:
        pairs = {1};
        break;
    case E::ISO8601ColonSecondsTZ:
    case E::NumColonSecondsTZ:
        pairs = {1, 4, 7};
        break;
    case E::ISO8601SecondsTZ:
    case E::NumSecondsTZ:
        pairs = {1, 3, 5};
        break;
    default:
        break;
    }
    const qsizetype length = pairs.last() + 2;
    if (value.size() < length)
        return false;
    // A gap between pairs is a colon.
    for (qsizetype i = 1; i < pairs.size(); ++i) {
        if (pairs.at(i) - pairs.at(i - 1) == 3 && value.at(pairs.at(i) - 1) != u':')
            return false;
    }
    // Like Go, the value is consumed once its shape fits, before the digits and sign are checked.
    const QStringView zone = value.left(length);
    value = value.mid(length);
    int parts[3] = {0, 0, 0};
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        const qsizetype at = pairs.at(i);
        if (!digitAt(zone, at) || !digitAt(zone, at + 1))
            return false;
        parts[i] = (zone.at(at).unicode() - u'0') * 10 + (zone.at(at + 1).unicode() - u'0');
    }
    const QChar sign = zone.front();
    if (sign != u'+' && sign != u'-')
        return false;
    offset = (parts[0] * 60 + parts[1]) * 60 + parts[2];
    if (sign == u'-')
        offset = -offset;
    return true;
}

} // namespace

std::optional<GoTimeLayout::Parsed> GoTimeLayout::parse(QStringView input, QString *error) const
{
    const QList<GoLayoutToken> tokens = GoLayoutTokenizer::tokenize(m_layout);
    const QString head = u"parsing time "_s + GoQuote::quote(input.toString());
    const auto fail = [&](const QString &message) -> std::optional<Parsed> {
        if (error)
            *error = head + message;
        return std::nullopt;
    };
    const auto cannotParse = [&](QStringView valueElem, const QString &layoutElem) {
        return fail(u" as "_s + GoQuote::quote(m_layout) + u": cannot parse "_s + GoQuote::quote(valueElem.toString())
                    + u" as "_s + GoQuote::quote(layoutElem));
    };

    Fields f;
    QStringView value = input;
    for (qsizetype t = 0; t < tokens.size(); ++t) {
        const GoLayoutToken &token = tokens.at(t);
        if (!skipLiteral(value, token.literal))
            return cannotParse(value, token.literal);
        if (token.element == E::None)
            break;
        QString range;
        bool ok = true;
        const auto number = [&](int digits, bool fixed, int &target) {
            const auto n = takeNumber(value, digits, fixed);
            ok = n.has_value();
            target = n.value_or(0);
        };
        switch (token.element) {
        case E::None:
            break;
        case E::LongYear: {
            if (value.size() < 4 || !digitAt(value, 0)) {
                ok = false;
                break;
            }
            // Go moves past the four characters before it converts them, so errors show the rest.
            const auto y = atoi(value.left(4));
            value = value.mid(4);
            ok = y.has_value();
            f.year = int(y.value_or(0));
            break;
        }
        case E::Year: {
            const auto y = value.size() >= 2 ? atoi(value.left(2)) : std::nullopt;
            ok = y.has_value();
            if (ok) {
                f.year = int(*y) + (*y >= 69 ? 1900 : 2000);
                value = value.mid(2);
            }
            break;
        }
        case E::Month:
        case E::LongMonth: {
            const auto m = takeName(value,
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
            ok = takeName(value,
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
            if (value.size() >= 2 && commaOrPeriod(value.front()) && digitAt(value, 1) && next != E::FracSecond0
                && next != E::FracSecond9) {
                qsizetype n = 2;
                while (digitAt(value, n))
                    ++n;
                ok = fractionNanos(value, n, f.nanosecond, range);
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
            ok = takeNumericZone(value, token.element, f.zoneOffset);
            break;
        case E::ISO8601SecondsTZ:
        case E::ISO8601ColonSecondsTZ:
        case E::NumTZ:
        case E::NumSecondsTZ:
        case E::NumShortTZ:
        case E::NumColonTZ:
        case E::NumColonSecondsTZ:
            ok = takeNumericZone(value, token.element, f.zoneOffset);
            break;
        case E::TZ: {
            // Go keeps the wall clock for abbreviations it cannot resolve (anything but UTC here), so the
            // zone never moves the instant.
            const qsizetype n = value.startsWith(u"UTC") ? 3 : timeZoneLength(value);
            ok = n > 0;
            value = value.mid(n);
            break;
        }
        case E::FracSecond0: {
            const qsizetype n = 1 + token.fractionDigits;
            ok = value.size() >= n && fractionNanos(value, n, f.nanosecond, range);
            if (value.size() >= n)
                value = value.mid(n);
            break;
        }
        case E::FracSecond9: {
            if (value.size() < 2 || !commaOrPeriod(value.front()) || !digitAt(value, 1))
                break; // the fraction may be omitted
            qsizetype i = 0;
            while (i < 9 && digitAt(value, i + 1))
                ++i;
            ok = fractionNanos(value, 1 + i, f.nanosecond, range);
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
        return fail(u": extra text: "_s + GoQuote::quote(value.toString()));

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
    if (f.day < 1 || f.day > daysInMonth(f.month, f.year))
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
