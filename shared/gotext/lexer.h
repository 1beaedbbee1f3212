// SPDX-License-Identifier: MIT
// Tokenizer for Go's text/template syntax.
#pragma once

#include <string>
#include <vector>

namespace Amo::GoText {

/** One token of a template, with its byte offset and line like Go's parse.item. */
struct Item
{
    enum Type {
        Error,
        Bool,
        Char,
        CharConstant,
        Comment,
        Complex,
        Assign,
        Declare,
        Eof,
        Field,
        Identifier,
        LeftDelim,
        LeftParen,
        Number,
        Pipe,
        RawString,
        RightDelim,
        RightParen,
        Space,
        String,
        Text,
        Variable,
        Keyword, // only delimits the keywords below
        Block,
        Break,
        Continue,
        Dot,
        Define,
        Else,
        End,
        If,
        Nil,
        Range,
        Template,
        With,
    };
    Type type = Eof;
    int pos = 0;
    std::string val;
    int line = 1;

    /** Go's item.String(), used in "unexpected …" parse errors. */
    std::string describe() const;
};

/** Go's text/template lexer with "{{" "}}" delimiters; runs to the first error or EOF. */
class Lexer
{
public:
    explicit Lexer(const std::string &input);
    /** All items up to and including the terminating Eof or Error item. */
    std::vector<Item> run();

private:
    enum class State { Text, LeftDelim, Comment, RightDelim, InsideAction, Space, Done };

    char32_t next();
    char32_t peek();
    void backup();
    void emitItem(Item::Type type);
    void ignore();
    bool accept(const char *valid);
    void acceptRun(const char *valid);
    State errorf(const std::string &message);
    bool atTerminator();
    bool atRightDelim(bool *trimSpaces) const;
    bool hasPrefixAt(std::size_t pos, const char *prefix) const;

    State lexText();
    State lexLeftDelim();
    State lexComment();
    State lexRightDelim();
    State lexInsideAction();
    State lexSpace();
    State lexIdentifier();
    State lexFieldOrVariable(Item::Type type);
    State lexQuote(char32_t quote, Item::Type type, const char *error);
    State lexRawQuote();
    State lexNumber();
    bool scanNumber();

    const std::string &m_input;
    std::vector<Item> m_items;
    std::size_t m_pos = 0;
    std::size_t m_start = 0;
    bool m_atEof = false;
    int m_parenDepth = 0;
    int m_line = 1;
    int m_startLine = 1;
    int m_lastWidth = 0;
};

} // namespace Amo::GoText
