// SPDX-License-Identifier: MIT
// Outcome of executing a template.
#pragma once

#include <QString>

namespace Amo::GoText {

/** Result of Template::execute: on failure ok is false, error holds Go's message and output what Go had written. */
struct ExecResult
{
    bool ok = false;
    QString output;
    QString error;
};

} // namespace Amo::GoText
