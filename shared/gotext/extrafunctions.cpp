// SPDX-License-Identifier: MIT
// Template functions that Go's text/template lacks, with sprig's names and semantics.
#include "extrafunctions.h"

#include "goquote.h"

#include <QChar>

namespace Amo::GoText {

namespace {
using P = Function::Param;

std::string mapRunes(const std::string &s, char32_t (*f)(char32_t))
{
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        int w = 1;
        const char32_t r = GoQuote::decodeRune(s, i, &w);
        GoQuote::appendRune(out, f(r)); // like strings.Map, invalid bytes become U+FFFD
        i += static_cast<std::size_t>(w);
    }
    return out;
}

char32_t toLower(char32_t r)
{
    return QChar::toLower(r);
}

char32_t toUpper(char32_t r)
{
    return QChar::toUpper(r);
}
} // namespace

void ExtraFunctions::addTo(std::map<std::string, Function> &functions)
{
    functions["lower"] = {{P::String}, false, [](const std::vector<Value> &a) {
                              return Value::fromUtf8(lower(a[0].bytes()));
                          }};
    functions["upper"] = {{P::String}, false, [](const std::vector<Value> &a) {
                              return Value::fromUtf8(upper(a[0].bytes()));
                          }};
    functions["trim"] = {{P::String}, false, [](const std::vector<Value> &a) {
                             return Value::fromUtf8(trimSpace(a[0].bytes()));
                         }};
    functions["replace"] = {{P::String, P::String, P::String}, false, [](const std::vector<Value> &a) {
                                if (replacedSize(a[2].bytes(), a[0].bytes(), a[1].bytes()) > MaxResultBytes)
                                    throw CallError {"result exceeds " + std::to_string(MaxResultBytes) + " bytes"};
                                return Value::fromUtf8(replaceAll(a[2].bytes(), a[0].bytes(), a[1].bytes()));
                            }};
    functions["trunc"] = {{P::Int, P::String}, false, [](const std::vector<Value> &a) {
                              return Value::fromUtf8(trunc(a[0].toInt(), a[1].bytes()));
                          }};
}

std::string ExtraFunctions::lower(const std::string &s)
{
    return mapRunes(s, &toLower);
}

std::string ExtraFunctions::upper(const std::string &s)
{
    return mapRunes(s, &toUpper);
}

std::string ExtraFunctions::trimSpace(const std::string &s)
{
    std::size_t begin = 0;
    while (begin < s.size()) {
        int w = 1;
        if (!GoQuote::isSpace(GoQuote::decodeRune(s, begin, &w)))
            break;
        begin += static_cast<std::size_t>(w);
    }
    std::size_t end = s.size();
    while (end > begin) {
        // Step back over one UTF-8 sequence.
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && end - start < 4)
            --start;
        int w = 1;
        const char32_t r = GoQuote::decodeRune(s, start, &w);
        if (start + static_cast<std::size_t>(w) != end || !GoQuote::isSpace(r))
            break;
        end = start;
    }
    return s.substr(begin, end - begin);
}

std::size_t ExtraFunctions::replacedSize(const std::string &s, const std::string &oldText, const std::string &newText)
{
    std::size_t hits = 0;
    if (oldText.empty()) {
        for (std::size_t i = 0; i < s.size(); ++hits) {
            int w = 1;
            GoQuote::decodeRune(s, i, &w);
            i += static_cast<std::size_t>(w);
        }
        ++hits; // and at the end
    } else {
        for (std::size_t pos = s.find(oldText); pos != std::string::npos; pos = s.find(oldText, pos + oldText.size()))
            ++hits;
    }
    return s.size() - hits * oldText.size() + hits * newText.size();
}

std::string ExtraFunctions::replaceAll(const std::string &s, const std::string &oldText, const std::string &newText)
{
    std::string out;
    if (oldText.empty()) {
        // Go inserts NEW before every rune and at the end.
        for (std::size_t i = 0; i < s.size();) {
            out += newText;
            int w = 1;
            GoQuote::decodeRune(s, i, &w);
            out.append(s, i, static_cast<std::size_t>(w));
            i += static_cast<std::size_t>(w);
        }
        out += newText;
        return out;
    }
    std::size_t pos = 0;
    for (;;) {
        const std::size_t hit = s.find(oldText, pos);
        if (hit == std::string::npos)
            break;
        out.append(s, pos, hit - pos);
        out += newText;
        pos = hit + oldText.size();
    }
    out.append(s, pos, std::string::npos);
    return out;
}

std::string ExtraFunctions::trunc(std::int64_t c, const std::string &s)
{
    const auto len = static_cast<std::int64_t>(s.size());
    if (c < 0 && len + c > 0)
        return s.substr(static_cast<std::size_t>(len + c));
    if (c >= 0 && len > c)
        return s.substr(0, static_cast<std::size_t>(c));
    return s;
}

} // namespace Amo::GoText
