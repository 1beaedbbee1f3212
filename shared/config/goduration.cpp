// SPDX-License-Identifier: MIT
#include "shared/config/goduration.h"

#include "shared/gotext/goquote.h"

#include <QByteArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amo::Config {

namespace {

constexpr quint64 kOverflowLimit = quint64(1) << 63;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads [0-9]* into an unsigned value; fails once the value could exceed 1<<63, as Go does.
bool leadingInt(const QByteArray &s, qsizetype &pos, quint64 &value)
{
    value = 0;
    for (; pos < s.size() && isDigit(s.at(pos)); ++pos) {
        if (value > kOverflowLimit / 10)
            return false;
        value = value * 10 + quint64(s.at(pos) - '0');
        if (value > kOverflowLimit)
            return false;
    }
    return true;
}

// Reads the digits after a '.'; on overflow Go stops gaining precision instead of failing.
void leadingFraction(const QByteArray &s, qsizetype &pos, quint64 &value, double &scale)
{
    value = 0;
    scale = 1;
    bool overflow = false;
    for (; pos < s.size() && isDigit(s.at(pos)); ++pos) {
        if (overflow)
            continue;
        if (value > (kOverflowLimit - 1) / 10) {
            overflow = true;
            continue;
        }
        const quint64 next = value * 10 + quint64(s.at(pos) - '0');
        if (next > kOverflowLimit) {
            overflow = true;
            continue;
        }
        value = next;
        scale *= 10;
    }
}

quint64 unitNanoseconds(const QByteArray &unit)
{
    if (unit == "ns")
        return 1;
    // "us", U+00B5 micro sign and U+03BC Greek mu are all accepted by Go.
    if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
        return 1000;
    if (unit == "ms")
        return 1000 * 1000;
    if (unit == "s")
        return 1000 * 1000 * 1000;
    if (unit == "m")
        return quint64(60) * 1000 * 1000 * 1000;
    if (unit == "h")
        return quint64(3600) * 1000 * 1000 * 1000;
    return 0;
}

// Writes the fraction of v (prec digits) without trailing zeros; returns v with the fraction removed.
quint64 appendFraction(QByteArray &reversed, quint64 v, int prec)
{
    bool print = false;
    for (int i = 0; i < prec; ++i) {
        const auto digit = char(v % 10);
        print = print || digit != 0;
        if (print)
            reversed.append(char('0' + digit));
        v /= 10;
    }
    if (print)
        reversed.append('.');
    return v;
}

void appendInt(QByteArray &reversed, quint64 v)
{
    if (v == 0) {
        reversed.append('0');
        return;
    }
    for (; v > 0; v /= 10)
        reversed.append(char('0' + v % 10));
}

} // namespace

QString GoDuration::toString() const
{
    // Built back to front like Go's implementation, then reversed.
    QByteArray r;
    const bool negative = m_ns < 0;
    quint64 u = negative ? quint64(0) - quint64(m_ns) : quint64(m_ns);
    if (u < 1000 * 1000 * 1000) {
        if (u == 0)
            return u"0s"_s;
        int prec = 0;
        r.append('s');
        if (u < 1000) {
            r.append('n');
        } else if (u < 1000 * 1000) {
            prec = 3;
            r.append("\xB5\xC2"); // "µ" reversed
        } else {
            prec = 6;
            r.append('m');
        }
        u = appendFraction(r, u, prec);
        appendInt(r, u);
    } else {
        r.append('s');
        u = appendFraction(r, u, 9);
        appendInt(r, u % 60);
        u /= 60;
        if (u > 0) {
            r.append('m');
            appendInt(r, u % 60);
            u /= 60;
            // Go stops at hours because days differ in length.
            if (u > 0) {
                r.append('h');
                appendInt(r, u);
            }
        }
    }
    if (negative)
        r.append('-');
    std::reverse(r.begin(), r.end());
    return QString::fromUtf8(r);
}

std::optional<GoDuration> GoDuration::parse(QStringView text, QString *error)
{
    const QByteArray s = text.toUtf8();
    const QString quoted = GoText::GoQuote::timeQuote(s);
    const auto fail = [&](const QString &message) -> std::optional<GoDuration> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto invalid = [&] {
        return fail(u"time: invalid duration "_s + quoted);
    };

    qsizetype pos = 0;
    bool negative = false;
    if (!s.isEmpty() && (s.at(0) == '-' || s.at(0) == '+')) {
        negative = s.at(0) == '-';
        ++pos;
    }
    if (s.size() - pos == 1 && s.at(pos) == '0')
        return GoDuration(0);
    if (pos == s.size())
        return invalid();

    quint64 total = 0;
    while (pos < s.size()) {
        if (!(s.at(pos) == '.' || isDigit(s.at(pos))))
            return invalid();
        const qsizetype intStart = pos;
        quint64 v = 0;
        if (!leadingInt(s, pos, v))
            return invalid();
        const bool pre = pos != intStart;

        quint64 f = 0;
        double scale = 1;
        bool post = false;
        if (pos < s.size() && s.at(pos) == '.') {
            ++pos;
            const qsizetype fracStart = pos;
            leadingFraction(s, pos, f, scale);
            post = pos != fracStart;
        }
        if (!pre && !post)
            return invalid();

        const qsizetype unitStart = pos;
        while (pos < s.size() && s.at(pos) != '.' && !isDigit(s.at(pos)))
            ++pos;
        if (pos == unitStart)
            return fail(u"time: missing unit in duration "_s + quoted);
        const QByteArray unitText = s.mid(unitStart, pos - unitStart);
        const quint64 unit = unitNanoseconds(unitText);
        if (unit == 0)
            return fail(u"time: unknown unit "_s + GoText::GoQuote::timeQuote(unitText) + u" in duration "_s + quoted);
        if (v > kOverflowLimit / unit)
            return invalid();
        v *= unit;
        if (f > 0) {
            // Go uses float64 here so fractions of an hour stay nanosecond-accurate; we copy its rounding.
            v += quint64(double(f) * (double(unit) / scale));
            if (v > kOverflowLimit)
                return invalid();
        }
        total += v;
        if (total > kOverflowLimit)
            return invalid();
    }
    if (negative)
        return GoDuration(qint64(quint64(0) - total));
    if (total > kOverflowLimit - 1)
        return invalid();
    return GoDuration(qint64(total));
}

} // namespace Amo::Config
