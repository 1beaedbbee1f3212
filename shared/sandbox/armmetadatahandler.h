// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/httpexchange.h"

#include <QUrl>

namespace Amo::Sandbox {

struct Scenario;
class TokenIssuer;

/**
 * ARM's tenant-level reads besides /subscriptions: GET /metadata/endpoints (no token; what
 * `az cloud register --endpoint-resource-manager` reads to find an Azure Stack cloud's login endpoint and
 * audiences) and GET /tenants (the tenants the caller's token may see, what `az login` lists).
 */
class ArmMetadataHandler final : public HttpHandler
{
public:
    ArmMetadataHandler(const Scenario *scenario, TokenIssuer *tokens);
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    bool handle(const HttpRequest &request, HttpExchange &exchange) override;

private:
    void endpoints(const HttpRequest &request, HttpExchange &exchange) const;
    void tenants(const HttpRequest &request, HttpExchange &exchange) const;

    const Scenario *m_scenario;
    TokenIssuer *m_tokens;
    QUrl m_baseUrl;
};

} // namespace Amo::Sandbox
