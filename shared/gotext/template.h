// SPDX-License-Identifier: MIT
// A parsed Go text/template, executable against a Value.
#pragma once

#include "execresult.h"
#include "value.h"

#include <QString>

#include <memory>

namespace Amo::GoText {

/**
 * A Go text/template, byte-for-byte compatible with Go 1.19's text/template (the version our expected
 * values come from): same output, same parse and execution error messages. Consequently `range` over an
 * integer is an error ("range can't iterate over 5"), as it is before Go 1.22, and `with … else with` is not
 * supported. Functions are Go's builtins plus our additions lower, upper, trim, replace and trunc (see
 * ExtraFunctions). Deviations, all for safety: {{template}} nesting stops at Executor::MaxTemplateDepth (Go:
 * 100000) with Go's message; execution stops after Executor::MaxSteps steps or Executor::MaxNesting nested
 * evaluations (our own messages); output past Executor::MaxOutput (1 MiB), or a print, printf, println or
 * replace result past 1 MiB, is an execution error; parsing stops at 1000 nested blocks or parentheses ("max
 * expression depth exceeded", the wording of later Go releases).
 */
class Template
{
public:
    Template();

    /** Parses `text` as template `name`. On failure isValid() is false and error() holds Go's exact message. */
    static Template parse(const QString &name, const QString &text);

    bool isValid() const;
    QString error() const;
    QString name() const;
    /** Executes against data. On failure ok is false and error holds Go's exact message. */
    ExecResult execute(const Value &data) const;

private:
    struct Data;
    std::shared_ptr<const Data> m_d;
};

} // namespace Amo::GoText
