// SPDX-License-Identifier: MIT
// Parser: pipelines, control structures and operands.
#include "parser.h"

#include "goquote.h"

namespace Amo::GoText {

namespace {
std::vector<std::string> split(const std::string &s)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = s.find('.', start);
        parts.push_back(s.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos)
            return parts;
        start = dot + 1;
    }
}
} // namespace

Node::Ptr Parser::newVariable(int pos, const std::string &name)
{
    auto n = std::make_unique<Node>(Node::Type::Variable, pos);
    n->ident = split(name);
    return n;
}

Node::Ptr Parser::newField(int pos, const std::string &name)
{
    auto n = std::make_unique<Node>(Node::Type::Field, pos);
    n->ident = split(name.substr(1)); // drop the leading period
    return n;
}

Node::Ptr Parser::pipeline(const std::string &context, Item::Type end)
{
    if (++m_shared.depth > 1000)
        errorf("max expression depth exceeded");
    const Item first = peekNonSpace();
    auto pipe = std::make_unique<Node>(Node::Type::Pipe, first.pos);
    pipe->line = first.line;
    for (;;) { // declarations: "$x :=", "$x =", "$k, $v :="
        const Item v = peekNonSpace();
        if (v.type != Item::Variable)
            break;
        nextItem();
        const Item tokenAfterVariable = peek();
        const Item next = peekNonSpace();
        if (next.type == Item::Assign || next.type == Item::Declare) {
            pipe->isAssign = next.type == Item::Assign;
            nextNonSpace();
            pipe->decl.push_back(newVariable(v.pos, v.val));
            m_vars.push_back(v.val);
        } else if (next.type == Item::Char && next.val == ",") {
            nextNonSpace();
            pipe->decl.push_back(newVariable(v.pos, v.val));
            m_vars.push_back(v.val);
            if (context == "range" && pipe->decl.size() < 2) {
                const Item::Type t = peekNonSpace().type;
                if (t == Item::Variable || t == Item::RightDelim || t == Item::RightParen)
                    continue;
                errorf("range can only initialize variables");
            }
            errorf("too many declarations in " + context);
        } else if (tokenAfterVariable.type == Item::Space) {
            backup3(v, tokenAfterVariable);
        } else {
            backup2(v);
        }
        break;
    }
    for (;;) {
        const Item token = nextNonSpace();
        if (token.type == end) {
            checkPipeline(*pipe, context);
            --m_shared.depth;
            return pipe;
        }
        switch (token.type) {
        case Item::Bool:
        case Item::CharConstant:
        case Item::Complex:
        case Item::Dot:
        case Item::Field:
        case Item::Identifier:
        case Item::Number:
        case Item::Nil:
        case Item::RawString:
        case Item::String:
        case Item::Variable:
        case Item::LeftParen:
            backup();
            pipe->nodes.push_back(command());
            break;
        default:
            unexpected(token, context);
        }
    }
}

void Parser::checkPipeline(const Node &pipe, const std::string &context) const
{
    if (pipe.nodes.empty())
        errorf("missing value for " + context);
    for (std::size_t i = 1; i < pipe.nodes.size(); ++i) {
        switch (pipe.nodes[i]->nodes[0]->type) {
        case Node::Type::Bool:
        case Node::Type::Dot:
        case Node::Type::Nil:
        case Node::Type::Number:
        case Node::Type::String:
            errorf("non executable command in pipeline stage " + std::to_string(i + 1));
        default:
            break;
        }
    }
}

Node::Ptr Parser::parseControl(Node::Type type, bool allowElseIf, const std::string &context)
{
    const std::size_t varsMark = m_vars.size();
    Node::Ptr pipe = pipeline(context, Item::RightDelim);
    if (type == Node::Type::Range)
        ++m_rangeDepth;
    Node::Ptr next;
    Node::Ptr list = itemList(&next);
    if (type == Node::Type::Range)
        --m_rangeDepth;
    Node::Ptr elseList;
    if (next->type == Node::Type::Else) {
        if (allowElseIf && peek().type == Item::If) {
            // "{{else if …}}" is sugar for "{{else}}{{if …}}…{{end}}".
            nextItem();
            elseList = std::make_unique<Node>(Node::Type::List, next->pos);
            elseList->nodes.push_back(parseControl(Node::Type::If, true, "if"));
        } else {
            elseList = itemList(&next);
            if (next->type != Node::Type::End)
                errorf("expected end; found " + next->toString());
        }
    }
    m_vars.resize(varsMark);
    auto n = std::make_unique<Node>(type, pipe->pos);
    n->line = pipe->line;
    n->pipe = std::move(pipe);
    n->list = std::move(list);
    n->elseList = std::move(elseList);
    return n;
}

Node::Ptr Parser::elseControl()
{
    const Item p = peekNonSpace();
    if (p.type == Item::If) { // "else if": leave the "if" for parseControl
        auto n = std::make_unique<Node>(Node::Type::Else, p.pos);
        n->line = p.line;
        return n;
    }
    const Item token = expect(Item::RightDelim, "else");
    auto n = std::make_unique<Node>(Node::Type::Else, token.pos);
    n->line = token.line;
    return n;
}

Node::Ptr Parser::endControl()
{
    return std::make_unique<Node>(Node::Type::End, expect(Item::RightDelim, "end").pos);
}

Node::Ptr Parser::blockControl()
{
    const std::string context = "block clause";
    const Item token = nextNonSpace();
    const std::string name = parseTemplateName(token, context);
    Node::Ptr pipe = pipeline(context, Item::RightDelim);

    Parser block(m_shared, name);
    Node::Ptr end;
    block.m_root = block.itemList(&end);
    if (end->type != Node::Type::End)
        errorf("unexpected " + end->toString() + " in " + context);
    block.add();

    auto n = std::make_unique<Node>(Node::Type::Template, token.pos);
    n->line = token.line;
    n->text = name;
    n->pipe = std::move(pipe);
    return n;
}

Node::Ptr Parser::templateControl()
{
    const std::string context = "template clause";
    const Item token = nextNonSpace();
    const std::string name = parseTemplateName(token, context);
    Node::Ptr pipe;
    if (nextNonSpace().type != Item::RightDelim) {
        backup();
        pipe = pipeline(context, Item::RightDelim);
    }
    auto n = std::make_unique<Node>(Node::Type::Template, token.pos);
    n->line = token.line;
    n->text = name;
    n->pipe = std::move(pipe);
    return n;
}

std::string Parser::parseTemplateName(const Item &token, const std::string &context) const
{
    if (token.type != Item::String && token.type != Item::RawString)
        unexpected(token, context);
    const auto name = GoQuote::unquote(token.val);
    if (!name)
        errorf("invalid syntax");
    return *name;
}

Node::Ptr Parser::command()
{
    auto cmd = std::make_unique<Node>(Node::Type::Command, peekNonSpace().pos);
    for (;;) {
        peekNonSpace(); // skip leading spaces
        if (Node::Ptr op = operand())
            cmd->nodes.push_back(std::move(op));
        const Item token = nextItem();
        if (token.type == Item::Space)
            continue;
        if (token.type == Item::RightDelim || token.type == Item::RightParen)
            backup();
        else if (token.type != Item::Pipe)
            unexpected(token, "operand");
        break;
    }
    if (cmd->nodes.empty())
        errorf("empty command");
    return cmd;
}

Node::Ptr Parser::operand()
{
    Node::Ptr node = term();
    if (!node || peek().type != Item::Field)
        return node;
    const int chainPos = peek().pos;
    auto chain = std::make_unique<Node>(Node::Type::Chain, chainPos);
    while (peek().type == Item::Field)
        chain->ident.push_back(nextItem().val.substr(1));
    switch (node->type) {
    case Node::Type::Field:
    case Node::Type::Variable: {
        std::string joined = node->toString();
        for (const auto &f : chain->ident)
            joined += "." + f;
        return node->type == Node::Type::Field ? newField(chainPos, joined) : newVariable(chainPos, joined);
    }
    case Node::Type::Bool:
    case Node::Type::String:
    case Node::Type::Number:
    case Node::Type::Nil:
    case Node::Type::Dot:
        errorf("unexpected . after term " + GoQuote::quote(node->toString()));
    default:
        chain->chainBase = std::move(node);
        return chain;
    }
}

Node::Ptr Parser::term()
{
    const Item token = nextNonSpace();
    switch (token.type) {
    case Item::Identifier: {
        if (!m_shared.functions.count(token.val))
            errorf("function " + GoQuote::quote(token.val) + " not defined");
        auto n = std::make_unique<Node>(Node::Type::Identifier, token.pos);
        n->text = token.val;
        return n;
    }
    case Item::Dot:
        return std::make_unique<Node>(Node::Type::Dot, token.pos);
    case Item::Nil:
        return std::make_unique<Node>(Node::Type::Nil, token.pos);
    case Item::Variable:
        return useVar(token.pos, token.val);
    case Item::Field:
        return newField(token.pos, token.val);
    case Item::Bool: {
        auto n = std::make_unique<Node>(Node::Type::Bool, token.pos);
        n->boolValue = token.val == "true";
        return n;
    }
    case Item::CharConstant:
    case Item::Complex:
    case Item::Number:
        return newNumber(token);
    case Item::LeftParen:
        return pipeline("parenthesized pipeline", Item::RightParen);
    case Item::String:
    case Item::RawString: {
        const auto s = GoQuote::unquote(token.val);
        if (!s)
            errorf("invalid syntax");
        auto n = std::make_unique<Node>(Node::Type::String, token.pos);
        n->quoted = token.val;
        n->text = *s;
        return n;
    }
    default:
        backup();
        return nullptr;
    }
}

Node::Ptr Parser::useVar(int pos, const std::string &name) const
{
    Node::Ptr v = newVariable(pos, name);
    for (const auto &known : m_vars) {
        if (known == v->ident[0])
            return v;
    }
    errorf("undefined variable " + GoQuote::quote(v->ident[0]));
}

} // namespace Amo::GoText
