// SPDX-License-Identifier: MIT
// Go's strconv number parsing and float formatting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace Amo::GoText {

/** strconv.ParseInt/ParseUint (base 0), ParseFloat and FormatFloat with Go's syntax and output. */
class GoNumber
{
public:
    enum class ParseError { None, Syntax, Range };

    static ParseError parseUint(const std::string &s, std::uint64_t *out);
    static ParseError parseInt(const std::string &s, std::int64_t *out);
    static ParseError parseFloat(const std::string &s, double *out);
    /** strconv.FormatFloat(v, fmt, prec, 64) for fmt in e E f g G; prec < 0 means shortest. */
    static std::string formatFloat(double v, char fmt, int prec);

private:
    static bool underscoreOK(const std::string &s);
    struct Digits
    {
        std::string d; // significant digits, no trailing zeros
        int dp = 0; // decimal point position
    };
    static Digits decimalDigits(double absValue, int significant);
    static std::string fmtE(bool neg, const Digits &d, int prec, char fmt);
    static std::string fmtF(bool neg, const Digits &d, int prec);
};

} // namespace Amo::GoText
