// SPDX-License-Identifier: MIT
// The padding and number/string formatting half of Go's fmt package.
#include "fmtwriter.h"

#include "gonumber.h"
#include "goquote.h"

namespace Amo::GoText {

namespace {
const char lowerDigits[] = "0123456789abcdefx";
const char upperDigits[] = "0123456789ABCDEFX";
} // namespace

void FmtWriter::writePadding(int n)
{
    if (n <= 0)
        return;
    m_buf.append(static_cast<std::size_t>(n), flags.zero ? '0' : ' ');
}

void FmtWriter::pad(const std::string &s)
{
    if (!flags.widPresent || wid == 0) {
        m_buf += s;
        return;
    }
    const int width = wid - static_cast<int>(GoQuote::runeCount(s));
    if (!flags.minus) {
        writePadding(width);
        m_buf += s;
    } else {
        m_buf += s;
        writePadding(width);
    }
}

void FmtWriter::fmtBoolean(bool v)
{
    pad(v ? "true" : "false");
}

void FmtWriter::fmtUnicode(std::uint64_t u)
{
    int precision = 4;
    if (flags.precPresent && prec > 4)
        precision = prec;
    std::string hex;
    std::uint64_t x = u;
    do {
        hex.insert(hex.begin(), upperDigits[x & 0xF]);
        x >>= 4;
    } while (x);
    while (static_cast<int>(hex.size()) < precision)
        hex.insert(hex.begin(), '0');
    std::string out = "U+" + hex;
    if (flags.sharp && u <= 0x10FFFF && GoQuote::isPrint(static_cast<char32_t>(u))) {
        out += " '";
        GoQuote::appendRune(out, static_cast<char32_t>(u));
        out += '\'';
    }
    const bool oldZero = flags.zero;
    flags.zero = false;
    pad(out);
    flags.zero = oldZero;
}

void FmtWriter::fmtInteger(std::uint64_t u, int base, bool isSigned, char32_t verb, bool upper)
{
    const char *digits = upper ? upperDigits : lowerDigits;
    const bool negative = isSigned && static_cast<std::int64_t>(u) < 0;
    if (negative)
        u = 0 - u;
    int precision = 0;
    if (flags.precPresent) {
        precision = prec;
        if (precision == 0 && u == 0) {
            const bool oldZero = flags.zero;
            flags.zero = false;
            writePadding(wid);
            flags.zero = oldZero;
            return;
        }
    } else if (flags.zero && flags.widPresent) {
        precision = wid;
        if (negative || flags.plus || flags.space)
            --precision; // leave room for the sign
    }
    std::string num;
    const auto ubase = static_cast<std::uint64_t>(base);
    while (u >= ubase) {
        num.insert(num.begin(), digits[u % ubase]);
        u /= ubase;
    }
    num.insert(num.begin(), digits[u]);
    // One insert: a precision of millions zero by zero would be quadratic.
    if (static_cast<int>(num.size()) < precision)
        num.insert(0, static_cast<std::size_t>(precision) - num.size(), '0');
    if (flags.sharp) {
        if (base == 2)
            num.insert(0, "0b");
        else if (base == 8 && num[0] != '0')
            num.insert(num.begin(), '0');
        else if (base == 16)
            num.insert(0, std::string("0") + digits[16]);
    }
    if (verb == 'O')
        num.insert(0, "0o");
    if (negative)
        num.insert(num.begin(), '-');
    else if (flags.plus)
        num.insert(num.begin(), '+');
    else if (flags.space)
        num.insert(num.begin(), ' ');
    const bool oldZero = flags.zero;
    flags.zero = false;
    pad(num);
    flags.zero = oldZero;
}

std::string FmtWriter::truncateString(const std::string &s) const
{
    if (!flags.precPresent)
        return s;
    int n = prec;
    for (std::size_t i = 0; i < s.size();) {
        if (--n < 0)
            return s.substr(0, i);
        int w = 1;
        GoQuote::decodeRune(s, i, &w);
        i += w;
    }
    return s;
}

void FmtWriter::fmtS(const std::string &s)
{
    pad(truncateString(s));
}

void FmtWriter::fmtSx(const std::string &s, bool upper)
{
    const char *digits = upper ? upperDigits : lowerDigits;
    int length = static_cast<int>(s.size());
    if (flags.precPresent && prec < length)
        length = prec;
    int width = 2 * length;
    if (width > 0) {
        if (flags.space) {
            if (flags.sharp)
                width *= 2;
            width += length - 1;
        } else if (flags.sharp) {
            width += 2;
        }
    } else {
        if (flags.widPresent)
            writePadding(wid);
        return;
    }
    if (flags.widPresent && wid > width && !flags.minus)
        writePadding(wid - width);
    if (flags.sharp) {
        m_buf += '0';
        m_buf += digits[16];
    }
    for (int i = 0; i < length; ++i) {
        if (flags.space && i > 0) {
            m_buf += ' ';
            if (flags.sharp) {
                m_buf += '0';
                m_buf += digits[16];
            }
        }
        const auto c = static_cast<unsigned char>(s[static_cast<std::size_t>(i)]);
        m_buf += digits[c >> 4];
        m_buf += digits[c & 0xF];
    }
    if (flags.widPresent && wid > width && flags.minus)
        writePadding(wid - width);
}

void FmtWriter::fmtQ(const std::string &str)
{
    const std::string s = truncateString(str);
    if (flags.sharp && GoQuote::canBackquote(s)) {
        pad("`" + s + "`");
        return;
    }
    pad(GoQuote::quote(s, flags.plus));
}

void FmtWriter::fmtC(std::uint64_t c)
{
    const char32_t r = c > 0x10FFFF ? GoQuote::RuneError : static_cast<char32_t>(c);
    std::string out;
    GoQuote::appendRune(out, r);
    pad(out);
}

void FmtWriter::fmtQc(std::uint64_t c)
{
    const char32_t r = c > 0x10FFFF ? GoQuote::RuneError : static_cast<char32_t>(c);
    pad(GoQuote::quoteRune(r, flags.plus));
}

void FmtWriter::fmtFloat(double v, char32_t verb, int precision)
{
    if (flags.precPresent)
        precision = prec;
    std::string num = GoNumber::formatFloat(v, static_cast<char>(verb), precision);
    if (num[0] != '-' && num[0] != '+')
        num.insert(num.begin(), '+');
    if (flags.space && num[0] == '+' && !flags.plus)
        num[0] = ' ';
    if (num[1] == 'I' || num[1] == 'N') {
        const bool oldZero = flags.zero;
        flags.zero = false;
        if (num[1] == 'N' && !flags.space && !flags.plus)
            num.erase(0, 1);
        pad(num);
        flags.zero = oldZero;
        return;
    }
    if (flags.sharp) {
        int digits = 0;
        if (verb == 'v' || verb == 'g' || verb == 'G') {
            digits = precision;
            if (digits == -1)
                digits = 6;
        }
        std::string tail;
        bool hasDecimalPoint = false;
        bool sawNonzeroDigit = false;
        for (std::size_t i = 1; i < num.size(); ++i) {
            const char c = num[i];
            if (c == '.') {
                hasDecimalPoint = true;
            } else if (c == 'e' || c == 'E') {
                tail = num.substr(i);
                num.resize(i);
                break;
            } else {
                if (c != '0')
                    sawNonzeroDigit = true;
                if (sawNonzeroDigit)
                    --digits;
            }
        }
        if (!hasDecimalPoint) {
            if (num.size() == 2 && num[1] == '0')
                --digits;
            num += '.';
        }
        for (; digits > 0; --digits)
            num += '0';
        num += tail;
    }
    if (flags.plus || num[0] != '+') {
        if (flags.zero && flags.widPresent && wid > static_cast<int>(num.size())) {
            m_buf += num[0];
            writePadding(wid - static_cast<int>(num.size()));
            m_buf += num.substr(1);
            return;
        }
        pad(num);
        return;
    }
    pad(num.substr(1));
}

} // namespace Amo::GoText
