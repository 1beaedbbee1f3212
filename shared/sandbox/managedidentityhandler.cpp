// SPDX-License-Identifier: MIT
#include "shared/sandbox/managedidentityhandler.h"

#include "shared/sandbox/scenario.h"
#include "shared/sandbox/tokenissuer.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

HttpResponse problem(int status, const QString &error, const QString &description)
{
    return HttpResponse::json(status,
                              QJsonDocument(QJsonObject {{u"error"_s, error}, {u"error_description"_s, description}}));
}

QString queryValue(const HttpRequest &r, const QString &key)
{
    return r.query.queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

ManagedIdentityHandler::ManagedIdentityHandler(const Scenario *scenario, TokenIssuer *tokens)
    : m_scenario(scenario)
    , m_tokens(tokens)
{
}

QStringList ManagedIdentityHandler::imdsApiVersions()
{
    return {u"2018-02-01"_s, u"2018-04-02"_s, u"2018-10-01"_s, u"2019-02-01"_s, u"2019-03-11"_s,
            u"2019-04-30"_s, u"2019-06-01"_s, u"2019-06-04"_s, u"2019-08-01"_s, u"2019-08-15"_s,
            u"2019-11-01"_s, u"2020-06-01"_s, u"2020-07-15"_s, u"2020-09-01"_s, u"2020-10-01"_s,
            u"2020-12-01"_s, u"2021-01-01"_s, u"2021-02-01"_s, u"2021-03-01"_s, u"2021-05-01"_s,
            u"2021-10-01"_s, u"2021-11-01"_s, u"2021-11-15"_s, u"2021-12-13"_s, u"2023-07-01"_s};
}

bool ManagedIdentityHandler::handle(const HttpRequest &request, HttpExchange &exchange)
{
    // the SDKs reach it with a trailing slash through AZURE_POD_IDENTITY_AUTHORITY_HOST
    if (request.path == u"/metadata/identity/oauth2/token"_s || request.path == u"/metadata/identity/oauth2/token/"_s) {
        exchange.setRoutePattern(u"/metadata/identity/oauth2/token"_s);
        imds(request, exchange);
        return true;
    }
    if (request.path == m_scenario->appServicePath) {
        exchange.setRoutePattern(request.path);
        appService(request, exchange);
        return true;
    }
    return false;
}

const ScenarioManagedIdentity *ManagedIdentityHandler::select(const QString &clientId, const QString &objectId,
                                                              const QString &resourceId, QString *why) const
{
    const auto &all = m_scenario->managedIdentities;
    if (clientId.isEmpty() && objectId.isEmpty() && resourceId.isEmpty()) {
        for (const ScenarioManagedIdentity &m : all) {
            if (m.isDefault)
                return &m;
        }
        if (all.size() == 1)
            return &all.first();
        // what IMDS says on a VM without an identity
        *why = all.isEmpty() ? u"Identity not found"_s
                             : u"Multiple user assigned identities exist, please specify the clientId / resourceId "
                               "of the identity in the token request"_s;
        return nullptr;
    }
    for (const ScenarioManagedIdentity &m : all) {
        if ((!clientId.isEmpty() && m.clientId.compare(clientId, Qt::CaseInsensitive) == 0)
            || (!objectId.isEmpty() && m.principalId.compare(objectId, Qt::CaseInsensitive) == 0)
            || (!resourceId.isEmpty() && m.resourceId.compare(resourceId, Qt::CaseInsensitive) == 0))
            return &m;
    }
    *why = u"Identity not found"_s;
    return nullptr;
}

void ManagedIdentityHandler::imds(const HttpRequest &request, HttpExchange &exchange) const
{
    if (request.method != "GET") {
        exchange.respond(problem(405, u"invalid_request"_s, u"Only GET is supported."_s));
        return;
    }
    // IMDS wants exactly "true": the header is its guard against server-side request forgery
    if (request.header("metadata") != "true") {
        exchange.respond(problem(400, u"bad_request_102"_s, u"Required metadata header not specified"_s));
        return;
    }
    const QString apiVersion = queryValue(request, u"api-version"_s);
    if (apiVersion.isEmpty()) {
        exchange.respond(problem(400, u"invalid_request"_s, u"Required queryparameter 'api-version' is missing"_s));
        return;
    }
    if (!imdsApiVersions().contains(apiVersion)) {
        exchange.respond(problem(400, u"invalid_request"_s, u"Invalid or bad API version: %1"_s.arg(apiVersion)));
        return;
    }
    const QString resource = queryValue(request, u"resource"_s);
    if (resource.isEmpty()) {
        exchange.respond(problem(400, u"invalid_request"_s, u"Required query variable 'resource' is missing"_s));
        return;
    }
    QString why;
    QString resourceId = queryValue(request, u"msi_res_id"_s);
    if (resourceId.isEmpty())
        resourceId = queryValue(request, u"mi_res_id"_s);
    const ScenarioManagedIdentity *mi
        = select(queryValue(request, u"client_id"_s), queryValue(request, u"object_id"_s), resourceId, &why);
    if (!mi) {
        exchange.respond(problem(400, u"invalid_request"_s, why));
        return;
    }
    const IssuedToken token
        = m_tokens->issue(TokenSubject {mi->tenantId, mi->principalId, mi->clientId, resource, u"app"_s, {}});
    exchange.respond(HttpResponse::json(
        200,
        QJsonDocument(QJsonObject {{u"access_token"_s, QString::fromLatin1(token.accessToken)},
                                   {u"client_id"_s, mi->clientId},
                                   {u"refresh_token"_s, QString()},
                                   {u"expires_in"_s, QString::number(token.expiresIn)},
                                   {u"expires_on"_s, QString::number(token.expiresOn.toSecsSinceEpoch())},
                                   {u"ext_expires_in"_s, QString::number(token.expiresIn)},
                                   {u"not_before"_s, QString::number(token.notBefore.toSecsSinceEpoch())},
                                   {u"resource"_s, resource},
                                   {u"token_type"_s, u"Bearer"_s}})));
}

void ManagedIdentityHandler::appService(const HttpRequest &request, HttpExchange &exchange) const
{
    const QByteArray header = request.header("x-identity-header");
    if (header.isEmpty()) {
        exchange.respond(problem(400, u"invalid_request"_s, u"The X-IDENTITY-HEADER header is required."_s));
        return;
    }
    if (header != m_scenario->appServiceIdentityHeader.toUtf8()) {
        exchange.respond(problem(401, u"unauthorized"_s, u"The X-IDENTITY-HEADER value is not valid."_s));
        return;
    }
    const QString apiVersion = queryValue(request, u"api-version"_s);
    if (apiVersion != u"2019-08-01"_s) {
        exchange.respond(problem(400, u"invalid_request"_s,
                                 u"Unsupported api-version '%1'; this endpoint serves 2019-08-01."_s.arg(apiVersion)));
        return;
    }
    const QString resource = queryValue(request, u"resource"_s);
    if (resource.isEmpty()) {
        exchange.respond(problem(400, u"invalid_request"_s, u"The resource query parameter is required."_s));
        return;
    }
    QString why;
    QString objectId = queryValue(request, u"principal_id"_s);
    if (objectId.isEmpty())
        objectId = queryValue(request, u"object_id"_s);
    const ScenarioManagedIdentity *mi
        = select(queryValue(request, u"client_id"_s), objectId, queryValue(request, u"mi_res_id"_s), &why);
    if (!mi) {
        exchange.respond(problem(404, u"not_found"_s, why));
        return;
    }
    const IssuedToken token
        = m_tokens->issue(TokenSubject {mi->tenantId, mi->principalId, mi->clientId, resource, u"app"_s, {}});
    exchange.respond(HttpResponse::json(
        200,
        QJsonDocument(QJsonObject {{u"access_token"_s, QString::fromLatin1(token.accessToken)},
                                   {u"expires_on"_s, QString::number(token.expiresOn.toSecsSinceEpoch())},
                                   {u"resource"_s, resource},
                                   {u"token_type"_s, u"Bearer"_s},
                                   {u"client_id"_s, mi->clientId}})));
}

} // namespace Amo::Sandbox
