// SPDX-License-Identifier: MIT
#include "agent/planoutput.h"

#include "shared/sync/planjson.h"
#include "shared/sync/plantext.h"

using namespace Qt::StringLiterals;

namespace Amo::Agent {

QByteArray PlanOutput::render(const Sync::Plan &plan, const QString &format)
{
    if (format == u"json")
        return Sync::PlanJson::toBytes(plan);
    if (format == u"yaml")
        return Sync::PlanJson::toYaml(plan);
    return Sync::PlanText::render(plan).toUtf8();
}

} // namespace Amo::Agent
