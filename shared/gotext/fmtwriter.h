// SPDX-License-Identifier: MIT
// The padding and number/string formatting half of Go's fmt package.
#pragma once

#include <cstdint>
#include <string>

namespace Amo::GoText {

/** Go's fmt flags and the primitive formatters (integers, floats, strings, runes) with width and precision. */
class FmtWriter
{
public:
    struct Flags
    {
        bool widPresent = false;
        bool precPresent = false;
        bool minus = false;
        bool plus = false;
        bool sharp = false;
        bool space = false;
        bool zero = false;
        bool plusV = false;
        bool sharpV = false;
    };

    explicit FmtWriter(std::string &buf)
        : m_buf(buf)
    {
    }

    Flags flags;
    int wid = 0;
    int prec = 0;

    void clearFlags() { flags = Flags(); }
    void writePadding(int n);
    void pad(const std::string &s);
    void fmtBoolean(bool v);
    void fmtUnicode(std::uint64_t u);
    void fmtInteger(std::uint64_t u, int base, bool isSigned, char32_t verb, bool upper);
    void fmtS(const std::string &s);
    void fmtSx(const std::string &s, bool upper);
    void fmtQ(const std::string &s);
    void fmtC(std::uint64_t c);
    void fmtQc(std::uint64_t c);
    void fmtFloat(double v, char32_t verb, int precision);

private:
    std::string truncateString(const std::string &s) const;
    std::string &m_buf;
};

} // namespace Amo::GoText
