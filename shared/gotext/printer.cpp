// SPDX-License-Identifier: MIT
// The argument-walking half of Go's fmt package: Sprintf, Sprint, Sprintln.
#include "printer.h"

#include "goquote.h"

namespace Amo::GoText {

bool Printer::parseNum(const std::string &s, std::size_t &i, int *num)
{
    bool found = false;
    *num = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (*num > 1000000) { // fmt's tooLarge guard skips the rest of the format
            i = s.size();
            *num = 0;
            return false;
        }
        *num = *num * 10 + (s[i] - '0');
        found = true;
        ++i;
    }
    return found;
}

bool Printer::isNilArg(const Value &v)
{
    return v.kind() == Value::Kind::Invalid || v.kind() == Value::Kind::Nil;
}

Printer::Printer()
    : m_fmt(m_buf)
{
}

bool Printer::overflowed()
{
    if (m_buf.size() > MaxBytes) {
        m_buf.resize(MaxBytes);
        m_overflow = true;
    }
    return m_overflow;
}

std::string Printer::result(bool *tooLarge)
{
    const bool over = overflowed();
    if (tooLarge)
        *tooLarge = over;
    return std::move(m_buf);
}

std::string Printer::sprintf(const std::string &format, const std::vector<Value> &args, bool *tooLarge)
{
    Printer p;
    p.doPrintf(format, args);
    return p.result(tooLarge);
}

std::string Printer::sprint(const std::vector<Value> &args, bool *tooLarge)
{
    Printer p;
    bool prevString = false;
    for (std::size_t i = 0; i < args.size() && !p.overflowed(); ++i) {
        const bool isString = args[i].kind() == Value::Kind::String;
        if (i > 0 && !isString && !prevString)
            p.m_buf += ' ';
        p.printArg(args[i], 'v');
        prevString = isString;
    }
    return p.result(tooLarge);
}

std::string Printer::sprintln(const std::vector<Value> &args, bool *tooLarge)
{
    Printer p;
    for (std::size_t i = 0; i < args.size() && !p.overflowed(); ++i) {
        if (i > 0)
            p.m_buf += ' ';
        p.printArg(args[i], 'v');
    }
    p.m_buf += '\n';
    return p.result(tooLarge);
}

void Printer::badVerb(char32_t verb, const Value *value)
{
    m_buf += "%!";
    GoQuote::appendRune(m_buf, verb);
    m_buf += '(';
    if (value && !isNilArg(*value)) {
        m_buf += value->typeName();
        m_buf += '=';
        printArg(*value, 'v');
    } else {
        m_buf += "<nil>";
    }
    m_buf += ')';
}

void Printer::fmt0x64(std::uint64_t v, bool leading0x)
{
    const bool sharp = m_fmt.flags.sharp;
    m_fmt.flags.sharp = leading0x;
    m_fmt.fmtInteger(v, 16, false, 'v', false);
    m_fmt.flags.sharp = sharp;
}

void Printer::fmtInteger(std::uint64_t v, bool isSigned, char32_t verb)
{
    switch (verb) {
    case 'v':
        if (m_fmt.flags.sharpV && !isSigned)
            fmt0x64(v, true);
        else
            m_fmt.fmtInteger(v, 10, isSigned, verb, false);
        break;
    case 'd':
        m_fmt.fmtInteger(v, 10, isSigned, verb, false);
        break;
    case 'b':
        m_fmt.fmtInteger(v, 2, isSigned, verb, false);
        break;
    case 'o':
    case 'O':
        m_fmt.fmtInteger(v, 8, isSigned, verb, false);
        break;
    case 'x':
        m_fmt.fmtInteger(v, 16, isSigned, verb, false);
        break;
    case 'X':
        m_fmt.fmtInteger(v, 16, isSigned, verb, true);
        break;
    case 'c':
        m_fmt.fmtC(v);
        break;
    case 'q':
        m_fmt.fmtQc(v);
        break;
    case 'U':
        m_fmt.fmtUnicode(v);
        break;
    default: {
        const Value value = isSigned ? Value::fromInt(static_cast<std::int64_t>(v)) : Value::fromUint(v);
        badVerb(verb, &value);
    }
    }
}

void Printer::fmtFloat(double v, char32_t verb)
{
    switch (verb) {
    case 'v':
        m_fmt.fmtFloat(v, 'g', -1);
        break;
    case 'g':
    case 'G':
        m_fmt.fmtFloat(v, verb, -1);
        break;
    case 'f':
    case 'e':
    case 'E':
        m_fmt.fmtFloat(v, verb, 6);
        break;
    case 'F':
        m_fmt.fmtFloat(v, 'f', 6);
        break;
    default: {
        const Value value = Value::fromFloat(v);
        badVerb(verb, &value);
    }
    }
}

void Printer::fmtComplex(double re, double im, char32_t verb)
{
    switch (verb) {
    case 'v':
    case 'g':
    case 'G':
    case 'f':
    case 'F':
    case 'e':
    case 'E': {
        const bool oldPlus = m_fmt.flags.plus;
        m_buf += '(';
        fmtFloat(re, verb);
        m_fmt.flags.plus = true;
        fmtFloat(im, verb);
        m_buf += "i)";
        m_fmt.flags.plus = oldPlus;
        break;
    }
    default: {
        const Value value = Value::fromComplex(re, im);
        badVerb(verb, &value);
    }
    }
}

void Printer::fmtString(const std::string &v, char32_t verb)
{
    switch (verb) {
    case 'v':
        if (m_fmt.flags.sharpV)
            m_fmt.fmtQ(v);
        else
            m_fmt.fmtS(v);
        break;
    case 's':
        m_fmt.fmtS(v);
        break;
    case 'x':
        m_fmt.fmtSx(v, false);
        break;
    case 'X':
        m_fmt.fmtSx(v, true);
        break;
    case 'q':
        m_fmt.fmtQ(v);
        break;
    default: {
        const Value value = Value::fromUtf8(v);
        badVerb(verb, &value);
    }
    }
}

void Printer::printArg(const Value &arg, char32_t verb)
{
    if (isNilArg(arg)) {
        if (verb == 'T' || verb == 'v')
            m_fmt.pad("<nil>");
        else
            badVerb(verb, nullptr);
        return;
    }
    if (verb == 'T') {
        m_fmt.fmtS(arg.typeName());
        return;
    }
    printValue(arg, verb, 0);
}

void Printer::printValue(const Value &value, char32_t verb, int depth)
{
    const bool sharpV = m_fmt.flags.sharpV;
    switch (value.kind()) {
    case Value::Kind::Invalid:
        if (depth == 0)
            m_buf += "<invalid reflect.Value>";
        else if (verb == 'v')
            m_buf += "<nil>";
        else
            badVerb(verb, nullptr);
        return;
    case Value::Kind::Nil:
        m_buf += sharpV ? value.typeName() + "(nil)" : std::string("<nil>");
        return;
    case Value::Kind::Bool:
        if (verb == 't' || verb == 'v')
            m_fmt.fmtBoolean(value.toBool());
        else
            badVerb(verb, &value);
        return;
    case Value::Kind::Int:
        fmtInteger(static_cast<std::uint64_t>(value.toInt()), true, verb);
        return;
    case Value::Kind::Uint:
        fmtInteger(value.toUint(), false, verb);
        return;
    case Value::Kind::Float:
        fmtFloat(value.toFloat(), verb);
        return;
    case Value::Kind::Complex:
        fmtComplex(value.toFloat(), value.imag(), verb);
        return;
    case Value::Kind::String:
        fmtString(value.bytes(), verb);
        return;
    case Value::Kind::Map: {
        m_buf += sharpV ? value.typeName() + "{" : std::string("map[");
        bool first = true;
        for (const auto &[key, elem] : value.entries()) {
            if (!first)
                m_buf += sharpV ? ", " : " ";
            first = false;
            printValue(Value::fromUtf8(key), verb, depth + 1);
            m_buf += ':';
            printValue(elem, verb, depth + 1);
        }
        m_buf += sharpV ? '}' : ']';
        return;
    }
    case Value::Kind::Struct: {
        if (sharpV)
            m_buf += value.typeName();
        m_buf += '{';
        bool first = true;
        for (const auto &[name, field] : value.entries()) {
            if (!first)
                m_buf += sharpV ? ", " : " ";
            first = false;
            if (m_fmt.flags.plusV || sharpV) {
                m_buf += name;
                m_buf += ':';
            }
            printValue(field, verb, depth + 1);
        }
        m_buf += '}';
        return;
    }
    case Value::Kind::Slice: {
        m_buf += sharpV ? value.typeName() + "{" : std::string("[");
        bool first = true;
        for (const Value &elem : value.items()) {
            if (!first)
                m_buf += sharpV ? ", " : " ";
            first = false;
            printValue(elem, verb, depth + 1);
        }
        m_buf += sharpV ? '}' : ']';
        return;
    }
    }
}

bool Printer::argNumber(int &argNum, const std::string &format, std::size_t &i, int numArgs)
{
    if (i >= format.size() || format[i] != '[')
        return false;
    m_reordered = true;
    // parseArgNumber: "[n]" with n one-based.
    std::size_t close = i + 1;
    while (close < format.size() && format[close] != ']')
        ++close;
    if (format.size() - i < 3 || close >= format.size()) {
        ++i;
        m_goodArgNum = false;
        return false;
    }
    std::size_t j = i + 1;
    int index = 0;
    const bool ok = parseNum(format, j, &index) && j == close;
    i = close + 1;
    if (ok && index - 1 >= 0 && index - 1 < numArgs) {
        argNum = index - 1;
        return true;
    }
    m_goodArgNum = false;
    return ok;
}

} // namespace Amo::GoText
