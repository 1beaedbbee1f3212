// SPDX-License-Identifier: MIT
// Go's comparison functions eq ne lt le gt ge, with Go's rules for mixed and non-basic kinds.
#include "builtins.h"

#include "printer.h"

namespace Amo::GoText {

namespace {
enum class BasicKind { Invalid, Bool, Complex, Int, Float, String, Uint };

BasicKind basicKind(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Bool:
        return BasicKind::Bool;
    case Value::Kind::Int:
        return BasicKind::Int;
    case Value::Kind::Uint:
        return BasicKind::Uint;
    case Value::Kind::Float:
        return BasicKind::Float;
    case Value::Kind::Complex:
        return BasicKind::Complex;
    case Value::Kind::String:
        return BasicKind::String;
    default:
        return BasicKind::Invalid;
    }
}

Value indirectInterface(const Value &v)
{
    return v.kind() == Value::Kind::Nil ? Value() : v;
}

bool comparable(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Map:
    case Value::Kind::Slice:
        return false;
    case Value::Kind::Struct:
        for (const auto &field : v.entries()) {
            if (!comparable(field.second))
                return false;
        }
        return true;
    default:
        return true;
    }
}

// Interface equality of two comparable values: same dynamic type and same contents.
bool identical(const Value &a, const Value &b)
{
    if (a.kind() != b.kind() || a.typeName() != b.typeName())
        return false;
    switch (a.kind()) {
    case Value::Kind::Invalid:
    case Value::Kind::Nil:
        return true;
    case Value::Kind::Bool:
        return a.toBool() == b.toBool();
    case Value::Kind::Int:
        return a.toInt() == b.toInt();
    case Value::Kind::Uint:
        return a.toUint() == b.toUint();
    case Value::Kind::Float:
        return a.toFloat() == b.toFloat();
    case Value::Kind::Complex:
        return a.toFloat() == b.toFloat() && a.imag() == b.imag();
    case Value::Kind::String:
        return a.bytes() == b.bytes();
    case Value::Kind::Struct:
        for (std::size_t i = 0; i < a.entries().size(); ++i) {
            if (!identical(a.entries()[i].second, b.entries()[i].second))
                return false;
        }
        return true;
    default:
        return false;
    }
}

std::string sv(const char *verb, const Value &v)
{
    return Printer::sprintf(verb, {v});
}
} // namespace

Value Builtins::eq(const std::vector<Value> &args)
{
    if (args.size() < 2)
        throw CallError {"missing argument for comparison"};
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (equal(args[0], args[i]))
            return Value::fromBool(true);
    }
    return Value::fromBool(false);
}

bool Builtins::equal(const Value &a1, const Value &a2)
{
    const Value arg1 = indirectInterface(a1);
    const Value arg = indirectInterface(a2);
    const BasicKind k1 = basicKind(arg1);
    const BasicKind k2 = basicKind(arg);
    if (k1 != k2) {
        if (k1 == BasicKind::Int && k2 == BasicKind::Uint)
            return arg1.toInt() >= 0 && static_cast<std::uint64_t>(arg1.toInt()) == arg.toUint();
        if (k1 == BasicKind::Uint && k2 == BasicKind::Int)
            return arg.toInt() >= 0 && arg1.toUint() == static_cast<std::uint64_t>(arg.toInt());
        if (arg1.isValid() && arg.isValid())
            throw CallError {"incompatible types for comparison"};
        return false;
    }
    switch (k1) {
    case BasicKind::Bool:
        return arg1.toBool() == arg.toBool();
    case BasicKind::Complex:
        return arg1.toFloat() == arg.toFloat() && arg1.imag() == arg.imag();
    case BasicKind::Float:
        return arg1.toFloat() == arg.toFloat();
    case BasicKind::Int:
        return arg1.toInt() == arg.toInt();
    case BasicKind::String:
        return arg1.bytes() == arg.bytes();
    case BasicKind::Uint:
        return arg1.toUint() == arg.toUint();
    case BasicKind::Invalid:
        break;
    }
    const bool canCompare = arg1.kind() == arg.kind() || !arg1.isValid() || !arg.isValid();
    if (!canCompare)
        throw CallError {"non-comparable types " + sv("%s", arg1) + ": " + arg1.typeName() + ", " + arg.typeName()
                         + ": " + sv("%v", arg)};
    if (!arg1.isValid() || !arg.isValid())
        return arg1.isValid() == arg.isValid();
    if (!comparable(arg))
        throw CallError {"non-comparable type " + sv("%s", arg) + ": " + arg.typeName()};
    return identical(arg1, arg);
}

bool Builtins::less(const Value &a1, const Value &a2)
{
    const Value arg1 = indirectInterface(a1);
    const BasicKind k1 = basicKind(arg1);
    if (k1 == BasicKind::Invalid)
        throw CallError {"invalid type for comparison"};
    const Value arg2 = indirectInterface(a2);
    const BasicKind k2 = basicKind(arg2);
    if (k2 == BasicKind::Invalid)
        throw CallError {"invalid type for comparison"};
    if (k1 != k2) {
        if (k1 == BasicKind::Int && k2 == BasicKind::Uint)
            return arg1.toInt() < 0 || static_cast<std::uint64_t>(arg1.toInt()) < arg2.toUint();
        if (k1 == BasicKind::Uint && k2 == BasicKind::Int)
            return arg2.toInt() >= 0 && arg1.toUint() < static_cast<std::uint64_t>(arg2.toInt());
        throw CallError {"incompatible types for comparison"};
    }
    switch (k1) {
    case BasicKind::Bool:
    case BasicKind::Complex:
        throw CallError {"invalid type for comparison"};
    case BasicKind::Float:
        return arg1.toFloat() < arg2.toFloat();
    case BasicKind::Int:
        return arg1.toInt() < arg2.toInt();
    case BasicKind::String:
        return arg1.bytes() < arg2.bytes();
    case BasicKind::Uint:
        return arg1.toUint() < arg2.toUint();
    case BasicKind::Invalid:
        break;
    }
    return false;
}

} // namespace Amo::GoText
