// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/httpexchange.h"

namespace Amo::Sandbox {

struct Scenario;
struct ScenarioManagedIdentity;
class TokenIssuer;

/**
 * Managed identity token endpoints: IMDS (GET /metadata/identity/oauth2/token, header `Metadata: true`)
 * and App Service (GET {scenario appService.path}, header `X-IDENTITY-HEADER`, api-version 2019-08-01).
 */
class ManagedIdentityHandler final : public HttpHandler
{
public:
    ManagedIdentityHandler(const Scenario *scenario, TokenIssuer *tokens);
    bool handle(const HttpRequest &request, HttpExchange &exchange) override;

    static QStringList imdsApiVersions();

private:
    void imds(const HttpRequest &request, HttpExchange &exchange) const;
    void appService(const HttpRequest &request, HttpExchange &exchange) const;
    /** Picks the identity named by client_id / object_id / resource id, or the only/default one. */
    const ScenarioManagedIdentity *select(const QString &clientId, const QString &objectId, const QString &resourceId,
                                          QString *problem) const;

    const Scenario *m_scenario;
    TokenIssuer *m_tokens;
};

} // namespace Amo::Sandbox
