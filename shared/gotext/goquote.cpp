// SPDX-License-Identifier: MIT
// Go's UTF-8 decoding and strconv quoting rules on byte strings.
#include "goquote.h"

#include <QChar>

namespace Amo::GoText {

namespace {
const char hexDigits[] = "0123456789abcdef";

} // namespace

QString GoQuote::timeQuote(const QByteArray &utf8)
{
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x80) {
            out.append("\\x");
            out.append(hexDigits[byte >> 4]);
            out.append(hexDigits[byte & 0xF]);
            continue;
        }
        if (c == '"' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    out.append('"');
    return QString::fromLatin1(out);
}

char32_t GoQuote::decodeRune(const std::string &s, std::size_t pos, int *width)
{
    const auto byteAt = [&](std::size_t i) {
        return static_cast<unsigned char>(s[i]);
    };
    const std::size_t n = s.size() - pos;
    const unsigned c0 = byteAt(pos);
    *width = 1;
    if (c0 < 0x80)
        return c0;
    int need = 0;
    char32_t r = 0;
    char32_t min = 0;
    if (c0 >= 0xC2 && c0 <= 0xDF) {
        need = 1;
        r = c0 & 0x1F;
        min = 0x80;
    } else if (c0 >= 0xE0 && c0 <= 0xEF) {
        need = 2;
        r = c0 & 0x0F;
        min = 0x800;
    } else if (c0 >= 0xF0 && c0 <= 0xF4) {
        need = 3;
        r = c0 & 0x07;
        min = 0x10000;
    } else {
        return RuneError;
    }
    if (n < static_cast<std::size_t>(need) + 1)
        return RuneError;
    for (int i = 1; i <= need; ++i) {
        const unsigned c = byteAt(pos + i);
        if ((c & 0xC0) != 0x80)
            return RuneError;
        r = (r << 6) | (c & 0x3F);
    }
    if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        return RuneError;
    *width = need + 1;
    return r;
}

void GoQuote::appendRune(std::string &out, char32_t r)
{
    if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        r = RuneError;
    if (r < 0x80) {
        out += static_cast<char>(r);
    } else if (r < 0x800) {
        out += static_cast<char>(0xC0 | (r >> 6));
        out += static_cast<char>(0x80 | (r & 0x3F));
    } else if (r < 0x10000) {
        out += static_cast<char>(0xE0 | (r >> 12));
        out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (r & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (r >> 18));
        out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (r & 0x3F));
    }
}

std::size_t GoQuote::runeCount(const std::string &s)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++count) {
        int w = 1;
        decodeRune(s, i, &w);
        i += w;
    }
    return count;
}

bool GoQuote::validUtf8(const std::string &s)
{
    for (std::size_t i = 0; i < s.size();) {
        int w = 1;
        if (decodeRune(s, i, &w) == RuneError && w == 1)
            return false;
        i += w;
    }
    return true;
}

bool GoQuote::isPrint(char32_t r)
{
    if (r == ' ')
        return true;
    if (r > 0x10FFFF)
        return false;
    switch (QChar::category(r)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
        return true;
    default:
        return false;
    }
}

bool GoQuote::isLetter(char32_t r)
{
    if (r < 0x80)
        return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
    return r <= 0x10FFFF && QChar::isLetter(r);
}

bool GoQuote::isDigit(char32_t r)
{
    if (r < 0x80)
        return r >= '0' && r <= '9';
    return r <= 0x10FFFF && QChar::category(r) == QChar::Number_DecimalDigit;
}

bool GoQuote::isSpace(char32_t r)
{
    // unicode.IsSpace
    switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
        return true;
    default:
        return r > 0xFF && r <= 0x10FFFF && QChar::isSpace(r);
    }
}

void GoQuote::appendEscapedRune(std::string &out, char32_t r, int width, char quote, bool asciiOnly)
{
    if (width == 1 && r == RuneError) {
        return; // handled by the caller, which knows the raw byte
    }
    if (r == static_cast<char32_t>(quote) || r == '\\') {
        out += '\\';
        out += static_cast<char>(r);
        return;
    }
    if (asciiOnly) {
        if (r < 0x80 && isPrint(r)) {
            out += static_cast<char>(r);
            return;
        }
    } else if (isPrint(r)) {
        appendRune(out, r);
        return;
    }
    switch (r) {
    case '\a':
        out += "\\a";
        return;
    case '\b':
        out += "\\b";
        return;
    case '\f':
        out += "\\f";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    case '\v':
        out += "\\v";
        return;
    default:
        break;
    }
    if (r < ' ' || r == 0x7F) {
        out += "\\x";
        out += hexDigits[(r >> 4) & 0xF];
        out += hexDigits[r & 0xF];
    } else if (r < 0x10000) {
        out += "\\u";
        for (int s = 12; s >= 0; s -= 4)
            out += hexDigits[(r >> s) & 0xF];
    } else {
        out += "\\U";
        for (int s = 28; s >= 0; s -= 4)
            out += hexDigits[(r >> s) & 0xF];
    }
}

std::string GoQuote::quote(const std::string &s, bool asciiOnly)
{
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        int w = 1;
        const char32_t r = decodeRune(s, i, &w);
        if (w == 1 && r == RuneError) {
            const auto b = static_cast<unsigned char>(s[i]);
            out += "\\x";
            out += hexDigits[b >> 4];
            out += hexDigits[b & 0xF];
        } else {
            appendEscapedRune(out, r, w, '"', asciiOnly);
        }
        i += w;
    }
    out += '"';
    return out;
}

std::string GoQuote::quoteRune(char32_t r, bool asciiOnly)
{
    if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        r = RuneError;
    std::string out = "'";
    appendEscapedRune(out, r, 2, '\'', asciiOnly);
    out += '\'';
    return out;
}

bool GoQuote::canBackquote(const std::string &s)
{
    for (std::size_t i = 0; i < s.size();) {
        int w = 1;
        const char32_t r = decodeRune(s, i, &w);
        i += w;
        if (w > 1) {
            if (r == 0xFEFF)
                return false;
            continue;
        }
        if (r == RuneError)
            return false;
        if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F)
            return false;
    }
    return true;
}

} // namespace Amo::GoText
