// SPDX-License-Identifier: MIT
// Executor: expressions (commands, fields, function calls, arguments) with Go's type checks and messages.
#include "builtins.h"
#include "executor.h"
#include "goquote.h"

#include <cmath>

namespace Amo::GoText {

namespace {
bool isExported(const std::string &name)
{
    int w = 1;
    const char32_t r = name.empty() ? 0 : GoQuote::decodeRune(name, 0, &w);
    return r != 0 && GoQuote::isLetter(r) && QChar::isUpper(r);
}
} // namespace

void Executor::notAFunction(const std::vector<Node::Ptr> &args, const Value *final)
{
    if (args.size() > 1 || final)
        errorf("can't give argument to non-function " + args[0]->toString());
}

Value Executor::evalCommand(const Value &dot, const Node *cmd, const Value *final)
{
    step();
    const NestingGuard guard(*this);
    const Node *firstWord = cmd->nodes[0].get();
    switch (firstWord->type) {
    case Node::Type::Field:
        return evalFieldNode(dot, firstWord, &cmd->nodes, final);
    case Node::Type::Chain:
        return evalChainNode(dot, firstWord, &cmd->nodes, final);
    case Node::Type::Identifier:
        return evalFunction(dot, firstWord, cmd, &cmd->nodes, final);
    case Node::Type::Pipe:
        // Parenthesized pipeline. The arguments are all inside the pipeline; final must be absent.
        notAFunction(cmd->nodes, final);
        return evalPipeline(dot, firstWord);
    case Node::Type::Variable:
        return evalVariableNode(dot, firstWord, &cmd->nodes, final);
    default:
        break;
    }
    at(firstWord);
    notAFunction(cmd->nodes, final);
    switch (firstWord->type) {
    case Node::Type::Bool:
        return Value::fromBool(firstWord->boolValue);
    case Node::Type::Dot:
        return dot;
    case Node::Type::Nil:
        errorf("nil is not a command");
    case Node::Type::Number:
        return idealConstant(firstWord);
    case Node::Type::String:
        return Value::fromUtf8(firstWord->text);
    default:
        errorf("can't evaluate command " + GoQuote::quote(firstWord->toString()));
    }
}

Value Executor::idealConstant(const Node *constant)
{
    // An untyped constant: float if it looks like one, else int; like Go's ideal constants.
    at(constant);
    const Node::Number &n = constant->number;
    const std::string &text = constant->text;
    const bool isHexInt = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')
        && text.find_first_of("pP") == std::string::npos;
    const bool isRuneInt = !text.empty() && text[0] == '\'';
    if (n.isComplex)
        return Value::fromComplex(n.re, n.im);
    if (n.isFloat && !isHexInt && !isRuneInt && text.find_first_of(".eEpP") != std::string::npos)
        return Value::fromFloat(n.f);
    if (n.isInt)
        return Value::fromInt(n.i);
    if (n.isUint)
        errorf(text + " overflows int");
    return {};
}

Value Executor::evalFieldNode(const Value &dot, const Node *field, const std::vector<Node::Ptr> *args,
                              const Value *final)
{
    at(field);
    return evalFieldChain(dot, dot, field, field->ident, args, final);
}

Value Executor::evalChainNode(const Value &dot, const Node *chain, const std::vector<Node::Ptr> *args,
                              const Value *final)
{
    at(chain);
    if (chain->ident.empty())
        errorf("internal error: no fields in evalChainNode");
    if (chain->chainBase->type == Node::Type::Nil)
        errorf("indirection through explicit nil in " + chain->toString());
    // (pipe).Field1.Field2 has pipe as .Node, fields as .Field. Eval the pipeline, then the fields.
    const Value pipe = evalArg(dot, Function::Param::Reflect, chain->chainBase.get());
    return evalFieldChain(dot, pipe, chain, chain->ident, args, final);
}

Value Executor::evalVariableNode(const Value &dot, const Node *variable, const std::vector<Node::Ptr> *args,
                                 const Value *final)
{
    at(variable);
    const Value value = varValue(variable->ident[0]);
    if (variable->ident.size() == 1) {
        if (args)
            notAFunction(*args, final);
        else if (final)
            errorf("can't give argument to non-function " + variable->toString());
        return value;
    }
    const std::vector<std::string> fields(variable->ident.begin() + 1, variable->ident.end());
    return evalFieldChain(dot, value, variable, fields, args, final);
}

Value Executor::evalFieldChain(const Value &dot, Value receiver, const Node *node,
                               const std::vector<std::string> &ident, const std::vector<Node::Ptr> *args,
                               const Value *final)
{
    Q_UNUSED(dot);
    Q_UNUSED(node);
    const std::size_t n = ident.size();
    for (std::size_t i = 0; i + 1 < n; ++i)
        receiver = evalField(ident[i], nullptr, nullptr, receiver);
    return evalField(ident[n - 1], args, final, receiver);
}

Value Executor::evalField(const std::string &fieldName, const std::vector<Node::Ptr> *args, const Value *final,
                          const Value &receiver)
{
    if (!receiver.isValid())
        return {}; // missingkey=default: a field of nothing is nothing
    if (receiver.kind() == Value::Kind::Nil)
        errorf("nil pointer evaluating " + receiver.typeName() + "." + fieldName);
    const bool hasArgs = (args && args->size() > 1) || final;
    if (receiver.kind() == Value::Kind::Struct) {
        for (const auto &[name, field] : receiver.entries()) {
            if (name != fieldName)
                continue;
            if (!isExported(name))
                errorf(fieldName + " is an unexported field of struct type " + receiver.typeName());
            if (hasArgs)
                errorf(fieldName + " has arguments but cannot be invoked as function");
            return field;
        }
    } else if (receiver.kind() == Value::Kind::Map) {
        if (hasArgs)
            errorf(fieldName + " is not a method but has arguments");
        const Value *found = receiver.find(fieldName);
        return found ? *found : Value();
    }
    errorf("can't evaluate field " + fieldName + " in type " + receiver.typeName());
}

Value Executor::evalFunction(const Value &dot, const Node *ident, const Node *cmd, const std::vector<Node::Ptr> *args,
                             const Value *final)
{
    at(ident);
    const std::string &name = ident->text;
    auto it = m_functions.find(name);
    if (it == m_functions.end())
        errorf(GoQuote::quote(name) + " is not a defined function");
    return evalCall(dot, it->second, cmd, name, args, final);
}

Value Executor::evalCall(const Value &dot, const Function &fn, const Node *node, const std::string &name,
                         const std::vector<Node::Ptr> *argsWithName, const Value *final)
{
    std::vector<const Node *> args;
    if (argsWithName) {
        for (std::size_t i = 1; i < argsWithName->size(); ++i) // zeroth arg is the function name
            args.push_back((*argsWithName)[i].get());
    }
    const int numParams = static_cast<int>(fn.params.size());
    const int numIn = static_cast<int>(args.size()) + (final ? 1 : 0);
    int numFixed = static_cast<int>(args.size());
    if (fn.variadic) {
        numFixed = numParams - 1;
        if (numIn < numFixed)
            errorf("wrong number of args for " + name + ": want at least " + std::to_string(numParams - 1) + " got "
                   + std::to_string(args.size()));
    } else if (numIn != numParams) {
        errorf("wrong number of args for " + name + ": want " + std::to_string(numParams) + " got "
               + std::to_string(numIn));
    }
    if (name == "and" || name == "or") {
        // Short-circuit: stop at the first argument that decides the result.
        Value v;
        for (const Node *arg : args) {
            v = evalArg(dot, Function::Param::Reflect, arg);
            if (Builtins::isTrue(v) == (name == "or"))
                return v;
        }
        if (final)
            v = validateType(*final, Function::Param::Reflect);
        return v;
    }
    std::vector<Value> argv;
    int i = 0;
    for (; i < numFixed && i < static_cast<int>(args.size()); ++i)
        argv.push_back(evalArg(dot, fn.params[static_cast<std::size_t>(i)], args[static_cast<std::size_t>(i)]));
    if (fn.variadic) {
        for (; i < static_cast<int>(args.size()); ++i)
            argv.push_back(evalArg(dot, fn.params.back(), args[static_cast<std::size_t>(i)]));
    }
    if (final) {
        Function::Param t = fn.params.back();
        if (fn.variadic && numIn - 1 < numFixed)
            t = fn.params[static_cast<std::size_t>(numIn - 1)];
        argv.push_back(validateType(*final, t));
    }
    try {
        return fn.body(argv);
    } catch (const CallError &e) {
        at(node);
        errorf("error calling " + name + ": " + e.message);
    }
}

Value Executor::validateType(const Value &value, Function::Param type)
{
    if (!value.isValid()) {
        switch (type) {
        case Function::Param::Any:
            return Value::nil();
        case Function::Param::Reflect:
            return value;
        default:
            errorf("invalid value; expected " + Function::paramName(type));
        }
    }
    const bool ok = type == Function::Param::Any || type == Function::Param::Reflect
        || (type == Function::Param::String && value.typeName() == "string")
        || (type == Function::Param::Int && value.typeName() == "int");
    if (!ok)
        errorf("wrong type for value; expected " + Function::paramName(type) + "; got " + value.typeName());
    return value;
}

Value Executor::evalArg(const Value &dot, Function::Param type, const Node *n)
{
    at(n);
    switch (n->type) {
    case Node::Type::Dot:
        return validateType(dot, type);
    case Node::Type::Nil:
        if (type == Function::Param::Any)
            return Value::nil();
        if (type == Function::Param::Reflect)
            return {};
        errorf("cannot assign nil to " + Function::paramName(type));
    case Node::Type::Field: {
        const std::vector<Node::Ptr> *noArgs = nullptr;
        return validateType(evalFieldNode(dot, n, noArgs, nullptr), type);
    }
    case Node::Type::Variable:
        return validateType(evalVariableNode(dot, n, nullptr, nullptr), type);
    case Node::Type::Pipe:
        return validateType(evalPipeline(dot, n), type);
    case Node::Type::Identifier:
        return validateType(evalFunction(dot, n, n, nullptr, nullptr), type);
    case Node::Type::Chain:
        return validateType(evalChainNode(dot, n, nullptr, nullptr), type);
    default:
        break;
    }
    switch (type) {
    case Function::Param::String:
        at(n);
        if (n->type == Node::Type::String)
            return Value::fromUtf8(n->text);
        errorf("expected string; found " + n->toString());
    case Function::Param::Int:
        at(n);
        if (n->type == Node::Type::Number && n->number.isInt)
            return Value::fromInt(n->number.i);
        errorf("expected integer; found " + n->toString());
    default:
        return evalEmptyInterface(dot, n);
    }
}

Value Executor::evalEmptyInterface(const Value &dot, const Node *n)
{
    at(n);
    switch (n->type) {
    case Node::Type::Bool:
        return Value::fromBool(n->boolValue);
    case Node::Type::Dot:
        return dot;
    case Node::Type::Number:
        return idealConstant(n);
    case Node::Type::String:
        return Value::fromUtf8(n->text);
    default:
        errorf("can't handle assignment of " + n->toString() + " to empty interface argument");
    }
}

} // namespace Amo::GoText
