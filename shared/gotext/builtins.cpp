// SPDX-License-Identifier: MIT
// Go's predefined template functions: the table, truth, index, slice, len and call.
#include "builtins.h"

#include "extrafunctions.h"
#include "printer.h"

namespace Amo::GoText {

namespace {
using P = Function::Param;

Value indirectInterface(const Value &v)
{
    return v.kind() == Value::Kind::Nil ? Value() : v;
}

std::string str(std::int64_t x)
{
    return std::to_string(x);
}

// Go's indexArg: an integer index in [0, cap].
std::int64_t indexArg(const Value &index, std::size_t cap)
{
    std::int64_t x = 0;
    if (index.kind() == Value::Kind::Int)
        x = index.toInt();
    else if (index.kind() == Value::Kind::Uint)
        x = static_cast<std::int64_t>(index.toUint());
    else if (!index.isValid())
        throw CallError {"cannot index slice/array with nil"};
    else
        throw CallError {"cannot index slice/array with type " + index.typeName()};
    if (x < 0 || static_cast<std::uint64_t>(x) > cap)
        throw CallError {"index out of range: " + str(x)};
    return x;
}

// print, println and printf: output past Printer::MaxBytes is an error, as a step past MaxSteps is.
Value bounded(std::string out, bool tooLarge)
{
    if (tooLarge)
        throw CallError {"output exceeds " + std::to_string(Printer::MaxBytes) + " bytes"};
    return Value::fromUtf8(std::move(out));
}
} // namespace

std::string Function::paramName(Param p)
{
    switch (p) {
    case Param::Any:
        return "interface {}";
    case Param::Reflect:
        return "reflect.Value";
    case Param::String:
        return "string";
    case Param::Int:
        return "int";
    }
    return {};
}

const std::map<std::string, Function> &Builtins::functions()
{
    static const std::map<std::string, Function> table = [] {
        std::map<std::string, Function> m;
        const auto boolResult = [](bool (*f)(const Value &, const Value &)) {
            return [f](const std::vector<Value> &a) {
                return Value::fromBool(f(a[0], a[1]));
            };
        };
        // and/or are evaluated lazily by the executor; the bodies are never called.
        m["and"] = {{P::Reflect, P::Reflect}, true, [](const std::vector<Value> &a) {
                        return a[0];
                    }};
        m["or"] = {{P::Reflect, P::Reflect}, true, [](const std::vector<Value> &a) {
                       return a[0];
                   }};
        m["not"] = {{P::Reflect}, false, [](const std::vector<Value> &a) {
                        return Value::fromBool(!isTrue(a[0]));
                    }};
        m["call"] = {{P::Reflect, P::Reflect}, true, &Builtins::call};
        m["index"] = {{P::Reflect, P::Reflect}, true, &Builtins::index};
        m["slice"] = {{P::Reflect, P::Reflect}, true, &Builtins::slice};
        m["len"] = {{P::Reflect}, false, &Builtins::length};
        m["print"] = {{P::Any}, true, [](const std::vector<Value> &a) {
                          bool tooLarge = false;
                          return bounded(Printer::sprint(a, &tooLarge), tooLarge);
                      }};
        m["println"] = {{P::Any}, true, [](const std::vector<Value> &a) {
                            bool tooLarge = false;
                            return bounded(Printer::sprintln(a, &tooLarge), tooLarge);
                        }};
        m["printf"] = {{P::String, P::Any}, true, [](const std::vector<Value> &a) {
                           bool tooLarge = false;
                           std::string out
                               = Printer::sprintf(a[0].bytes(), std::vector<Value>(a.begin() + 1, a.end()), &tooLarge);
                           return bounded(std::move(out), tooLarge);
                       }};
        m["html"] = {{P::Any}, true, [](const std::vector<Value> &a) {
                         return Value::fromUtf8(htmlEscape(evalArgs(a)));
                     }};
        m["js"] = {{P::Any}, true, [](const std::vector<Value> &a) {
                       return Value::fromUtf8(jsEscape(evalArgs(a)));
                   }};
        m["urlquery"] = {{P::Any}, true, [](const std::vector<Value> &a) {
                             return Value::fromUtf8(urlQueryEscape(evalArgs(a)));
                         }};
        m["eq"] = {{P::Reflect, P::Reflect}, true, &Builtins::eq};
        m["ne"] = {
            {P::Reflect, P::Reflect}, false, boolResult([](const Value &a, const Value &b) { return !equal(a, b); })};
        m["lt"] = {{P::Reflect, P::Reflect}, false, boolResult(&Builtins::less)};
        m["le"] = {{P::Reflect, P::Reflect}, false, boolResult([](const Value &a, const Value &b) {
                       return less(a, b) || equal(a, b);
                   })};
        m["gt"] = {{P::Reflect, P::Reflect}, false, boolResult([](const Value &a, const Value &b) {
                       return !(less(a, b) || equal(a, b));
                   })};
        m["ge"]
            = {{P::Reflect, P::Reflect}, false, boolResult([](const Value &a, const Value &b) { return !less(a, b); })};
        ExtraFunctions::addTo(m);
        return m;
    }();
    return table;
}

bool Builtins::isTrue(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Invalid:
    case Value::Kind::Nil:
        return false;
    case Value::Kind::Bool:
        return v.toBool();
    case Value::Kind::Int:
        return v.toInt() != 0;
    case Value::Kind::Uint:
        return v.toUint() != 0;
    case Value::Kind::Float:
        return v.toFloat() != 0;
    case Value::Kind::Complex:
        return v.toFloat() != 0 || v.imag() != 0;
    case Value::Kind::String:
    case Value::Kind::Map:
    case Value::Kind::Slice:
        return v.size() > 0;
    case Value::Kind::Struct:
        return true;
    }
    return false;
}

Value Builtins::index(const std::vector<Value> &args)
{
    Value item = indirectInterface(args[0]);
    if (!item.isValid())
        throw CallError {"index of untyped nil"};
    for (std::size_t k = 1; k < args.size(); ++k) {
        const Value index = indirectInterface(args[k]);
        if (item.kind() == Value::Kind::Nil)
            throw CallError {"index of nil pointer"};
        switch (item.kind()) {
        case Value::Kind::Slice:
        case Value::Kind::String: {
            const auto x = static_cast<std::size_t>(indexArg(index, item.size()));
            // reflect panics on index == len; Go reports the recovered panic text.
            if (x >= item.size())
                throw CallError {item.kind() == Value::Kind::String ? "reflect: string index out of range"
                                                                    : "reflect: slice index out of range"};
            if (item.kind() == Value::Kind::String)
                item = Value::fromUint(static_cast<unsigned char>(item.bytes()[x]), "uint8");
            else
                item = item.items()[x];
            break;
        }
        case Value::Kind::Map: {
            if (!index.isValid())
                throw CallError {"value is nil; should be of type string"};
            if (index.typeName() != "string")
                throw CallError {"value has type " + index.typeName() + "; should be string"};
            const Value *found = item.find(index.bytes());
            item = found ? *found : Value::zeroOf(item.elemType());
            break;
        }
        default:
            throw CallError {"can't index item of type " + item.typeName()};
        }
    }
    return item;
}

Value Builtins::slice(const std::vector<Value> &args)
{
    const Value item = indirectInterface(args[0]);
    if (!item.isValid())
        throw CallError {"slice of untyped nil"};
    const std::size_t nIndexes = args.size() - 1;
    if (nIndexes > 3)
        throw CallError {"too many slice indexes: " + std::to_string(nIndexes)};
    if (item.kind() == Value::Kind::String) {
        if (nIndexes == 3)
            throw CallError {"cannot 3-index slice a string"};
    } else if (item.kind() != Value::Kind::Slice) {
        throw CallError {"can't slice item of type " + item.typeName()};
    }
    const std::size_t cap = item.size();
    std::int64_t idx[3] = {0, static_cast<std::int64_t>(item.size()), 0};
    for (std::size_t k = 0; k < nIndexes; ++k)
        idx[k] = indexArg(args[k + 1], cap);
    if (idx[0] > idx[1])
        throw CallError {"invalid slice index: " + str(idx[0]) + " > " + str(idx[1])};
    if (nIndexes == 3 && idx[1] > idx[2])
        throw CallError {"invalid slice index: " + str(idx[1]) + " > " + str(idx[2])};
    const auto from = static_cast<std::size_t>(idx[0]);
    const auto to = static_cast<std::size_t>(idx[1]);
    if (item.kind() == Value::Kind::String)
        return Value::fromUtf8(item.bytes().substr(from, to - from));
    std::vector<Value> items(item.items().begin() + static_cast<std::ptrdiff_t>(from),
                             item.items().begin() + static_cast<std::ptrdiff_t>(to));
    return Value::fromItems(std::move(items), item.elemType());
}

Value Builtins::length(const std::vector<Value> &args)
{
    const Value &item = args[0];
    switch (item.kind()) {
    case Value::Kind::Nil:
        throw CallError {"len of nil pointer"};
    case Value::Kind::Invalid:
        // Go calls Type() on the zero reflect.Value, panics, and reports the recovered panic.
        throw CallError {"reflect: call of reflect.Value.Type on zero Value"};
    case Value::Kind::Map:
    case Value::Kind::Slice:
    case Value::Kind::String:
        return Value::fromInt(static_cast<std::int64_t>(item.size()));
    default:
        throw CallError {"len of type " + item.typeName()};
    }
}

Value Builtins::call(const std::vector<Value> &args)
{
    // Values never hold functions, so call can only fail, with Go's messages.
    const Value fn = indirectInterface(args[0]);
    if (!fn.isValid())
        throw CallError {"call of nil"};
    throw CallError {"non-function of type " + fn.typeName()};
}

} // namespace Amo::GoText
