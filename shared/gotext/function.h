// SPDX-License-Identifier: MIT
// Signature and body of a template function (Go builtins and our additions).
#pragma once

#include "value.h"

#include <functional>
#include <string>
#include <vector>

namespace Amo::GoText {

/** Thrown by a function body for Go's "error" result; the executor reports "error calling NAME: message". */
struct CallError
{
    std::string message;
};

/** A template function: Go parameter types (which drive argument checks and messages) and the body. */
struct Function
{
    // Go parameter types: interface {}, reflect.Value, string, int.
    enum class Param { Any, Reflect, String, Int };

    std::vector<Param> params; // for a variadic function the last entry is the element type
    bool variadic = false;
    std::function<Value(const std::vector<Value> &)> body;

    static std::string paramName(Param p);
};

} // namespace Amo::GoText
