// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>

namespace Amo {

/**
 * JSON merge patch (RFC 7386): the body of the planner's updates (Content-Type
 * application/merge-patch+json), the dashboard's preview of them and the simulator's PATCH.
 */
class MergePatch
{
public:
    /** Applies @p patch to @p target: null removes a member, objects merge recursively, anything else replaces. */
    static QJsonObject apply(const QJsonObject &target, const QJsonObject &patch);
};

} // namespace Amo
