// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace Amo::Sandbox {

/**
 * A minimal OpenAPI v3 surface: the /openapi/v3 index and, per group-version, the item paths
 * with a PATCH operation tagged x-kubernetes-group-version-kind that declares `fieldValidation`.
 * That is what kubectl checks before leaving validation to the server; schemas are not served.
 */
class KubeOpenApi
{
public:
    /** GET /openapi/v3. */
    static QJsonObject index();
    /** GET /openapi/v3/api/v1 or /openapi/v3/apis/{group}/{version}; empty when unknown. */
    static QJsonObject groupVersion(const QString &group, const QString &version);
};

} // namespace Amo::Sandbox
