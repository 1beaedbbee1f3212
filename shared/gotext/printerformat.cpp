// SPDX-License-Identifier: MIT
// Printer::doPrintf: Go's format-string walker, including its error annotations.
#include "printer.h"

#include "goquote.h"

namespace Amo::GoText {

namespace {
// fmt's intFromArg: a width or precision taken from an argument ("*").
bool intFromArg(const std::vector<Value> &args, int &argNum, int *num)
{
    *num = 0;
    if (argNum >= static_cast<int>(args.size()))
        return false;
    const Value &v = args[static_cast<std::size_t>(argNum)];
    ++argNum;
    bool isInt = false;
    if (v.kind() == Value::Kind::Int) {
        *num = static_cast<int>(v.toInt());
        isInt = static_cast<std::int64_t>(*num) == v.toInt();
    } else if (v.kind() == Value::Kind::Uint) {
        if (v.toUint() <= 0x7FFFFFFF) {
            *num = static_cast<int>(v.toUint());
            isInt = true;
        }
    }
    if (*num > 1000000 || *num < -1000000) {
        *num = 0;
        isInt = false;
    }
    if (!isInt)
        *num = 0;
    return isInt;
}
} // namespace

void Printer::doPrintf(const std::string &format, const std::vector<Value> &args)
{
    const std::size_t end = format.size();
    const int numArgs = static_cast<int>(args.size());
    int argNum = 0;
    bool afterIndex = false;
    m_reordered = false;
    for (std::size_t i = 0; i < end;) {
        if (overflowed())
            return; // each verb adds at most about a million bytes, so the output stays bounded
        m_goodArgNum = true;
        const std::size_t lasti = i;
        while (i < end && format[i] != '%')
            ++i;
        if (i > lasti)
            m_buf.append(format, lasti, i - lasti);
        if (i >= end)
            break;
        ++i; // skip %
        m_fmt.clearFlags();
        bool simpleDone = false;
        for (; i < end; ++i) {
            const char c = format[i];
            if (c == '#') {
                m_fmt.flags.sharp = true;
            } else if (c == '0') {
                m_fmt.flags.zero = !m_fmt.flags.minus; // only pad with zeros on the left
            } else if (c == '+') {
                m_fmt.flags.plus = true;
            } else if (c == '-') {
                m_fmt.flags.minus = true;
                m_fmt.flags.zero = false;
            } else if (c == ' ') {
                m_fmt.flags.space = true;
            } else {
                // Fast path for a simple verb with no width, precision or index.
                if (c >= 'a' && c <= 'z' && argNum < numArgs) {
                    if (c == 'v') {
                        m_fmt.flags.sharpV = m_fmt.flags.sharp;
                        m_fmt.flags.sharp = false;
                        m_fmt.flags.plusV = m_fmt.flags.plus;
                        m_fmt.flags.plus = false;
                    }
                    printArg(args[static_cast<std::size_t>(argNum)], static_cast<char32_t>(c));
                    ++argNum;
                    ++i;
                    simpleDone = true;
                }
                break;
            }
        }
        if (simpleDone)
            continue;

        afterIndex = argNumber(argNum, format, i, numArgs);
        if (i < end && format[i] == '*') {
            ++i;
            m_fmt.flags.widPresent = intFromArg(args, argNum, &m_fmt.wid);
            if (!m_fmt.flags.widPresent)
                m_buf += "%!(BADWIDTH)";
            if (m_fmt.wid < 0) {
                m_fmt.wid = -m_fmt.wid;
                m_fmt.flags.minus = true;
                m_fmt.flags.zero = false;
            }
            afterIndex = false;
        } else {
            m_fmt.flags.widPresent = parseNum(format, i, &m_fmt.wid);
            if (afterIndex && m_fmt.flags.widPresent)
                m_goodArgNum = false;
        }
        if (i + 1 < end && format[i] == '.') {
            ++i;
            if (afterIndex)
                m_goodArgNum = false;
            afterIndex = argNumber(argNum, format, i, numArgs);
            if (i < end && format[i] == '*') {
                ++i;
                m_fmt.flags.precPresent = intFromArg(args, argNum, &m_fmt.prec);
                if (m_fmt.prec < 0) {
                    m_fmt.prec = 0;
                    m_fmt.flags.precPresent = false;
                }
                if (!m_fmt.flags.precPresent)
                    m_buf += "%!(BADPREC)";
                afterIndex = false;
            } else {
                m_fmt.flags.precPresent = parseNum(format, i, &m_fmt.prec);
                if (!m_fmt.flags.precPresent) {
                    m_fmt.prec = 0;
                    m_fmt.flags.precPresent = true;
                }
            }
        }
        if (!afterIndex)
            afterIndex = argNumber(argNum, format, i, numArgs);
        if (i >= end) {
            m_buf += "%!(NOVERB)";
            break;
        }
        int size = 1;
        char32_t verb = static_cast<unsigned char>(format[i]);
        if (verb >= 0x80)
            verb = GoQuote::decodeRune(format, i, &size);
        i += static_cast<std::size_t>(size);
        if (verb == '%') {
            m_buf += '%';
        } else if (!m_goodArgNum) {
            m_buf += "%!";
            GoQuote::appendRune(m_buf, verb);
            m_buf += "(BADINDEX)";
        } else if (argNum >= numArgs) {
            m_buf += "%!";
            GoQuote::appendRune(m_buf, verb);
            m_buf += "(MISSING)";
        } else {
            if (verb == 'v') {
                m_fmt.flags.sharpV = m_fmt.flags.sharp;
                m_fmt.flags.sharp = false;
                m_fmt.flags.plusV = m_fmt.flags.plus;
                m_fmt.flags.plus = false;
            }
            printArg(args[static_cast<std::size_t>(argNum)], verb);
            ++argNum;
        }
    }
    if (!m_reordered && argNum < numArgs) {
        m_fmt.clearFlags();
        m_buf += "%!(EXTRA ";
        for (int k = argNum; k < numArgs; ++k) {
            if (k > argNum)
                m_buf += ", ";
            const Value &arg = args[static_cast<std::size_t>(k)];
            if (isNilArg(arg)) {
                m_buf += "<nil>";
            } else {
                m_buf += arg.typeName();
                m_buf += '=';
                printArg(arg, 'v');
            }
        }
        m_buf += ')';
    }
}

} // namespace Amo::GoText
