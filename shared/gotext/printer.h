// SPDX-License-Identifier: MIT
// The argument-walking half of Go's fmt package: Sprintf, Sprint, Sprintln.
#pragma once

#include "fmtwriter.h"
#include "value.h"

#include <string>
#include <vector>

namespace Amo::GoText {

/** Go's fmt.Sprintf/Sprint/Sprintln over Values; an Invalid or Nil argument is Go's nil interface. */
class Printer
{
public:
    /**
     * Go has no bound; widths of up to 10^6 per verb would let a short format allocate gigabytes.
     * Formatting stops once the output passes this size: the result is cut there and *tooLarge set.
     */
    static constexpr std::size_t MaxBytes = std::size_t(1) << 20;

    static std::string sprintf(const std::string &format, const std::vector<Value> &args, bool *tooLarge = nullptr);
    static std::string sprint(const std::vector<Value> &args, bool *tooLarge = nullptr);
    static std::string sprintln(const std::vector<Value> &args, bool *tooLarge = nullptr);

private:
    Printer();
    void doPrintf(const std::string &format, const std::vector<Value> &args);
    void printArg(const Value &arg, char32_t verb);
    void printValue(const Value &value, char32_t verb, int depth);
    void badVerb(char32_t verb, const Value *value);
    void fmtInteger(std::uint64_t v, bool isSigned, char32_t verb);
    void fmtFloat(double v, char32_t verb);
    void fmtComplex(double re, double im, char32_t verb);
    void fmtString(const std::string &v, char32_t verb);
    void fmt0x64(std::uint64_t v, bool leading0x);
    static bool parseNum(const std::string &s, std::size_t &i, int *num);
    static bool isNilArg(const Value &v);
    bool argNumber(int &argNum, const std::string &format, std::size_t &i, int numArgs);
    /** True (and the output cut to MaxBytes) once the output is too large; formatting stops then. */
    bool overflowed();
    std::string result(bool *tooLarge);

    std::string m_buf;
    FmtWriter m_fmt;
    bool m_reordered = false;
    bool m_goodArgNum = true;
    bool m_overflow = false;
};

} // namespace Amo::GoText
