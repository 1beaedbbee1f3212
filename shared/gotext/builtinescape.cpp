// SPDX-License-Identifier: MIT
// Go's escaping functions html, js and urlquery, and how they stringify their arguments.
#include "builtins.h"

#include "goquote.h"
#include "printer.h"

namespace Amo::GoText {

std::string Builtins::evalArgs(const std::vector<Value> &args)
{
    if (args.size() == 1 && args[0].kind() == Value::Kind::String)
        return args[0].bytes();
    // Go's printableValue turns a nil argument into the string "<no value>" before printing.
    std::vector<Value> printable;
    for (const Value &a : args) {
        if (!a.isValid() || a.kind() == Value::Kind::Nil)
            printable.push_back(Value::fromUtf8("<no value>"));
        else
            printable.push_back(a);
    }
    return Printer::sprint(printable);
}

std::string Builtins::htmlEscape(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '\0':
            out += "\xEF\xBF\xBD";
            break;
        case '"':
            out += "&#34;";
            break;
        case '\'':
            out += "&#39;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string Builtins::jsEscape(const std::string &s)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            int w = 1;
            const char32_t r = GoQuote::decodeRune(s, i, &w);
            if (GoQuote::isPrint(r)) {
                out.append(s, i, static_cast<std::size_t>(w));
            } else {
                out += Printer::sprintf("\\u%04X", {Value::fromInt(r, "int32")});
            }
            i += static_cast<std::size_t>(w) - 1;
            continue;
        }
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\'':
            out += "\\'";
            break;
        case '"':
            out += "\\\"";
            break;
        case '<':
            out += "\\u003C";
            break;
        case '>':
            out += "\\u003E";
            break;
        case '&':
            out += "\\u0026";
            break;
        case '=':
            out += "\\u003D";
            break;
        default:
            if (c < ' ') {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out;
}

std::string Builtins::urlQueryEscape(const std::string &s)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

} // namespace Amo::GoText
