// SPDX-License-Identifier: MIT
// Parser: numeric and character literals, classified the way Go's parse.NumberNode is.
#include "gonumber.h"
#include "goquote.h"
#include "parser.h"

#include <cmath>

namespace Amo::GoText {

namespace {
// Go's NumberNode.simplifyComplex: a complex with zero imaginary part also counts as float/int/uint.
void simplifyComplex(Node::Number &n)
{
    n.isFloat = n.im == 0;
    if (n.isFloat) {
        n.f = n.re;
        n.isInt = std::trunc(n.f) == n.f && std::fabs(n.f) < 9.2233720368547758e18;
        if (n.isInt)
            n.i = static_cast<std::int64_t>(n.f);
        n.isUint = n.isInt && n.f >= 0;
        if (n.isUint)
            n.u = static_cast<std::uint64_t>(n.f);
    }
}

// Splits "1+2i" into its real and imaginary texts at the sign that is not an exponent sign.
bool parseComplex(const std::string &text, double *re, double *im)
{
    for (std::size_t k = text.size() - 1; k > 0; --k) {
        const char c = text[k];
        const char prev = text[k - 1];
        if ((c == '+' || c == '-') && prev != 'e' && prev != 'E' && prev != 'p' && prev != 'P') {
            return GoNumber::parseFloat(text.substr(0, k), re) == GoNumber::ParseError::None
                && GoNumber::parseFloat(text.substr(k, text.size() - k - 1), im) == GoNumber::ParseError::None;
        }
    }
    return false;
}
} // namespace

Node::Ptr Parser::newNumber(const Item &token) const
{
    const std::string &text = token.val;
    auto node = std::make_unique<Node>(Node::Type::Number, token.pos);
    node->text = text;
    Node::Number &n = node->number;
    if (token.type == Item::CharConstant) {
        std::size_t pos = 1;
        char32_t r = 0;
        bool multibyte = false;
        if (!GoQuote::unquoteChar(text, pos, '\'', &r, &multibyte))
            errorf("invalid syntax");
        if (text.substr(pos) != "'")
            errorf("malformed character constant: " + text);
        n.i = r;
        n.isInt = true;
        n.u = r;
        n.isUint = true;
        n.f = r; // odd but those are Go's rules
        n.isFloat = true;
        return node;
    }
    if (token.type == Item::Complex) {
        if (!parseComplex(text, &n.re, &n.im))
            errorf("expected integer"); // fmt.Sscan's complaint
        n.isComplex = true;
        simplifyComplex(n);
        return node;
    }
    if (!text.empty() && text.back() == 'i') {
        double f = 0;
        if (GoNumber::parseFloat(text.substr(0, text.size() - 1), &f) == GoNumber::ParseError::None) {
            n.isComplex = true;
            n.re = 0;
            n.im = f;
            simplifyComplex(n);
            return node;
        }
    }
    std::uint64_t u = 0;
    if (GoNumber::parseUint(text, &u) == GoNumber::ParseError::None) {
        n.isUint = true;
        n.u = u;
    }
    std::int64_t i = 0;
    if (GoNumber::parseInt(text, &i) == GoNumber::ParseError::None) {
        n.isInt = true;
        n.i = i;
        if (i == 0) { // in case of -0
            n.isUint = true;
            n.u = u;
        }
    }
    if (n.isInt) {
        n.isFloat = true;
        n.f = static_cast<double>(n.i);
    } else if (n.isUint) {
        n.isFloat = true;
        n.f = static_cast<double>(n.u);
    } else {
        double f = 0;
        if (GoNumber::parseFloat(text, &f) == GoNumber::ParseError::None) {
            if (text.find_first_of(".eEpP") == std::string::npos)
                errorf("integer overflow: " + GoQuote::quote(text));
            n.isFloat = true;
            n.f = f;
            if (std::trunc(f) == f && f >= -9.2233720368547758e18 && f < 9.2233720368547758e18) {
                n.isInt = true;
                n.i = static_cast<std::int64_t>(f);
            }
            if (std::trunc(f) == f && f >= 0 && f < 1.8446744073709552e19) {
                n.isUint = true;
                n.u = static_cast<std::uint64_t>(f);
            }
        }
    }
    if (!n.isInt && !n.isUint && !n.isFloat)
        errorf("illegal number syntax: " + GoQuote::quote(text));
    return node;
}

} // namespace Amo::GoText
