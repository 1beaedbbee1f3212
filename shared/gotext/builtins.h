// SPDX-License-Identifier: MIT
// Go's predefined template functions, plus our sprig-compatible additions.
#pragma once

#include "function.h"
#include "value.h"

#include <map>
#include <string>
#include <vector>

namespace Amo::GoText {

/**
 * The function table a template sees: Go's builtins (and call html index slice js len not or print printf
 * println urlquery eq ge gt le lt ne) and, as our additions (see ExtraFunctions), lower upper trim replace trunc.
 */
class Builtins
{
public:
    static const std::map<std::string, Function> &functions();
    /** Go's template truth: non-zero numbers, non-empty strings/maps/slices, true, any struct. */
    static bool isTrue(const Value &v);

private:
    static Value index(const std::vector<Value> &args);
    static Value slice(const std::vector<Value> &args);
    static Value length(const std::vector<Value> &args);
    static Value call(const std::vector<Value> &args);
    static Value eq(const std::vector<Value> &args);
    static bool equal(const Value &a, const Value &b);
    static bool less(const Value &a, const Value &b);
    static std::string htmlEscape(const std::string &s);
    static std::string jsEscape(const std::string &s);
    static std::string urlQueryEscape(const std::string &s);
    static std::string evalArgs(const std::vector<Value> &args);
};

} // namespace Amo::GoText
