// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace Amo::Sync {
struct Plan;
}

namespace Amo::Agent {

/** A plan in the format of --plan.output: text (like terraform plan), json (PLAN-FORMAT.md) or yaml (the same tree). */
class PlanOutput
{
public:
    static QByteArray render(const Sync::Plan &plan, const QString &format);
};

} // namespace Amo::Agent
