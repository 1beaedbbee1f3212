// SPDX-License-Identifier: MIT
// Template functions that Go's text/template lacks, with sprig's names and semantics.
#pragma once

#include "function.h"

#include <map>
#include <string>

namespace Amo::GoText {

/**
 * OUR ADDITIONS, not part of Go's text/template: sprig-compatible helpers for building Kubernetes names.
 *  - lower S, upper S: strings.ToLower / strings.ToUpper (simple per-rune case mapping)
 *  - trim S: strings.TrimSpace
 *  - replace OLD NEW S: strings.Replace(S, OLD, NEW, -1)
 *  - trunc N S: the first N bytes of S; a negative N keeps the last -N bytes; S itself when shorter
 * Argument types are Go's (string, int), so wrong types fail with Go's messages. A replace whose result
 * would pass MaxResultBytes is an error instead of an allocation of gigabytes.
 */
class ExtraFunctions
{
public:
    static constexpr std::size_t MaxResultBytes = std::size_t(1) << 20;

    static void addTo(std::map<std::string, Function> &functions);

    static std::string lower(const std::string &s);
    static std::string upper(const std::string &s);
    static std::string trimSpace(const std::string &s);
    static std::string replaceAll(const std::string &s, const std::string &oldText, const std::string &newText);
    /** The size replaceAll's result would have, computed without building it. */
    static std::size_t replacedSize(const std::string &s, const std::string &oldText, const std::string &newText);
    static std::string trunc(std::int64_t c, const std::string &s);
};

} // namespace Amo::GoText
