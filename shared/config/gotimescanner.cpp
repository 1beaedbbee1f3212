// SPDX-License-Identifier: MIT
#include "shared/config/gotimescanner.h"

using namespace Qt::StringLiterals;

namespace Amo::Config {

using E = GoLayoutElement;

bool GoTimeScanner::digitAt(QStringView s, qsizetype i)
{
    return i < s.size() && s.at(i) >= u'0' && s.at(i) <= u'9';
}

bool GoTimeScanner::commaOrPeriod(QChar c)
{
    return c == u'.' || c == u',';
}

std::optional<qint64> GoTimeScanner::atoi(QStringView s)
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

std::optional<int> GoTimeScanner::takeNumber(QStringView &value, int maxDigits, bool fixed)
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

std::optional<int> GoTimeScanner::takeName(QStringView &value, const QStringList &names)
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

bool GoTimeScanner::skipLiteral(QStringView &value, QStringView literal)
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
qsizetype GoTimeScanner::signedOffsetLength(QStringView value)
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

qsizetype GoTimeScanner::timeZoneLength(QStringView value)
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

bool GoTimeScanner::fractionNanos(QStringView value, qsizetype length, int &nanosecond, QString &range)
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

int GoTimeScanner::daysInMonth(int month, int year)
{
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap ? 29 : days[month - 1];
}

// Numeric zone offsets: Go 1.19 does no range check on them ("+25:00" is accepted).
bool GoTimeScanner::takeNumericZone(QStringView &value, E element, int &offset)
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

} // namespace Amo::Config
