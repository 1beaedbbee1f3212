// SPDX-License-Identifier: MIT
// Tokenizer for Go's text/template syntax.
#include "lexer.h"

#include "goquote.h"
#include "printer.h"

#include <cstring>

namespace Amo::GoText {

namespace {
constexpr char32_t eofRune = 0xFFFFFFFF;
const char leftDelim[] = "{{";
const char rightDelim[] = "}}";

bool isSpaceRune(char32_t r)
{
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
}

bool hasLeftTrimMarker(const std::string &s, std::size_t pos)
{
    return s.size() >= pos + 2 && s[pos] == '-' && isSpaceRune(static_cast<unsigned char>(s[pos + 1]));
}

bool hasRightTrimMarker(const std::string &s, std::size_t pos)
{
    return s.size() >= pos + 2 && isSpaceRune(static_cast<unsigned char>(s[pos])) && s[pos + 1] == '-';
}
} // namespace

std::string Item::describe() const
{
    if (type == Eof)
        return "EOF";
    if (type == Error)
        return val;
    if (type > Keyword)
        return "<" + val + ">";
    if (GoQuote::runeCount(val) > 10)
        return Printer::sprintf("%.10q...", {Value::fromUtf8(val)});
    return GoQuote::quote(val);
}

Lexer::Lexer(const std::string &input)
    : m_input(input)
{
}

std::vector<Item> Lexer::run()
{
    State state = State::Text;
    while (state != State::Done) {
        switch (state) {
        case State::Text:
            state = lexText();
            break;
        case State::LeftDelim:
            state = lexLeftDelim();
            break;
        case State::Comment:
            state = lexComment();
            break;
        case State::RightDelim:
            state = lexRightDelim();
            break;
        case State::InsideAction:
            state = lexInsideAction();
            break;
        case State::Space:
            state = lexSpace();
            break;
        case State::Done:
            break;
        }
    }
    return std::move(m_items);
}

char32_t Lexer::next()
{
    if (m_pos >= m_input.size()) {
        m_atEof = true;
        return eofRune;
    }
    int w = 1;
    const char32_t r = GoQuote::decodeRune(m_input, m_pos, &w);
    m_pos += static_cast<std::size_t>(w);
    if (r == '\n')
        ++m_line;
    return r;
}

char32_t Lexer::peek()
{
    const char32_t r = next();
    backup();
    return r;
}

void Lexer::backup()
{
    if (m_atEof || m_pos == 0)
        return;
    // Step back over one UTF-8 sequence, the way utf8.DecodeLastRuneInString does.
    std::size_t start = m_pos - 1;
    for (int k = 0; k < 3 && start > 0 && (static_cast<unsigned char>(m_input[start]) & 0xC0) == 0x80; ++k)
        --start;
    int w = 1;
    GoQuote::decodeRune(m_input, start, &w);
    if (start + static_cast<std::size_t>(w) != m_pos)
        start = m_pos - 1;
    if (m_input[start] == '\n')
        --m_line;
    m_pos = start;
}

void Lexer::emitItem(Item::Type type)
{
    m_items.push_back({type, static_cast<int>(m_start), m_input.substr(m_start, m_pos - m_start), m_startLine});
    m_start = m_pos;
    m_startLine = m_line;
}

void Lexer::ignore()
{
    for (std::size_t i = m_start; i < m_pos; ++i) {
        if (m_input[i] == '\n')
            ++m_line;
    }
    m_start = m_pos;
    m_startLine = m_line;
}

bool Lexer::accept(const char *valid)
{
    const char32_t r = next();
    if (r < 0x80 && r != 0 && std::strchr(valid, static_cast<int>(r)))
        return true;
    backup();
    return false;
}

void Lexer::acceptRun(const char *valid)
{
    for (;;) {
        const char32_t r = next();
        if (!(r < 0x80 && r != 0 && std::strchr(valid, static_cast<int>(r))))
            break;
    }
    backup();
}

Lexer::State Lexer::errorf(const std::string &message)
{
    m_items.push_back({Item::Error, static_cast<int>(m_start), message, m_startLine});
    return State::Done;
}

bool Lexer::hasPrefixAt(std::size_t pos, const char *prefix) const
{
    return pos <= m_input.size() && m_input.compare(pos, std::strlen(prefix), prefix) == 0;
}

bool Lexer::atRightDelim(bool *trimSpaces) const
{
    if (hasRightTrimMarker(m_input, m_pos) && hasPrefixAt(m_pos + 2, rightDelim)) {
        *trimSpaces = true;
        return true;
    }
    *trimSpaces = false;
    return hasPrefixAt(m_pos, rightDelim);
}

bool Lexer::atTerminator()
{
    const char32_t r = peek();
    if (isSpaceRune(r))
        return true;
    switch (r) {
    case eofRune:
    case '.':
    case ',':
    case '|':
    case ':':
    case ')':
    case '(':
        return true;
    default:
        return hasPrefixAt(m_pos, rightDelim);
    }
}

Lexer::State Lexer::lexText()
{
    const std::size_t x = m_input.find(leftDelim, m_pos);
    if (x != std::string::npos) {
        m_pos = x;
        std::size_t trimLength = 0;
        if (hasLeftTrimMarker(m_input, m_pos + 2)) {
            // Trim trailing spaces of the text before "{{- ".
            std::size_t k = m_pos;
            while (k > m_start && isSpaceRune(static_cast<unsigned char>(m_input[k - 1])))
                --k;
            trimLength = m_pos - k;
        }
        m_pos -= trimLength;
        if (m_pos > m_start) {
            for (std::size_t i = m_start; i < m_pos; ++i)
                m_line += m_input[i] == '\n' ? 1 : 0;
            emitItem(Item::Text);
        }
        m_pos += trimLength;
        ignore();
        return State::LeftDelim;
    }
    m_pos = m_input.size();
    if (m_pos > m_start) {
        for (std::size_t i = m_start; i < m_pos; ++i)
            m_line += m_input[i] == '\n' ? 1 : 0;
        emitItem(Item::Text);
    }
    emitItem(Item::Eof);
    return State::Done;
}

Lexer::State Lexer::lexLeftDelim()
{
    m_pos += 2;
    const bool trimSpace = hasLeftTrimMarker(m_input, m_pos);
    const std::size_t afterMarker = trimSpace ? 2 : 0;
    if (hasPrefixAt(m_pos + afterMarker, "/*")) {
        m_pos += afterMarker;
        ignore();
        return State::Comment;
    }
    emitItem(Item::LeftDelim);
    m_pos += afterMarker;
    ignore();
    m_parenDepth = 0;
    return State::InsideAction;
}

Lexer::State Lexer::lexComment()
{
    m_pos += 2;
    const std::size_t i = m_input.find("*/", m_pos);
    if (i == std::string::npos)
        return errorf("unclosed comment");
    m_pos = i + 2;
    bool trimSpace = false;
    if (!atRightDelim(&trimSpace))
        return errorf("comment ends before closing delimiter");
    if (trimSpace)
        m_pos += 2;
    m_pos += 2;
    if (trimSpace) {
        while (m_pos < m_input.size() && isSpaceRune(static_cast<unsigned char>(m_input[m_pos])))
            ++m_pos;
    }
    ignore();
    return State::Text;
}

Lexer::State Lexer::lexRightDelim()
{
    const bool trimSpace = hasRightTrimMarker(m_input, m_pos);
    if (trimSpace) {
        m_pos += 2;
        ignore();
    }
    m_pos += 2;
    emitItem(Item::RightDelim);
    if (trimSpace) {
        while (m_pos < m_input.size() && isSpaceRune(static_cast<unsigned char>(m_input[m_pos])))
            ++m_pos;
        ignore();
    }
    return State::Text;
}

Lexer::State Lexer::lexSpace()
{
    int numSpaces = 0;
    while (isSpaceRune(peek())) {
        next();
        ++numSpaces;
    }
    // Be careful about a trim-marked closing delimiter, which starts with a space.
    if (hasRightTrimMarker(m_input, m_pos - 1) && hasPrefixAt(m_pos + 1, rightDelim)) {
        backup();
        if (numSpaces == 1)
            return State::RightDelim;
    }
    emitItem(Item::Space);
    return State::InsideAction;
}

} // namespace Amo::GoText
