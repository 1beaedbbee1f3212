// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/optionspec.h"

#include <QList>
#include <QString>

namespace Amo::Config {

/** Writes the --help text in go-flags' layout: groups, `-v, --name=` columns, (default: …) and [$ENV]. */
class HelpFormatter
{
public:
    static QString format(const QList<OptionSpec> &specs, const QString &programName, int width = 120);
};

} // namespace Amo::Config
