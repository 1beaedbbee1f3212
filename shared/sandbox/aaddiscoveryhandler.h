// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/httpexchange.h"

#include <QUrl>

namespace Amo::Sandbox {

struct Scenario;

/**
 * What MSAL and the Azure CLI read before they ask for a token: the OpenID Connect discovery documents
 * (v2 `/{tenant}/v2.0/.well-known/openid-configuration`, v1 `/{tenant}/.well-known/openid-configuration`),
 * the ADFS-style authority `/adfs/.well-known/openid-configuration` that Azure Stack Hub serves (the CLI
 * skips instance discovery only for such authorities), and instance discovery
 * `/common/discovery/instance`. Every endpoint in them points back at the sandbox.
 */
class AadDiscoveryHandler final : public HttpHandler
{
public:
    explicit AadDiscoveryHandler(const Scenario *scenario);
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    bool handle(const HttpRequest &request, HttpExchange &exchange) override;

private:
    QJsonObject openIdConfiguration(const QString &tenantId, bool v2, bool adfs) const;
    QJsonObject instanceDiscovery() const;

    const Scenario *m_scenario;
    QUrl m_baseUrl;
};

} // namespace Amo::Sandbox
