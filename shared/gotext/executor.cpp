// SPDX-License-Identifier: MIT
// Tree-walking evaluator: statements (actions, if/with/range, template) and error reporting.
#include "executor.h"

#include "builtins.h"
#include "goquote.h"
#include "printer.h"

namespace Amo::GoText {

Executor::Executor(const Parser::TreeSet &trees, const std::string &parseName, const std::string &text,
                   const std::map<std::string, Function> &functions, std::string &out)
    : m_trees(trees)
    , m_parseName(parseName)
    , m_text(text)
    , m_functions(functions)
    , m_out(out)
{
}

void Executor::execute(const std::string &name, const Value &data)
{
    m_tmplName = name;
    m_vars = {{"$", data}};
    auto it = m_trees.find(name);
    if (it == m_trees.end() || !it->second)
        errorf(GoQuote::quote(name) + " is an incomplete or empty template");
    walk(data, it->second.get());
}

void Executor::errorf(const std::string &message) const
{
    if (!m_node)
        throw ExecFailure {"template: " + m_tmplName + ": " + message};
    // Go's Tree.ErrorContext: line and byte column of the node within the template text.
    const auto pos = static_cast<std::size_t>(m_node->pos);
    const std::string before = m_text.substr(0, pos);
    const std::size_t lastNewline = before.rfind('\n');
    const std::size_t byteNum = lastNewline == std::string::npos ? pos : pos - (lastNewline + 1);
    std::size_t lineNum = 1;
    for (char c : before)
        lineNum += c == '\n' ? 1 : 0;
    throw ExecFailure {"template: " + m_parseName + ":" + std::to_string(lineNum) + ":" + std::to_string(byteNum)
                       + ": executing " + GoQuote::quote(m_tmplName) + " at <" + m_node->toString() + ">: " + message};
}

void Executor::step()
{
    // Go has no such limit; it keeps hostile templates (exponential {{template}} fan-out) from hanging us.
    if (++m_steps > MaxSteps)
        errorf("exceeded maximum execution steps (" + std::to_string(MaxSteps) + ")");
}

void Executor::write(const std::string &text)
{
    if (m_out.size() + text.size() > MaxOutput)
        errorf("output exceeds maximum size (" + std::to_string(MaxOutput) + " bytes)");
    m_out += text;
}

Executor::NestingGuard::NestingGuard(Executor &e)
    : m_e(e)
{
    // Nested blocks inside recursive {{template}} calls multiply; bound the total so the stack cannot overflow.
    if (++m_e.m_nesting > MaxNesting) {
        --m_e.m_nesting;
        m_e.errorf("exceeded maximum nesting depth (" + std::to_string(MaxNesting) + ")");
    }
}

Value Executor::varValue(const std::string &name)
{
    for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it) {
        if (it->first == name)
            return it->second;
    }
    errorf("undefined variable: " + name);
}

void Executor::setVar(const std::string &name, const Value &value)
{
    for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it) {
        if (it->first == name) {
            it->second = value;
            return;
        }
    }
    errorf("undefined variable: " + name);
}

Executor::Flow Executor::walk(const Value &dot, const Node *node)
{
    at(node);
    step();
    const NestingGuard guard(*this);
    switch (node->type) {
    case Node::Type::Action: {
        const Value val = evalPipeline(dot, node->pipe.get());
        if (node->pipe->decl.empty())
            printValue(node, val);
        return Flow::Normal;
    }
    case Node::Type::Break:
        return Flow::Break;
    case Node::Type::Continue:
        return Flow::Continue;
    case Node::Type::Comment:
        return Flow::Normal;
    case Node::Type::If:
        return walkIfOrWith(false, dot, node);
    case Node::Type::With:
        return walkIfOrWith(true, dot, node);
    case Node::Type::List:
        for (const auto &child : node->nodes) {
            const Flow flow = walk(dot, child.get());
            if (flow != Flow::Normal)
                return flow;
        }
        return Flow::Normal;
    case Node::Type::Range:
        return walkRange(dot, node);
    case Node::Type::Template:
        walkTemplate(dot, node);
        return Flow::Normal;
    case Node::Type::Text:
        write(node->text);
        return Flow::Normal;
    default:
        errorf("unknown node: " + node->toString());
    }
}

Executor::Flow Executor::walkIfOrWith(bool isWith, const Value &dot, const Node *node)
{
    const std::size_t mark = m_vars.size();
    const Value val = evalPipeline(dot, node->pipe.get());
    const bool truth = Builtins::isTrue(val);
    Flow flow = Flow::Normal;
    if (truth)
        flow = walk(isWith ? val : dot, node->list.get());
    else if (node->elseList)
        flow = walk(dot, node->elseList.get());
    m_vars.resize(mark);
    return flow;
}

Executor::Flow Executor::rangeIteration(const Node *r, const Value &index, const Value &elem)
{
    const std::size_t mark = m_vars.size();
    const auto &decl = r->pipe->decl;
    // The range variables were pushed by evalPipeline; overwrite them for this iteration.
    if (!decl.empty())
        m_vars[m_vars.size() - 1].second = elem;
    if (decl.size() > 1)
        m_vars[m_vars.size() - 2].second = index;
    const Flow flow = walk(elem, r->list.get());
    m_vars.resize(mark);
    return flow;
}

Executor::Flow Executor::walkRange(const Value &dot, const Node *r)
{
    at(r);
    const std::size_t mark = m_vars.size();
    Value val = evalPipeline(dot, r->pipe.get());
    bool iterated = false;
    switch (val.kind()) {
    case Value::Kind::Slice: {
        const auto &items = val.items();
        for (std::size_t i = 0; i < items.size(); ++i) {
            iterated = true;
            if (rangeIteration(r, Value::fromInt(static_cast<std::int64_t>(i)), items[i]) == Flow::Break)
                break;
        }
        break;
    }
    case Value::Kind::Map:
        for (const auto &[key, elem] : val.entries()) {
            iterated = true;
            if (rangeIteration(r, Value::fromUtf8(key), elem) == Flow::Break)
                break;
        }
        break;
    case Value::Kind::Invalid:
        break; // an invalid value (nil map, missing key) acts like an empty map
    default:
        // Go 1.19 cannot range over integers (added in Go 1.22), strings or other scalars.
        errorf("range can't iterate over " + Printer::sprint({val}));
    }
    if (!iterated && r->elseList) {
        const Flow flow = walk(dot, r->elseList.get());
        m_vars.resize(mark);
        return flow;
    }
    m_vars.resize(mark);
    return Flow::Normal;
}

void Executor::walkTemplate(const Value &dot, const Node *t)
{
    at(t);
    auto it = m_trees.find(t->text);
    if (it == m_trees.end())
        errorf("template " + GoQuote::quote(t->text) + " not defined");
    if (m_depth == MaxTemplateDepth)
        errorf("exceeded maximum template depth (" + std::to_string(MaxTemplateDepth) + ")");
    const Value newDot = t->pipe ? evalPipeline(dot, t->pipe.get()) : Value();
    // Go runs the callee in a copy of the state: its own name, variables and depth.
    const std::string savedName = m_tmplName;
    auto savedVars = std::move(m_vars);
    m_tmplName = t->text;
    m_vars = {{"$", newDot}};
    ++m_depth;
    walk(newDot, it->second.get());
    --m_depth;
    m_tmplName = savedName;
    m_vars = std::move(savedVars);
    m_node = t;
}

void Executor::printValue(const Node *node, const Value &v)
{
    at(node);
    if (!v.isValid() || v.kind() == Value::Kind::Nil) {
        write("<no value>");
        return;
    }
    bool tooLarge = false;
    const std::string text = Printer::sprint({v}, &tooLarge);
    if (tooLarge)
        errorf("output exceeds maximum size (" + std::to_string(MaxOutput) + " bytes)");
    write(text);
}

Value Executor::evalPipeline(const Value &dot, const Node *pipe)
{
    if (!pipe)
        return {};
    at(pipe);
    Value value;
    bool first = true;
    for (const auto &cmd : pipe->nodes) {
        value = evalCommand(dot, cmd.get(), first ? nullptr : &value);
        first = false;
        // Go unwraps empty-interface results; a nil interface becomes "no value".
        if (value.kind() == Value::Kind::Nil && value.typeName() == "interface {}")
            value = Value();
    }
    for (const auto &variable : pipe->decl) {
        if (pipe->isAssign)
            setVar(variable->ident[0], value);
        else
            m_vars.emplace_back(variable->ident[0], value);
    }
    return value;
}

} // namespace Amo::GoText
