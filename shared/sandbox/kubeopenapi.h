// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace Amo::Sandbox {

/**
 * A small OpenAPI surface: the /openapi/v3 index and, per group-version, the item paths with a
 * PATCH operation that declares `fieldValidation` (kubectl checks it before leaving validation to
 * the server) and components.schemas tagged x-kubernetes-group-version-kind (`kubectl explain`).
 * /openapi/v2 serves the same schemas as definitions. Schemas are inlined, without $ref.
 */
class KubeOpenApi
{
public:
    /** GET /openapi/v3. */
    static QJsonObject index();
    /** GET /openapi/v3/api/v1 or /openapi/v3/apis/{group}/{version}; empty when unknown. */
    static QJsonObject groupVersion(const QString &group, const QString &version);
    /** GET /openapi/v2 (JSON only). */
    static QJsonObject swagger();
};

} // namespace Amo::Sandbox
