// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/operatorconfig.h"
#include "shared/config/optiontable.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Amo::Config {

/**
 * The effective configuration as log lines ("sync.interval=1h0m0s"), one per option in table order.
 * Options marked secret always print as ***, whatever their value.
 */
class ConfigDump
{
public:
    static QStringList lines(const OperatorConfig &config, const QList<OptionSpec> &specs = OptionTable::all());
    /** lines() joined with ", " for a single log line. */
    static QString oneLine(const OperatorConfig &config, const QList<OptionSpec> &specs = OptionTable::all());
};

} // namespace Amo::Config
