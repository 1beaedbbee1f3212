// SPDX-License-Identifier: MIT
// Go's strconv.Unquote and UnquoteChar on byte strings.
#include "goquote.h"

namespace Amo::GoText {

namespace {
int unhex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

bool GoQuote::unquoteChar(const std::string &s, std::size_t &pos, char quote, char32_t *value, bool *multibyte)
{
    *multibyte = false;
    if (pos >= s.size())
        return false;
    const char c = s[pos];
    if (c == quote && (quote == '\'' || quote == '"'))
        return false;
    if (static_cast<unsigned char>(c) >= 0x80) {
        int w = 1;
        *value = decodeRune(s, pos, &w);
        *multibyte = true;
        pos += w;
        return true;
    }
    if (c != '\\') {
        *value = static_cast<unsigned char>(c);
        ++pos;
        return true;
    }
    if (pos + 1 >= s.size())
        return false;
    const char e = s[pos + 1];
    pos += 2;
    switch (e) {
    case 'a':
        *value = '\a';
        return true;
    case 'b':
        *value = '\b';
        return true;
    case 'f':
        *value = '\f';
        return true;
    case 'n':
        *value = '\n';
        return true;
    case 'r':
        *value = '\r';
        return true;
    case 't':
        *value = '\t';
        return true;
    case 'v':
        *value = '\v';
        return true;
    case 'x':
    case 'u':
    case 'U': {
        const int n = e == 'x' ? 2 : (e == 'u' ? 4 : 8);
        if (s.size() - pos < static_cast<std::size_t>(n))
            return false;
        char32_t v = 0;
        for (int j = 0; j < n; ++j) {
            const int d = unhex(s[pos + j]);
            if (d < 0)
                return false;
            v = (v << 4) | static_cast<char32_t>(d);
        }
        pos += n;
        if (e != 'x') {
            if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
                return false;
            *multibyte = true;
        }
        *value = v;
        return true;
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
        char32_t v = static_cast<char32_t>(e - '0');
        if (s.size() - pos < 2)
            return false;
        for (int j = 0; j < 2; ++j) {
            const int d = s[pos + j] - '0';
            if (d < 0 || d > 7)
                return false;
            v = (v << 3) | static_cast<char32_t>(d);
        }
        pos += 2;
        if (v > 255)
            return false;
        *value = v;
        return true;
    }
    case '\\':
        *value = '\\';
        return true;
    case '\'':
    case '"':
        if (e != quote)
            return false;
        *value = static_cast<unsigned char>(e);
        return true;
    default:
        return false;
    }
}

std::optional<std::string> GoQuote::unquote(const std::string &s)
{
    if (s.size() < 2)
        return std::nullopt;
    const char q = s.front();
    if (q != s.back())
        return std::nullopt;
    const std::string body = s.substr(1, s.size() - 2);
    if (q == '`') {
        if (body.find('`') != std::string::npos)
            return std::nullopt;
        std::string out;
        for (char c : body) {
            if (c != '\r') // raw strings drop carriage returns
                out += c;
        }
        return out;
    }
    if (q != '"' && q != '\'')
        return std::nullopt;
    if (body.find('\n') != std::string::npos)
        return std::nullopt;
    if (body.find('\\') == std::string::npos && body.find(q) == std::string::npos) {
        if (q == '"' && validUtf8(body))
            return body;
    }
    std::string out;
    std::size_t pos = 0;
    int runes = 0;
    while (pos < body.size()) {
        char32_t v = 0;
        bool multibyte = false;
        if (!unquoteChar(body, pos, q, &v, &multibyte))
            return std::nullopt;
        ++runes;
        if (v < 0x80 || !multibyte) {
            if (v < 0x100 && !multibyte)
                out += static_cast<char>(v);
            else
                appendRune(out, v);
        } else {
            appendRune(out, v);
        }
        if (q == '\'' && runes > 1)
            return std::nullopt;
    }
    if (q == '\'' && runes != 1)
        return std::nullopt;
    return out;
}

} // namespace Amo::GoText
