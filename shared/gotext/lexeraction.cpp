// SPDX-License-Identifier: MIT
// Lexer states inside an action: operators, identifiers, fields, quotes and numbers.
#include "goquote.h"
#include "lexer.h"
#include "printer.h"

namespace Amo::GoText {

namespace {
constexpr char32_t eofRune = 0xFFFFFFFF;

bool isSpaceRune(char32_t r)
{
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
}

bool isAlphaNumeric(char32_t r)
{
    return r == '_' || (r != eofRune && (GoQuote::isLetter(r) || GoQuote::isDigit(r)));
}

std::string sharpU(char32_t r)
{
    const std::uint64_t u = r == eofRune ? ~std::uint64_t(0) : r;
    return Printer::sprintf("%#U", {Value::fromUint(u, "uint64")});
}

Item::Type keyword(const std::string &word)
{
    static const std::pair<const char *, Item::Type> keys[] = {
        {".", Item::Dot},         {"block", Item::Block}, {"break", Item::Break},       {"continue", Item::Continue},
        {"define", Item::Define}, {"else", Item::Else},   {"end", Item::End},           {"if", Item::If},
        {"range", Item::Range},   {"nil", Item::Nil},     {"template", Item::Template}, {"with", Item::With},
    };
    for (const auto &[name, type] : keys) {
        if (word == name)
            return type;
    }
    return Item::Error;
}
} // namespace

Lexer::State Lexer::lexInsideAction()
{
    bool trim = false;
    if (atRightDelim(&trim)) {
        if (m_parenDepth == 0)
            return State::RightDelim;
        return errorf("unclosed left paren");
    }
    const char32_t r = next();
    if (r == eofRune)
        return errorf("unclosed action");
    if (isSpaceRune(r)) {
        backup(); // put the space back in case we have " -}}"
        return State::Space;
    }
    switch (r) {
    case '=':
        emitItem(Item::Assign);
        return State::InsideAction;
    case ':':
        if (next() != '=')
            return errorf("expected :=");
        emitItem(Item::Declare);
        return State::InsideAction;
    case '|':
        emitItem(Item::Pipe);
        return State::InsideAction;
    case '"':
        return lexQuote('"', Item::String, "unterminated quoted string");
    case '`':
        return lexRawQuote();
    case '$':
        if (atTerminator()) {
            emitItem(Item::Variable);
            return State::InsideAction;
        }
        return lexFieldOrVariable(Item::Variable);
    case '\'':
        return lexQuote('\'', Item::CharConstant, "unterminated character constant");
    case '(':
        emitItem(Item::LeftParen);
        ++m_parenDepth;
        return State::InsideAction;
    case ')':
        emitItem(Item::RightParen);
        --m_parenDepth;
        if (m_parenDepth < 0)
            return errorf("unexpected right paren " + sharpU(r));
        return State::InsideAction;
    default:
        break;
    }
    if (r == '.') {
        if (m_pos < m_input.size()) {
            const char c = m_input[m_pos];
            if (c < '0' || c > '9')
                return lexFieldOrVariable(Item::Field);
        }
    }
    if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
        backup();
        return lexNumber();
    }
    if (isAlphaNumeric(r)) {
        backup();
        return lexIdentifier();
    }
    if (r < 0x80 && GoQuote::isPrint(r)) {
        emitItem(Item::Char);
        return State::InsideAction;
    }
    return errorf("unrecognized character in action: " + sharpU(r));
}

Lexer::State Lexer::lexIdentifier()
{
    for (;;) {
        const char32_t r = next();
        if (isAlphaNumeric(r))
            continue;
        backup();
        const std::string word = m_input.substr(m_start, m_pos - m_start);
        if (!atTerminator())
            return errorf("bad character " + sharpU(r));
        const Item::Type key = keyword(word);
        if (key > Item::Keyword)
            emitItem(key);
        else if (word[0] == '.')
            emitItem(Item::Field);
        else if (word == "true" || word == "false")
            emitItem(Item::Bool);
        else
            emitItem(Item::Identifier);
        return State::InsideAction;
    }
}

Lexer::State Lexer::lexFieldOrVariable(Item::Type type)
{
    if (atTerminator()) { // nothing interesting follows: "." or "$"
        emitItem(type == Item::Variable ? Item::Variable : Item::Dot);
        return State::InsideAction;
    }
    char32_t r = 0;
    for (;;) {
        r = next();
        if (!isAlphaNumeric(r)) {
            backup();
            break;
        }
    }
    if (!atTerminator())
        return errorf("bad character " + sharpU(r));
    emitItem(type);
    return State::InsideAction;
}

Lexer::State Lexer::lexQuote(char32_t quote, Item::Type type, const char *error)
{
    for (;;) {
        char32_t r = next();
        if (r == '\\') {
            r = next();
            if (r != eofRune && r != '\n')
                continue;
        }
        if (r == eofRune || r == '\n')
            return errorf(error);
        if (r == quote)
            break;
    }
    emitItem(type);
    return State::InsideAction;
}

Lexer::State Lexer::lexRawQuote()
{
    for (;;) {
        const char32_t r = next();
        if (r == eofRune)
            return errorf("unterminated raw quoted string");
        if (r == '`')
            break;
    }
    emitItem(Item::RawString);
    return State::InsideAction;
}

Lexer::State Lexer::lexNumber()
{
    if (!scanNumber())
        return errorf("bad number syntax: " + GoQuote::quote(m_input.substr(m_start, m_pos - m_start)));
    const char32_t sign = peek();
    if (sign == '+' || sign == '-') {
        // Complex: 1+2i. No spaces, must end in 'i'.
        if (!scanNumber() || m_input[m_pos - 1] != 'i')
            return errorf("bad number syntax: " + GoQuote::quote(m_input.substr(m_start, m_pos - m_start)));
        emitItem(Item::Complex);
    } else {
        emitItem(Item::Number);
    }
    return State::InsideAction;
}

bool Lexer::scanNumber()
{
    accept("+-");
    const char *digits = "0123456789_";
    if (accept("0")) {
        if (accept("xX"))
            digits = "0123456789abcdefABCDEF_";
        else if (accept("oO"))
            digits = "01234567_";
        else if (accept("bB"))
            digits = "01_";
    }
    acceptRun(digits);
    if (accept("."))
        acceptRun(digits);
    const std::string d(digits);
    if (d.size() == 11 && accept("eE")) {
        accept("+-");
        acceptRun("0123456789_");
    }
    if (d.size() == 23 && accept("pP")) {
        accept("+-");
        acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
        next();
        return false;
    }
    return true;
}

} // namespace Amo::GoText
