// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/optionspec.h"

#include <QList>

namespace Amo::Config {

/**
 * The operator's options in one declarative table: the original's usage list (same long names,
 * env vars, defaults, delimiters) plus ours. To add an option, add a field to OperatorConfig and a row
 * here; the parser, the help text and the config dump pick it up.
 */
class OptionTable
{
public:
    static const QList<OptionSpec> &all();

    /** The row for a long name (without "--"), or nullptr. */
    static const OptionSpec *find(QStringView longName, const QList<OptionSpec> &specs = all());

    static QString applicationGroup();
    static QString renderGroup();
    static QString modeGroup();
    static QString helpGroup();
};

} // namespace Amo::Config
