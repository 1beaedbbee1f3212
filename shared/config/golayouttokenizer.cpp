// SPDX-License-Identifier: MIT
#include "shared/config/golayouttokenizer.h"

using namespace Qt::StringLiterals;

namespace Amo::Config {

namespace {

using E = GoLayoutElement;

struct Match
{
    Match() = default;
    Match(E e, qsizetype at, qsizetype len, int fractionDigits = 0, QChar sep = {})
        : element(e)
        , start(at)
        , length(len)
        , digits(fractionDigits)
        , separator(sep)
    {
    }

    E element = E::None;
    qsizetype start = 0; // where the element begins (after the literal)
    qsizetype length = 0;
    int digits = 0;
    QChar separator;
};

struct Candidate
{
    QStringView text;
    E element;
};

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

Match firstOf(QStringView rest, qsizetype i, std::initializer_list<Candidate> candidates)
{
    for (const Candidate &c : candidates) {
        if (rest.startsWith(c.text))
            return Match(c.element, i, c.text.size());
    }
    return {};
}

// Go's nextStdChunk for the element starting at i, or None.
Match matchAt(QStringView layout, qsizetype i)
{
    const QStringView rest = layout.mid(i);
    const auto at = [&](qsizetype k) {
        return k < layout.size() ? layout.at(k) : QChar();
    };
    // "Jan"/"Mon" followed by a lower-case letter are words such as "Janx", not elements.
    const auto lowerAfter = [&](qsizetype k) {
        return at(k) >= u'a' && at(k) <= u'z';
    };
    switch (layout.at(i).unicode()) {
    case u'J':
        if (rest.startsWith(u"January"))
            return {E::LongMonth, i, 7};
        if (rest.startsWith(u"Jan") && !lowerAfter(i + 3))
            return {E::Month, i, 3};
        break;
    case u'M':
        if (rest.startsWith(u"Monday"))
            return {E::LongWeekDay, i, 6};
        if (rest.startsWith(u"Mon") && !lowerAfter(i + 3))
            return {E::WeekDay, i, 3};
        if (rest.startsWith(u"MST"))
            return {E::TZ, i, 3};
        break;
    case u'0': {
        static constexpr E zeroElements[]
            = {E::ZeroMonth, E::ZeroDay, E::ZeroHour12, E::ZeroMinute, E::ZeroSecond, E::Year};
        const QChar next = at(i + 1);
        if (next >= u'1' && next <= u'6')
            return {zeroElements[next.unicode() - u'1'], i, 2};
        if (next == u'0' && at(i + 2) == u'2')
            return {E::ZeroYearDay, i, 3};
        break;
    }
    case u'1':
        return at(i + 1) == u'5' ? Match {E::Hour, i, 2} : Match {E::NumMonth, i, 1};
    case u'2':
        return rest.startsWith(u"2006") ? Match {E::LongYear, i, 4} : Match {E::Day, i, 1};
    case u'_':
        if (at(i + 1) == u'2') {
            // "_2006" is a literal '_' followed by the year.
            if (rest.mid(1).startsWith(u"2006"))
                return {E::LongYear, i + 1, 4};
            return {E::UnderDay, i, 2};
        }
        if (at(i + 1) == u'_' && at(i + 2) == u'2')
            return {E::UnderYearDay, i, 3};
        break;
    case u'3':
        return {E::Hour12, i, 1};
    case u'4':
        return {E::Minute, i, 1};
    case u'5':
        return {E::Second, i, 1};
    case u'P':
        if (at(i + 1) == u'M')
            return {E::UpperPM, i, 2};
        break;
    case u'p':
        if (at(i + 1) == u'm')
            return {E::LowerPM, i, 2};
        break;
    case u'-':
        return firstOf(rest, i,
                       {{u"-070000", E::NumSecondsTZ},
                        {u"-07:00:00", E::NumColonSecondsTZ},
                        {u"-0700", E::NumTZ},
                        {u"-07:00", E::NumColonTZ},
                        {u"-07", E::NumShortTZ}});
    case u'Z':
        return firstOf(rest, i,
                       {{u"Z070000", E::ISO8601SecondsTZ},
                        {u"Z07:00:00", E::ISO8601ColonSecondsTZ},
                        {u"Z0700", E::ISO8601TZ},
                        {u"Z07:00", E::ISO8601ColonTZ},
                        {u"Z07", E::ISO8601ShortTZ}});
    case u'.':
    case u',': {
        const QChar digit = at(i + 1);
        if (digit != u'0' && digit != u'9')
            break;
        qsizetype j = i + 1;
        while (j < layout.size() && layout.at(j) == digit)
            ++j;
        // Only a fraction if the run of digits ends here: ".01" is '.' followed by the month.
        if (isAsciiDigit(at(j)))
            break;
        const E element = digit == u'0' ? E::FracSecond0 : E::FracSecond9;
        return {element, i, j - i, int(j - i - 1), layout.at(i)};
    }
    default:
        break;
    }
    return {};
}

} // namespace

QList<GoLayoutToken> GoLayoutTokenizer::tokenize(QStringView layout)
{
    QList<GoLayoutToken> tokens;
    qsizetype literalStart = 0;
    qsizetype i = 0;
    while (i < layout.size()) {
        const Match m = matchAt(layout, i);
        if (m.element == E::None) {
            ++i;
            continue;
        }
        GoLayoutToken token;
        token.literal = layout.mid(literalStart, m.start - literalStart).toString();
        token.element = m.element;
        token.elementText = layout.mid(m.start, m.length).toString();
        token.fractionDigits = m.digits;
        token.fractionSeparator = m.separator;
        tokens.append(token);
        i = m.start + m.length;
        literalStart = i;
    }
    if (literalStart < layout.size() || tokens.isEmpty()) {
        GoLayoutToken tail;
        tail.literal = layout.mid(literalStart).toString();
        tokens.append(tail);
    }
    return tokens;
}

const QStringList &GoLayoutTokenizer::shortMonthNames()
{
    static const QStringList names {u"Jan"_s, u"Feb"_s, u"Mar"_s, u"Apr"_s, u"May"_s, u"Jun"_s,
                                    u"Jul"_s, u"Aug"_s, u"Sep"_s, u"Oct"_s, u"Nov"_s, u"Dec"_s};
    return names;
}

const QStringList &GoLayoutTokenizer::longMonthNames()
{
    static const QStringList names {u"January"_s,   u"February"_s, u"March"_s,    u"April"_s,
                                    u"May"_s,       u"June"_s,     u"July"_s,     u"August"_s,
                                    u"September"_s, u"October"_s,  u"November"_s, u"December"_s};
    return names;
}

const QStringList &GoLayoutTokenizer::shortDayNames()
{
    static const QStringList names {u"Sun"_s, u"Mon"_s, u"Tue"_s, u"Wed"_s, u"Thu"_s, u"Fri"_s, u"Sat"_s};
    return names;
}

const QStringList &GoLayoutTokenizer::longDayNames()
{
    static const QStringList names {u"Sunday"_s,   u"Monday"_s, u"Tuesday"_s, u"Wednesday"_s,
                                    u"Thursday"_s, u"Friday"_s, u"Saturday"_s};
    return names;
}

} // namespace Amo::Config
