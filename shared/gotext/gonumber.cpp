// SPDX-License-Identifier: MIT
// Go's strconv number parsing and float formatting.
#include "gonumber.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>

namespace Amo::GoText {

namespace {
constexpr int kMaxExactDigits = 800; // > 767, the most significant digits a double's exact value has
constexpr int kMaxFractionDigits = 1100; // > 1074, the fractional digits of the smallest subnormal

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

int digitValue(char c)
{
    const char l = lower(c);
    if (l >= '0' && l <= '9')
        return l - '0';
    if (l >= 'a' && l <= 'z')
        return l - 'a' + 10;
    return 99;
}
} // namespace

bool GoNumber::underscoreOK(const std::string &str)
{
    std::string s = str;
    char saw = '^';
    std::size_t i = 0;
    if (!s.empty() && (s[0] == '-' || s[0] == '+'))
        s = s.substr(1);
    bool hex = false;
    if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(s[1]) == 'x';
    }
    for (; i < s.size(); ++i) {
        if ((s[i] >= '0' && s[i] <= '9') || (hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f')) {
            saw = '0';
            continue;
        }
        if (s[i] == '_') {
            if (saw != '0')
                return false;
            saw = '_';
            continue;
        }
        if (saw == '_')
            return false;
        saw = '!';
    }
    return saw != '_';
}

GoNumber::ParseError GoNumber::parseUint(const std::string &s0, std::uint64_t *out)
{
    if (s0.empty())
        return ParseError::Syntax;
    std::string s = s0;
    unsigned base = 10;
    if (s[0] == '0') {
        if (s.size() >= 3 && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
            base = lower(s[1]) == 'b' ? 2 : (lower(s[1]) == 'o' ? 8 : 16);
            s = s.substr(2);
        } else {
            base = 8;
            s = s.substr(1);
        }
    }
    bool underscores = false;
    std::uint64_t n = 0;
    bool overflow = false;
    for (char c : s) {
        if (c == '_') {
            underscores = true;
            continue;
        }
        const int d = digitValue(c);
        if (d >= static_cast<int>(base))
            return ParseError::Syntax;
        if (n > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(d)) / base)
            overflow = true;
        n = n * base + static_cast<std::uint64_t>(d);
    }
    if (underscores && !underscoreOK(s0))
        return ParseError::Syntax;
    if (overflow)
        return ParseError::Range;
    *out = n;
    return ParseError::None;
}

GoNumber::ParseError GoNumber::parseInt(const std::string &s, std::int64_t *out)
{
    if (s.empty())
        return ParseError::Syntax;
    const bool neg = s[0] == '-';
    const std::string body = (s[0] == '-' || s[0] == '+') ? s.substr(1) : s;
    std::uint64_t u = 0;
    const ParseError e = parseUint(body, &u);
    if (e != ParseError::None)
        return e;
    const std::uint64_t cutoff = std::uint64_t(1) << 63;
    if (!neg && u >= cutoff)
        return ParseError::Range;
    if (neg && u > cutoff)
        return ParseError::Range;
    *out = neg ? static_cast<std::int64_t>(0 - u) : static_cast<std::int64_t>(u);
    return ParseError::None;
}

GoNumber::ParseError GoNumber::parseFloat(const std::string &s, double *out)
{
    std::size_t i = 0;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        ++i;
    }
    int base = 10;
    if (i + 2 <= s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
        base = 16;
        i += 2;
    }
    bool underscores = false;
    bool sawDigits = false;
    bool sawDot = false;
    std::string mant;
    int fracDigits = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '_') {
            underscores = true;
            continue;
        }
        if (c == '.') {
            if (sawDot)
                break;
            sawDot = true;
            continue;
        }
        if (digitValue(c) < base) {
            sawDigits = true;
            mant += c;
            if (sawDot)
                ++fracDigits;
            continue;
        }
        break;
    }
    if (!sawDigits)
        return ParseError::Syntax;
    long exp = 0;
    bool hasExp = false;
    if (i < s.size() && ((base == 10 && lower(s[i]) == 'e') || (base == 16 && lower(s[i]) == 'p'))) {
        hasExp = true;
        ++i;
        bool eneg = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            eneg = s[i] == '-';
            ++i;
        }
        bool expDigits = false;
        for (; i < s.size(); ++i) {
            if (s[i] == '_') {
                underscores = true;
                continue;
            }
            if (s[i] < '0' || s[i] > '9')
                break;
            expDigits = true;
            if (exp < 100000)
                exp = exp * 10 + (s[i] - '0');
        }
        if (!expDigits)
            return ParseError::Syntax;
        if (eneg)
            exp = -exp;
    }
    if (i != s.size())
        return ParseError::Syntax;
    if (base == 16 && !hasExp)
        return ParseError::Syntax;
    if (underscores && !underscoreOK(s))
        return ParseError::Syntax;
    double v = 0;
    if (base == 16) {
        long double m = 0;
        for (char c : mant)
            m = m * 16 + digitValue(c);
        v = static_cast<double>(std::ldexp(m, static_cast<int>(exp - 4L * fracDigits)));
    } else {
        std::string text = mant.substr(0, mant.size() - fracDigits);
        if (text.empty())
            text = "0";
        if (fracDigits > 0)
            text += "." + mant.substr(mant.size() - fracDigits);
        text += "e" + std::to_string(exp);
        auto res = std::from_chars(text.data(), text.data() + text.size(), v);
        if (res.ec == std::errc::result_out_of_range) {
            if (exp > 0)
                return ParseError::Range;
            v = 0;
        }
    }
    if (std::isinf(v))
        return ParseError::Range;
    *out = neg ? -v : v;
    return ParseError::None;
}

GoNumber::Digits GoNumber::decimalDigits(double absValue, int significant)
{
    Digits digs;
    if (absValue == 0)
        return digs;
    // A double's exact decimal expansion has at most 767 significant digits: asking for more only
    // adds zeros, which are stripped below, so any larger precision fits this buffer.
    significant = std::min(significant, kMaxExactDigits);
    std::array<char, kMaxExactDigits + 32> buf {};
    const std::to_chars_result res = significant < 0
        ? std::to_chars(buf.data(), buf.data() + buf.size(), absValue, std::chars_format::scientific)
        : std::to_chars(buf.data(), buf.data() + buf.size(), absValue, std::chars_format::scientific, significant - 1);
    if (res.ec != std::errc())
        return digs; // cannot happen with the buffer above; an empty result reads as zero
    const std::string_view text(buf.data(), std::size_t(res.ptr - buf.data()));
    const auto e = text.find('e');
    if (e == std::string_view::npos)
        return digs;
    for (std::size_t i = 0; i < e; ++i) {
        if (text[i] != '.')
            digs.d += text[i];
    }
    const std::size_t expStart = e + 1 + (text[e + 1] == '+' ? 1 : 0);
    int exponent = 0;
    std::from_chars(text.data() + expStart, text.data() + text.size(), exponent);
    digs.dp = exponent + 1;
    while (!digs.d.empty() && digs.d.back() == '0')
        digs.d.pop_back();
    return digs;
}

std::string GoNumber::fmtE(bool neg, const Digits &d, int prec, char fmt)
{
    std::string out = neg ? "-" : "";
    const int nd = static_cast<int>(d.d.size());
    out += nd ? d.d[0] : '0';
    if (prec > 0) {
        out += '.';
        int i = 1;
        const int m = std::min(nd, prec + 1);
        if (i < m) {
            out += d.d.substr(1, m - 1);
            i = m;
        }
        for (; i <= prec; ++i)
            out += '0';
    }
    out += fmt;
    int exp = nd == 0 ? 0 : d.dp - 1;
    out += exp < 0 ? '-' : '+';
    exp = std::abs(exp);
    if (exp < 10)
        out += '0';
    out += std::to_string(exp);
    return out;
}

std::string GoNumber::fmtF(bool neg, const Digits &d, int prec)
{
    std::string out = neg ? "-" : "";
    const int nd = static_cast<int>(d.d.size());
    if (d.dp > 0) {
        const int m = std::min(nd, d.dp);
        out += d.d.substr(0, m);
        for (int i = m; i < d.dp; ++i)
            out += '0';
    } else {
        out += '0';
    }
    if (prec > 0) {
        out += '.';
        for (int i = 0; i < prec; ++i) {
            const int j = d.dp + i;
            out += (j >= 0 && j < nd) ? d.d[j] : '0';
        }
    }
    return out;
}

std::string GoNumber::formatFloat(double v, char fmt, int prec)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    const bool neg = std::signbit(v);
    const double a = std::fabs(v);
    const bool shortest = prec < 0;
    if (fmt == 'f') {
        if (!shortest) {
            // Past 1,074 fractional digits (the smallest subnormal's) every digit is 0, so the
            // exact digits are formatted once and padded: any precision works without a big buffer.
            const int exact = std::min(prec, kMaxFractionDigits);
            std::array<char, kMaxFractionDigits + 400> buf {};
            const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), a, std::chars_format::fixed, exact);
            if (res.ec != std::errc())
                return neg ? "-NaN" : "NaN"; // cannot happen: 309 integer digits fit with room to spare
            std::string out = (neg ? "-" : "") + std::string(buf.data(), res.ptr);
            if (prec > exact)
                out.append(std::size_t(prec - exact), '0');
            return out;
        }
        const Digits d = decimalDigits(a, -1);
        return fmtF(neg, d, std::max(static_cast<int>(d.d.size()) - d.dp, 0));
    }
    Digits digs;
    if (shortest) {
        digs = decimalDigits(a, -1);
        const int nd = static_cast<int>(digs.d.size());
        prec = (fmt == 'e' || fmt == 'E') ? std::max(nd - 1, 0) : nd;
    } else if (fmt == 'e' || fmt == 'E') {
        digs = decimalDigits(a, prec + 1);
    } else {
        if (prec == 0)
            prec = 1;
        digs = decimalDigits(a, prec);
    }
    if (fmt == 'e' || fmt == 'E')
        return fmtE(neg, digs, prec, fmt);
    const int nd = static_cast<int>(digs.d.size());
    int eprec = prec;
    if (eprec > nd && nd >= digs.dp)
        eprec = nd;
    if (shortest)
        eprec = 6;
    const int exp = digs.dp - 1;
    if (exp < -4 || exp >= eprec) {
        if (prec > nd)
            prec = nd;
        return fmtE(neg, digs, prec - 1, fmt == 'g' ? 'e' : 'E');
    }
    if (prec > digs.dp)
        prec = nd;
    return fmtF(neg, digs, std::max(prec - digs.dp, 0));
}

} // namespace Amo::GoText
