// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/operatorconfig.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Amo::Gui {

/**
 * The options that shape a plan (templates, ignore list, label format, namespaced mode, expiry,
 * binding sync), written as the agent's env text and read back through the agent's own OptionParser,
 * so a profile gets the agent's defaults and validation without a second copy of either.
 */
class PlanOptions
{
public:
    /** The option table's env names of the plan-shaping options. */
    static QStringList envNames();
    /** Each plan-shaping option of @p config as env text (lists joined with spaces). */
    static QHash<QString, QString> toEnv(const Config::OperatorConfig &config);
    /** Copies the plan-shaping fields of @p from into @p to and leaves the others alone. */
    static void copy(const Config::OperatorConfig &from, Config::OperatorConfig *to);
    /** Empty when the agent would accept @p config's plan-shaping values; else its error line. */
    static QString check(const Config::OperatorConfig &config);
};

} // namespace Amo::Gui
