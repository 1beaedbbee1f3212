// SPDX-License-Identifier: MIT
// Go's UTF-8 decoding and strconv quoting rules on byte strings.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <optional>
#include <string>

namespace Amo::GoText {

/** Go's utf8 and strconv quoting helpers, on UTF-8 byte strings. */
class GoQuote
{
public:
    static constexpr char32_t RuneError = 0xFFFD;

    /** Decodes one rune at s[pos]; width receives the bytes used (1 with RuneError for bad input). */
    static char32_t decodeRune(const std::string &s, std::size_t pos, int *width);
    static void appendRune(std::string &out, char32_t r);
    static std::size_t runeCount(const std::string &s);
    static bool validUtf8(const std::string &s);

    /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static bool isPrint(char32_t r);
    static bool isLetter(char32_t r);
    static bool isDigit(char32_t r);
    static bool isSpace(char32_t r);

    /** strconv.Quote / QuoteToASCII. */
    static std::string quote(const std::string &s, bool asciiOnly = false);
    /** strconv.QuoteRune / QuoteRuneToASCII. */
    static std::string quoteRune(char32_t r, bool asciiOnly = false);
    static bool canBackquote(const std::string &s);
    /**
     * The time package's quote for its parse errors (not strconv.Quote): ASCII is kept, with `"` and
     * `\` escaped; every byte of a control or non-ASCII character becomes `\xNN`.
     */
    static QString timeQuote(const QByteArray &utf8);
    static QString timeQuote(const QString &text) { return timeQuote(text.toUtf8()); }
    /** strconv.Unquote; nullopt on "invalid syntax". */
    static std::optional<std::string> unquote(const std::string &s);
    /** strconv.UnquoteChar on s from pos; advances pos. */
    static bool unquoteChar(const std::string &s, std::size_t &pos, char quote, char32_t *value, bool *multibyte);

private:
    static void appendEscapedRune(std::string &out, char32_t r, int width, char quote, bool asciiOnly);
};

} // namespace Amo::GoText
