// SPDX-License-Identifier: MIT
#include "shared/sandbox/aadhandler.h"

#include "shared/sandbox/jsonwebtoken.h"
#include "shared/sandbox/scenario.h"
#include "shared/sandbox/tokenissuer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

const QString kJwtBearer = u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s;
const QString kExchangeAudience = u"api://AzureADTokenExchange"_s;

QString formValue(const QUrlQuery &form, const QString &key)
{
    // form encoding writes spaces as '+', which QUrlQuery leaves alone
    return QUrl::fromPercentEncoding(form.queryItemValue(key, QUrl::FullyEncoded).replace(u'+', u' ').toUtf8());
}

} // namespace

AadHandler::AadHandler(const Scenario *scenario, TokenIssuer *tokens)
    : m_scenario(scenario)
    , m_tokens(tokens)
{
}

HttpResponse AadHandler::error(int status, const QString &error, int code, const QString &description)
{
    const QString traceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString correlationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString timestamp = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd hh:mm:ss'Z'"_s);
    // Entra ID puts the ids on their own lines; clients show the first line as the reason
    const QString text = u"AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\nTimestamp: %5"_s.arg(
        QString::number(code), description, traceId, correlationId, timestamp);
    return HttpResponse::json(status,
                              QJsonDocument(QJsonObject {{u"error"_s, error},
                                                         {u"error_description"_s, text},
                                                         {u"error_codes"_s, QJsonArray {code}},
                                                         {u"timestamp"_s, timestamp},
                                                         {u"trace_id"_s, traceId},
                                                         {u"correlation_id"_s, correlationId}}),
                              {{"x-ms-request-id", traceId.toLatin1()}, {"Cache-Control", "no-store, no-cache"}});
}

bool AadHandler::handle(const HttpRequest &request, HttpExchange &exchange)
{
    static const QRegularExpression route(u"^/([^/]+)/oauth2/(v2\\.0/)?token$"_s);
    const auto match = route.match(request.path);
    if (!match.hasMatch())
        return false;
    const bool v2 = !match.captured(2).isEmpty();
    exchange.setRoutePattern(v2 ? u"/{tenant}/oauth2/v2.0/token"_s : u"/{tenant}/oauth2/token"_s);
    if (request.method != "POST") {
        exchange.respond(error(405, u"invalid_request"_s, 900561,
                               u"The endpoint only accepts POST requests. Received a %1 request."_s.arg(
                                   QString::fromLatin1(request.method))));
        return true;
    }
    const QUrlQuery form(QString::fromUtf8(request.body));
    const QString tenantText = match.captured(1);
    // the ADFS-style authority (Azure Stack Hub) has no tenant in its paths: it is the sandbox's first tenant
    const bool adfs = tenantText.compare(u"adfs"_s, Qt::CaseInsensitive) == 0;
    const ScenarioTenant *tenant = adfs ? (m_scenario->tenants.isEmpty() ? nullptr : &m_scenario->tenants.first())
                                        : m_scenario->tenant(tenantText);
    if (!tenant) {
        exchange.respond(error(400, u"invalid_request"_s, 90002,
                               u"Tenant '%1' not found. Check to make sure you have the correct tenant ID and are "
                               "signing into the correct cloud."_s.arg(tenantText)));
        return true;
    }
    const QString grant = formValue(form, u"grant_type"_s);
    if (grant.isEmpty()) {
        exchange.respond(error(400, u"invalid_request"_s, 900144,
                               u"The request body must contain the following parameter: 'grant_type'."_s));
        return true;
    }
    // OIDC scopes ask for an id_token and a refresh token; the audience comes from the resource scope
    static const QStringList oidcScopes {u"openid"_s, u"profile"_s, u"offline_access"_s, u"email"_s};
    const QStringList scopes = formValue(form, u"scope"_s).split(u' ', Qt::SkipEmptyParts);
    QString scope;
    for (const QString &sc : scopes) {
        if (!oidcScopes.contains(sc)) {
            scope = sc;
            break;
        }
    }
    const bool oidc = std::any_of(scopes.begin(), scopes.end(), [](const QString &sc) { return sc == u"openid"_s; });
    QString audience;
    // the v1 endpoint takes resource=; AD FS and MSAL also send a v2 scope there
    const QString resource = formValue(form, u"resource"_s);
    if (!v2 && !resource.isEmpty()) {
        audience = resource;
    } else if (v2 || !scope.isEmpty()) {
        if (scope.isEmpty()) {
            exchange.respond(error(400, u"invalid_request"_s, 900144,
                                   u"The request body must contain the following parameter: 'scope'."_s));
            return true;
        }
        if (grant == u"client_credentials"_s && !scope.endsWith(u"/.default"_s)) {
            exchange.respond(error(400, u"invalid_scope"_s, 1002012,
                                   u"The provided value for scope %1 is not valid. Client credential flows must have "
                                   "a scope value with /.default suffixed to the resource identifier "
                                   "(application ID URI)."_s.arg(scope)));
            return true;
        }
        audience = scope.endsWith(u"/.default"_s) ? scope.chopped(9) : scope;
    } else {
        exchange.respond(error(400, u"invalid_request"_s, 900144,
                               u"The request body must contain the following parameter: 'resource'."_s));
        return true;
    }
    if (!resourceRegistered(audience)) {
        exchange.respond(error(400, u"invalid_resource"_s, 500011,
                               u"The resource principal named %1 was not found in the tenant named %2. This can "
                               "happen if the application has not been installed by the administrator of the tenant "
                               "or consented to by any user in the tenant. You might have sent your authentication "
                               "request to the wrong tenant."_s.arg(audience, tenant->id)));
        return true;
    }

    Outcome outcome;
    if (grant == u"client_credentials"_s) {
        outcome = clientCredentials(request, form, tenant->id);
    } else if (grant == u"password"_s) {
        outcome = password(form, tenant->id);
    } else {
        exchange.respond(error(400, u"unsupported_grant_type"_s, 70003,
                               u"The app requested an unsupported grant type '%1'."_s.arg(grant)));
        return true;
    }
    if (!outcome.ok) {
        exchange.respond(outcome.failure);
        return true;
    }

    const IssuedToken token = m_tokens->issue(
        TokenSubject {tenant->id, outcome.objectId, outcome.appId, audience, outcome.idType, outcome.userName});
    QJsonObject body {{u"token_type"_s, u"Bearer"_s}, {u"access_token"_s, QString::fromLatin1(token.accessToken)}};
    if (v2) {
        body.insert(u"expires_in"_s, token.expiresIn);
        body.insert(u"ext_expires_in"_s, token.expiresIn);
    } else {
        // v1 sends every number as a string
        body.insert(u"expires_in"_s, QString::number(token.expiresIn));
        body.insert(u"ext_expires_in"_s, QString::number(token.expiresIn));
        body.insert(u"expires_on"_s, QString::number(token.expiresOn.toSecsSinceEpoch()));
        body.insert(u"not_before"_s, QString::number(token.notBefore.toSecsSinceEpoch()));
        body.insert(u"resource"_s, audience);
    }
    if (grant == u"password"_s && oidc) {
        body.insert(u"scope"_s, scopes.join(u' '));
        // what MSAL needs to keep the account: an id_token, client_info and a refresh token
        const QString base = m_baseUrl.toString(QUrl::StripTrailingSlash);
        const QString issuer = adfs ? base + u"/adfs"_s
            : v2                    ? base + u'/' + tenant->id + u"/v2.0"_s
                                    : u"https://sts.windows.net/%1/"_s.arg(tenant->id);
        body.insert(u"id_token"_s, QString::fromLatin1(idToken(issuer, outcome, tenant->id)));
        body.insert(u"client_info"_s,
                    QString::fromLatin1(JsonWebToken::base64Url(
                        QJsonDocument(QJsonObject {{u"uid"_s, outcome.objectId}, {u"utid"_s, tenant->id}})
                            .toJson(QJsonDocument::Compact))));
        body.insert(u"refresh_token"_s, QString::fromLatin1(JsonWebToken::base64Url(QUuid::createUuid().toRfc4122())));
    }
    exchange.respond(HttpResponse::json(200, QJsonDocument(body), {{"Cache-Control", "no-store, no-cache"}}));
    return true;
}

bool AadHandler::resourceRegistered(const QString &audience) const
{
    auto normalised = [](QString a) {
        while (a.endsWith(u'/'))
            a.chop(1);
        return a.toLower();
    };
    QUrl viaLocalhost = m_baseUrl;
    viaLocalhost.setHost(u"localhost"_s);
    // ARM as this sandbox serves it, and the first-party resources every tenant has
    QStringList known {m_baseUrl.toString(),
                       viaLocalhost.toString(),
                       u"https://management.azure.com"_s,
                       u"https://management.core.windows.net"_s,
                       u"https://graph.microsoft.com"_s,
                       u"https://graph.windows.net"_s,
                       u"https://vault.azure.net"_s,
                       u"https://storage.azure.com"_s,
                       u"https://database.windows.net"_s,
                       u"797f4846-ba00-4fd7-ba43-dac1f8f63013"_s, // ARM's application id
                       u"00000003-0000-0000-c000-000000000000"_s}; // Microsoft Graph's
    known.append(m_scenario->armAudiences);
    const QString wanted = normalised(audience);
    return std::any_of(known.begin(), known.end(), [&](const QString &k) { return normalised(k) == wanted; });
}

QByteArray AadHandler::idToken(const QString &issuer, const Outcome &outcome, const QString &tenantId) const
{
    const qint64 now = m_tokens->clock().nowUtc().toSecsSinceEpoch();
    const QJsonObject claims {{u"aud"_s, outcome.appId},
                              {u"iss"_s, issuer},
                              {u"iat"_s, now},
                              {u"nbf"_s, now},
                              {u"exp"_s, now + 3600},
                              {u"oid"_s, outcome.objectId},
                              {u"sub"_s, outcome.objectId},
                              {u"tid"_s, tenantId},
                              {u"preferred_username"_s, outcome.userName},
                              {u"upn"_s, outcome.userName},
                              {u"name"_s, outcome.userName},
                              {u"ver"_s, u"2.0"_s}};
    // signed with a throw-away secret: clients read id_tokens, only the issuer checks their signature
    return JsonWebToken::signHs256(QJsonObject {{u"typ"_s, u"JWT"_s}}, claims, QUuid::createUuid().toRfc4122());
}

AadHandler::Outcome AadHandler::clientCredentials(const HttpRequest &request, const QUrlQuery &form,
                                                  const QString &tenantId) const
{
    Outcome out;
    const QString clientId = formValue(form, u"client_id"_s);
    if (clientId.isEmpty()) {
        out.failure = error(400, u"invalid_request"_s, 900144,
                            u"The request body must contain the following parameter: 'client_id'."_s);
        return out;
    }
    const ScenarioApplication *app = m_scenario->application(tenantId, clientId);
    if (!app) {
        if (const ScenarioMsi *identity = m_scenario->msiByClientId(tenantId, clientId))
            return identityCredentials(form, *identity);
        out.failure = error(400, u"unauthorized_client"_s, 700016,
                            u"Application with identifier '%1' was not found in the directory '%2'. This can happen "
                            "if the application has not been installed by the administrator of the tenant or "
                            "consented to by any user in the tenant."_s.arg(clientId, tenantId));
        return out;
    }
    const QString secret = formValue(form, u"client_secret"_s);
    const QString assertion = formValue(form, u"client_assertion"_s);
    if (!secret.isEmpty()) {
        if (!app->secrets.contains(secret)) {
            out.failure = error(
                401, u"invalid_client"_s, 7000215,
                u"Invalid client secret provided. Ensure the secret being sent in the request is the "
                "client secret value, not the client secret ID, for a secret added to app '%1'."_s.arg(clientId));
            return out;
        }
        out = Outcome {true, {}, app->objectId, app->clientId, u"app"_s, {}};
        return out;
    }
    if (assertion.isEmpty()) {
        out.failure = error(401, u"invalid_client"_s, 7000218,
                            u"The request body must contain the following parameter: 'client_assertion' or "
                            "'client_secret'."_s);
        return out;
    }
    if (formValue(form, u"client_assertion_type"_s) != kJwtBearer) {
        out.failure = error(400, u"invalid_request"_s, 50027, u"client_assertion_type must be '%1'."_s.arg(kJwtBearer));
        return out;
    }
    const auto jwt = JsonWebToken::parse(assertion.toLatin1());
    if (!jwt) {
        out.failure = error(400, u"invalid_request"_s, 50027, u"JWT token is invalid or malformed."_s);
        return out;
    }
    // an app's own assertion names the app as issuer and subject; anything else is a federated token
    if (jwt->stringClaim(u"iss"_s) == clientId && jwt->stringClaim(u"sub"_s) == clientId)
        return certificateAssertion(*jwt, *app, request);
    return federatedAssertion(*jwt, app->federatedCredentials, app->objectId, app->clientId);
}

AadHandler::Outcome AadHandler::identityCredentials(const QUrlQuery &form, const ScenarioMsi &identity) const
{
    Outcome out;
    const QString assertion = formValue(form, u"client_assertion"_s);
    if (assertion.isEmpty()) {
        // a managed identity has no secrets or certificates of its own
        out.failure = error(401, u"invalid_client"_s, 7000218,
                            u"The request body must contain the following parameter: 'client_assertion' or "
                            "'client_secret'."_s);
        return out;
    }
    if (formValue(form, u"client_assertion_type"_s) != kJwtBearer) {
        out.failure = error(400, u"invalid_request"_s, 50027, u"client_assertion_type must be '%1'."_s.arg(kJwtBearer));
        return out;
    }
    const auto jwt = JsonWebToken::parse(assertion.toLatin1());
    if (!jwt) {
        out.failure = error(400, u"invalid_request"_s, 50027, u"JWT token is invalid or malformed."_s);
        return out;
    }
    return federatedAssertion(*jwt, identity.federatedIdentityCredentials, identity.principalId, identity.clientId);
}

bool AadHandler::timesValid(const JsonWebToken &jwt) const
{
    const qint64 now = m_tokens->clock().nowUtc().toSecsSinceEpoch();
    const qint64 exp = jwt.timeClaim(u"exp"_s);
    const qint64 nbf = jwt.timeClaim(u"nbf"_s);
    return exp > now && (nbf < 0 || nbf <= now + 300);
}

AadHandler::Outcome AadHandler::certificateAssertion(const JsonWebToken &jwt, const ScenarioApplication &app,
                                                     const HttpRequest &request) const
{
    Outcome out;
    // aud must be the exact token URL the client posted to
    const QString path = request.path;
    const QString viaHost = m_baseUrl.scheme() + u"://"_s + QString::fromLatin1(request.header("host")) + path;
    const QString viaBase = m_baseUrl.toString(QUrl::StripTrailingSlash) + path;
    const QString aud = jwt.stringClaim(u"aud"_s);
    if (aud != viaHost && aud != viaBase) {
        out.failure = error(400, u"invalid_client"_s, 50013,
                            u"Assertion audience claim does not match the required value '%1'."_s.arg(viaBase));
        return out;
    }
    if (!timesValid(jwt)) {
        out.failure
            = error(400, u"invalid_client"_s, 700024, u"Client assertion is not within its valid time range."_s);
        return out;
    }
    // x5t (SHA-1, MSAL Python and go-autorest; MSAL Python keeps the base64 '=' padding) with RS256, or
    // x5t#S256 (SHA-256, @azure/identity 4.x) with PS256: Entra ID takes both for a registered certificate
    auto unpadded = [](QByteArray b) {
        while (b.endsWith('='))
            b.chop(1);
        return b;
    };
    const QByteArray x5t = unpadded(jwt.header().value(u"x5t"_s).toString().toLatin1());
    const QByteArray x5t256 = unpadded(jwt.header().value(u"x5t#S256"_s).toString().toLatin1());
    for (const QByteArray &pem : app.certificates) {
        if (!x5t.isEmpty() && JsonWebToken::thumbprint(pem) != x5t)
            continue;
        if (!x5t256.isEmpty() && JsonWebToken::thumbprintSha256(pem) != x5t256)
            continue;
        if (jwt.verifyRsa(pem))
            return Outcome {true, {}, app.objectId, app.clientId, u"app"_s, {}};
    }
    out.failure = error(401, u"invalid_client"_s, 700027,
                        u"Client assertion failed signature validation. The key used to sign it is not registered "
                        "on application '%1'."_s.arg(app.clientId));
    return out;
}

AadHandler::Outcome AadHandler::federatedAssertion(const JsonWebToken &jwt,
                                                   const QList<ScenarioFederatedCredential> &credentials,
                                                   const QString &objectId, const QString &appId) const
{
    Outcome out;
    const QString iss = jwt.stringClaim(u"iss"_s);
    const ScenarioIssuer *issuer = m_scenario->issuer(iss);
    bool issuerTrusted = false;
    for (const ScenarioFederatedCredential &fc : credentials)
        issuerTrusted = issuerTrusted || fc.issuer == iss;
    if (!issuer || !issuerTrusted) {
        out.failure
            = error(400, u"invalid_client"_s, 700211,
                    u"No matching federated identity record found for presented assertion issuer '%1'."_s.arg(iss));
        return out;
    }
    bool signed_ = false;
    for (const QByteArray &key : issuer->keys)
        signed_ = signed_ || jwt.verifyRs256(key);
    if (!signed_) {
        out.failure
            = error(401, u"invalid_client"_s, 700027,
                    u"Client assertion failed signature validation against the keys of issuer '%1'."_s.arg(iss));
        return out;
    }
    if (!timesValid(jwt)) {
        out.failure
            = error(400, u"invalid_client"_s, 700024, u"Client assertion is not within its valid time range."_s);
        return out;
    }
    const QString sub = jwt.stringClaim(u"sub"_s);
    QStringList audiences;
    const QJsonValue aud = jwt.claims().value(u"aud"_s);
    if (aud.isArray()) {
        for (const QJsonValue &a : aud.toArray())
            audiences.append(a.toString());
    } else {
        audiences.append(aud.toString());
    }
    for (const ScenarioFederatedCredential &fc : credentials) {
        if (fc.issuer != iss || fc.subject != sub)
            continue;
        for (const QString &a : std::as_const(audiences)) {
            if (fc.audiences.contains(a))
                return Outcome {true, {}, objectId, appId, u"app"_s, {}};
        }
        out.failure = error(400, u"invalid_client"_s, 700212,
                            u"No matching federated identity record found for presented assertion audience '%1'."_s.arg(
                                audiences.join(u',')));
        return out;
    }
    out.failure
        = error(400, u"invalid_client"_s, 70021,
                u"No matching federated identity record found for presented assertion. Assertion Issuer: "
                "'%1'. Assertion Subject: '%2'. Assertion Audience: '%3'."_s.arg(iss, sub, audiences.join(u',')));
    return out;
}

AadHandler::Outcome AadHandler::password(const QUrlQuery &form, const QString &tenantId) const
{
    Outcome out;
    const QString clientId = formValue(form, u"client_id"_s);
    const QString username = formValue(form, u"username"_s);
    const QString pass = formValue(form, u"password"_s);
    if (clientId.isEmpty() || username.isEmpty()) {
        out.failure = error(400, u"invalid_request"_s, 900144,
                            u"The request body must contain the following parameters: 'client_id', 'username'."_s);
        return out;
    }
    for (const ScenarioUser &u : m_scenario->users) {
        if (u.tenantId == tenantId && u.username.compare(username, Qt::CaseInsensitive) == 0 && u.password == pass)
            return Outcome {true, {}, u.objectId, clientId, u"user"_s, u.username};
    }
    out.failure
        = error(400, u"invalid_grant"_s, 50126, u"Error validating credentials due to invalid username or password."_s);
    return out;
}

} // namespace Amo::Sandbox
