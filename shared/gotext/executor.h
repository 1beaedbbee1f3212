// SPDX-License-Identifier: MIT
// Tree-walking evaluator with Go's text/template execution semantics.
#pragma once

#include "function.h"
#include "node.h"
#include "parser.h"
#include "value.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace Amo::GoText {

/** Thrown on an execution error; message is Go's complete error text. */
struct ExecFailure
{
    std::string message;
};

/** Executes parsed trees against data, writing to out; throws ExecFailure. Bounded in depth and steps. */
class Executor
{
public:
    static constexpr int MaxTemplateDepth = 100;
    static constexpr long MaxSteps = 2000000;
    // Real templates nest a handful of levels; this bound keeps the C++ stack safe even in
    // sanitizer builds, whose frames are several times larger.
    static constexpr int MaxNesting = 2000;
    // Names and label values are short; this bound stops a fan-out of large values from using gigabytes.
    static constexpr std::size_t MaxOutput = std::size_t(1) << 20;

    Executor(const Parser::TreeSet &trees, const std::string &parseName, const std::string &text,
             const std::map<std::string, Function> &functions, std::string &out);
    void execute(const std::string &name, const Value &data);

private:
    enum class Flow { Normal, Break, Continue };

    [[noreturn]] void errorf(const std::string &message) const;
    void at(const Node *node) { m_node = node; }
    void step();
    /** Appends to the output; fails once it would pass MaxOutput. */
    void write(const std::string &text);
    /** Counts one level of C++ recursion for its lifetime; fails beyond MaxNesting. */
    class NestingGuard
    {
    public:
        explicit NestingGuard(Executor &e);
        ~NestingGuard() { --m_e.m_nesting; }
        NestingGuard(const NestingGuard &) = delete;
        NestingGuard &operator=(const NestingGuard &) = delete;

    private:
        Executor &m_e;
    };
    Value varValue(const std::string &name);
    void setVar(const std::string &name, const Value &value);

    Flow walk(const Value &dot, const Node *node);
    Flow walkIfOrWith(bool isWith, const Value &dot, const Node *node);
    Flow walkRange(const Value &dot, const Node *node);
    Flow rangeIteration(const Node *r, const Value &index, const Value &elem);
    void walkTemplate(const Value &dot, const Node *node);
    void printValue(const Node *node, const Value &v);

    Value evalPipeline(const Value &dot, const Node *pipe);
    Value evalCommand(const Value &dot, const Node *cmd, const Value *final);
    void notAFunction(const std::vector<Node::Ptr> &args, const Value *final);
    Value idealConstant(const Node *constant);
    Value evalFieldNode(const Value &dot, const Node *field, const std::vector<Node::Ptr> *args, const Value *final);
    Value evalChainNode(const Value &dot, const Node *chain, const std::vector<Node::Ptr> *args, const Value *final);
    Value evalVariableNode(const Value &dot, const Node *var, const std::vector<Node::Ptr> *args, const Value *final);
    Value evalFieldChain(const Value &dot, Value receiver, const Node *node, const std::vector<std::string> &ident,
                         const std::vector<Node::Ptr> *args, const Value *final);
    Value evalField(const std::string &fieldName, const std::vector<Node::Ptr> *args, const Value *final,
                    const Value &receiver);
    Value evalFunction(const Value &dot, const Node *ident, const Node *cmd, const std::vector<Node::Ptr> *args,
                       const Value *final);
    Value evalCall(const Value &dot, const Function &fn, const Node *node, const std::string &name,
                   const std::vector<Node::Ptr> *args, const Value *final);
    Value validateType(const Value &value, Function::Param type);
    Value evalArg(const Value &dot, Function::Param type, const Node *n);
    Value evalEmptyInterface(const Value &dot, const Node *n);

    const Parser::TreeSet &m_trees;
    std::string m_parseName;
    const std::string &m_text;
    const std::map<std::string, Function> &m_functions;
    std::string &m_out;
    std::string m_tmplName;
    const Node *m_node = nullptr;
    std::vector<std::pair<std::string, Value>> m_vars;
    int m_depth = 0;
    int m_nesting = 0;
    long m_steps = 0;
};

} // namespace Amo::GoText
