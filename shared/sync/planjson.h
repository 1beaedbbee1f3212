// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/plan.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

namespace Amo::Sync {

/**
 * The stable JSON form of a plan (documented in shared/sync/PLAN-FORMAT.md): what --dry-run prints with
 * JSON output and what the dashboard exports and imports. Keys are sorted and empty members omitted, so
 * the same plan always gives the same bytes.
 */
class PlanJson
{
    Q_DECLARE_TR_FUNCTIONS(PlanJson)
public:
    static QJsonObject toJson(const Plan &plan);
    static QJsonObject actionToJson(const Action &action);
    /** Indented UTF-8 JSON, ending in a newline. */
    static QByteArray toBytes(const Plan &plan);
    /** The same tree as one YAML document (--plan.output=yaml and the dashboard's export). */
    static QByteArray toYaml(const Plan &plan);

    /** Reads a plan back; false with a reason in *error for an unknown version, kind or malformed member. */
    static bool fromJson(const QJsonObject &json, Plan *plan, QString *error);
    static bool fromBytes(const QByteArray &bytes, Plan *plan, QString *error);
};

} // namespace Amo::Sync
