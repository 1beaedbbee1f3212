// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/httpexchange.h"

#include <QUrl>

namespace Amo::Sandbox {

struct Scenario;
struct ScenarioApplication;
struct ScenarioFederatedCredential;
struct ScenarioMsi;
class TokenIssuer;
class JsonWebToken;

/**
 * Azure AD token endpoints: POST /{tenant}/oauth2/v2.0/token (scope) and /{tenant}/oauth2/token (v1, resource).
 * Grants: client_credentials with client_secret or client_assertion (certificate JWT or federated token),
 * and password. Errors carry AADSTS codes in AAD's JSON shape.
 */
class AadHandler final : public HttpHandler
{
public:
    AadHandler(const Scenario *scenario, TokenIssuer *tokens);
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    bool handle(const HttpRequest &request, HttpExchange &exchange) override;

    /** AAD's error body: error, error_description (with the AADSTS code), error_codes, timestamp, ids. */
    static HttpResponse error(int status, const QString &error, int code, const QString &description);

private:
    struct Outcome
    {
        bool ok = false;
        HttpResponse failure;
        QString objectId;
        QString appId;
        QString idType;
        QString userName;
    };
    Outcome clientCredentials(const HttpRequest &request, const QUrlQuery &form, const QString &tenantId) const;
    Outcome password(const QUrlQuery &form, const QString &tenantId) const;
    Outcome certificateAssertion(const JsonWebToken &jwt, const ScenarioApplication &app,
                                 const HttpRequest &request) const;
    /** A federated token checked against the credentials of an app registration or a user-assigned identity. */
    Outcome federatedAssertion(const JsonWebToken &jwt, const QList<ScenarioFederatedCredential> &credentials,
                               const QString &objectId, const QString &appId) const;
    /** client_credentials for a user-assigned identity's client id: only a federated assertion will do. */
    Outcome identityCredentials(const QUrlQuery &form, const ScenarioMsi &identity) const;
    bool timesValid(const JsonWebToken &jwt) const;
    /** A resource Entra ID knows in every tenant, or this sandbox's ARM; others are AADSTS500011. */
    bool resourceRegistered(const QString &audience) const;
    QByteArray idToken(const QString &issuer, const Outcome &outcome, const QString &tenantId) const;

    const Scenario *m_scenario;
    TokenIssuer *m_tokens;
    QUrl m_baseUrl;
};

} // namespace Amo::Sandbox
