// SPDX-License-Identifier: MIT
// Recursive-descent parser for Go's text/template syntax: token buffer, trees and lists.
#include "parser.h"

#include "goquote.h"

namespace Amo::GoText {

Parser::Parser(Shared &shared, std::string name)
    : m_shared(shared)
    , m_name(std::move(name))
    , m_vars {"$"}
{
}

Parser::TreeSet Parser::parse(const std::string &name, const std::string &text, const std::set<std::string> &functions)
{
    Shared shared;
    shared.parseName = name;
    shared.items = Lexer(text).run();
    shared.functions = functions;
    Parser top(shared, name);
    top.parseTop();
    top.add();
    return std::move(shared.trees);
}

Item Parser::nextItem()
{
    if (m_peekCount > 0) {
        --m_peekCount;
    } else if (m_shared.next < m_shared.items.size()) {
        m_token[0] = m_shared.items[m_shared.next++];
    } else {
        // Go's closed item channel yields the zero item.
        m_token[0] = Item {Item::Error, 0, {}, 0};
    }
    return m_token[m_peekCount];
}

void Parser::backup2(const Item &t1)
{
    m_token[1] = t1;
    m_peekCount = 2;
}

void Parser::backup3(const Item &t2, const Item &t1)
{
    m_token[1] = t1;
    m_token[2] = t2;
    m_peekCount = 3;
}

Item Parser::peek()
{
    if (m_peekCount > 0)
        return m_token[m_peekCount - 1];
    m_peekCount = 1;
    m_token[0] = m_shared.next < m_shared.items.size() ? m_shared.items[m_shared.next++] : Item {Item::Error, 0, {}, 0};
    return m_token[0];
}

Item Parser::nextNonSpace()
{
    Item token;
    do {
        token = nextItem();
    } while (token.type == Item::Space);
    return token;
}

Item Parser::peekNonSpace()
{
    const Item token = nextNonSpace();
    backup();
    return token;
}

void Parser::errorf(const std::string &message) const
{
    throw ParseFailure {"template: " + m_shared.parseName + ":" + std::to_string(m_token[0].line) + ": " + message};
}

Item Parser::expect(Item::Type expected, const std::string &context)
{
    const Item token = nextNonSpace();
    if (token.type != expected)
        unexpected(token, context);
    return token;
}

Item Parser::expectOneOf(Item::Type a, Item::Type b, const std::string &context)
{
    const Item token = nextNonSpace();
    if (token.type != a && token.type != b)
        unexpected(token, context);
    return token;
}

void Parser::unexpected(const Item &token, const std::string &context) const
{
    if (token.type == Item::Error) {
        std::string extra;
        if (m_actionLine != 0 && m_actionLine != token.line) {
            extra = " in action started at " + m_shared.parseName + ":" + std::to_string(m_actionLine);
            const std::string suffix = " action";
            if (token.val.size() >= suffix.size()
                && token.val.compare(token.val.size() - suffix.size(), suffix.size(), suffix) == 0)
                extra = extra.substr(std::string(" in action").size()); // avoid "action in action"
        }
        errorf(token.describe() + extra);
    }
    errorf("unexpected " + token.describe() + " in " + context);
}

void Parser::parseTop()
{
    m_root = std::make_unique<Node>(Node::Type::List, peek().pos);
    while (peek().type != Item::Eof) {
        if (peek().type == Item::LeftDelim) {
            const Item delim = nextItem();
            if (nextNonSpace().type == Item::Define) {
                Parser definition(m_shared, "definition"); // named once the name is known
                definition.parseDefinition();
                continue;
            }
            backup2(delim);
        }
        Node::Ptr n = textOrAction();
        if (n->type == Node::Type::End || n->type == Node::Type::Else)
            errorf("unexpected " + n->toString());
        m_root->nodes.push_back(std::move(n));
    }
}

void Parser::parseDefinition()
{
    const std::string context = "define clause";
    const Item name = expectOneOf(Item::String, Item::RawString, context);
    const auto unquoted = GoQuote::unquote(name.val);
    if (!unquoted)
        errorf("invalid syntax");
    m_name = *unquoted;
    expect(Item::RightDelim, context);
    Node::Ptr end;
    m_root = itemList(&end);
    if (end->type != Node::Type::End)
        errorf("unexpected " + end->toString() + " in " + context);
    add();
}

void Parser::add()
{
    auto it = m_shared.trees.find(m_name);
    if (it == m_shared.trees.end() || isEmptyTree(it->second.get())) {
        m_shared.trees[m_name] = std::move(m_root);
        return;
    }
    if (!isEmptyTree(m_root.get()))
        errorf("template: multiple definition of template " + GoQuote::quote(m_name));
}

bool Parser::isEmptyTree(const Node *n)
{
    if (!n)
        return true;
    switch (n->type) {
    case Node::Type::Comment:
        return true;
    case Node::Type::List:
        for (const auto &child : n->nodes) {
            if (!isEmptyTree(child.get()))
                return false;
        }
        return true;
    case Node::Type::Text:
        for (std::size_t i = 0; i < n->text.size();) {
            int w = 1;
            if (!GoQuote::isSpace(GoQuote::decodeRune(n->text, i, &w)))
                return false;
            i += w;
        }
        return true;
    default:
        return false;
    }
}

Node::Ptr Parser::itemList(Node::Ptr *end)
{
    // Nesting is bounded so a hostile template cannot exhaust the stack.
    if (++m_shared.depth > 1000)
        errorf("max expression depth exceeded");
    auto list = std::make_unique<Node>(Node::Type::List, peekNonSpace().pos);
    while (peekNonSpace().type != Item::Eof) {
        Node::Ptr n = textOrAction();
        if (n->type == Node::Type::End || n->type == Node::Type::Else) {
            *end = std::move(n);
            --m_shared.depth;
            return list;
        }
        list->nodes.push_back(std::move(n));
    }
    errorf("unexpected EOF");
}

Node::Ptr Parser::textOrAction()
{
    const Item token = nextNonSpace();
    switch (token.type) {
    case Item::Text: {
        auto n = std::make_unique<Node>(Node::Type::Text, token.pos);
        n->text = token.val;
        return n;
    }
    case Item::LeftDelim: {
        m_actionLine = token.line;
        Node::Ptr n = action();
        m_actionLine = 0;
        return n;
    }
    default:
        unexpected(token, "input");
    }
}

Node::Ptr Parser::action()
{
    const Item token = nextNonSpace();
    switch (token.type) {
    case Item::Block:
        return blockControl();
    case Item::Break:
        return breakOrContinue(token, Node::Type::Break, "break");
    case Item::Continue:
        return breakOrContinue(token, Node::Type::Continue, "continue");
    case Item::Else:
        return elseControl();
    case Item::End:
        return endControl();
    case Item::If:
        return parseControl(Node::Type::If, true, "if");
    case Item::Range:
        return parseControl(Node::Type::Range, false, "range");
    case Item::Template:
        return templateControl();
    case Item::With:
        return parseControl(Node::Type::With, false, "with");
    default:
        break;
    }
    backup();
    const Item first = peek();
    auto n = std::make_unique<Node>(Node::Type::Action, first.pos);
    n->line = first.line;
    n->pipe = pipeline("command", Item::RightDelim);
    return n;
}

Node::Ptr Parser::breakOrContinue(const Item &token, Node::Type type, const std::string &word)
{
    const Item next = nextNonSpace();
    if (next.type != Item::RightDelim)
        unexpected(next, "{{" + word + "}}");
    if (m_rangeDepth == 0)
        errorf("{{" + word + "}} outside {{range}}");
    auto n = std::make_unique<Node>(type, token.pos);
    n->line = token.line;
    return n;
}

} // namespace Amo::GoText
