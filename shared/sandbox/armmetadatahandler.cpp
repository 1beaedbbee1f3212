// SPDX-License-Identifier: MIT
#include "shared/sandbox/armmetadatahandler.h"

#include "shared/sandbox/scenario.h"
#include "shared/sandbox/tokenissuer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

HttpResponse armError(int status, const QString &code, const QString &message)
{
    const QByteArray id = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    return HttpResponse::json(
        status, QJsonDocument(QJsonObject {{u"error"_s, QJsonObject {{u"code"_s, code}, {u"message"_s, message}}}}),
        {{"x-ms-request-id", id}, {"x-ms-correlation-request-id", id}});
}

} // namespace

ArmMetadataHandler::ArmMetadataHandler(const Scenario *scenario, TokenIssuer *tokens)
    : m_scenario(scenario)
    , m_tokens(tokens)
{
}

bool ArmMetadataHandler::handle(const HttpRequest &request, HttpExchange &exchange)
{
    // `az cloud register` appends "/metadata/endpoints" to an endpoint that ends with '/'; ARM takes the "//"
    QString path = request.path.toLower();
    while (path.startsWith(u"//"_s))
        path.remove(0, 1);
    if (path == u"/metadata/endpoints"_s) {
        exchange.setRoutePattern(u"/metadata/endpoints"_s);
        endpoints(request, exchange);
        return true;
    }
    if (path == u"/tenants"_s || path == u"/tenants/"_s) {
        exchange.setRoutePattern(u"/tenants"_s);
        tenants(request, exchange);
        return true;
    }
    return false;
}

void ArmMetadataHandler::endpoints(const HttpRequest &request, HttpExchange &exchange) const
{
    if (request.query.queryItemValue(u"api-version"_s).isEmpty()) {
        exchange.respond(armError(400, u"MissingApiVersionParameter"_s,
                                  u"The api-version query parameter (?api-version=) is required for all requests."_s));
        return;
    }
    // the Azure Stack Hub shape (api-version 2015-01-01): an AD FS login endpoint and the ARM audiences
    const QString base = m_baseUrl.toString(QUrl::StripTrailingSlash);
    exchange.respond(HttpResponse::json(
        200,
        QJsonDocument(QJsonObject {
            {u"galleryEndpoint"_s, QString(QString(base + u'/'))},
            {u"graphEndpoint"_s, QString(QString(base + u'/'))},
            {u"portalEndpoint"_s, QString(QString(base + u'/'))},
            {u"authentication"_s,
             QJsonObject {{u"loginEndpoint"_s, QString(base + u"/adfs"_s)},
                          {u"audiences"_s, QJsonArray {QString(base + u'/'), u"https://management.azure.com/"_s}}}}})));
}

void ArmMetadataHandler::tenants(const HttpRequest &request, HttpExchange &exchange) const
{
    const QByteArray authorization = request.header("authorization");
    const TokenIssuer::Validation v = m_tokens->validate(authorization.mid(7).trimmed());
    if (!authorization.toLower().startsWith("bearer ") || v.status != TokenIssuer::Status::Valid) {
        exchange.respond(armError(401, u"InvalidAuthenticationToken"_s, u"The access token is invalid."_s));
        return;
    }
    const QString tenantId = v.claims.value(u"tid"_s).toString();
    QJsonArray value;
    for (const ScenarioTenant &t : m_scenario->tenants) {
        if (t.id != tenantId)
            continue;
        value.append(QJsonObject {{u"id"_s, QString(u"/tenants/"_s + t.id)},
                                  {u"tenantId"_s, t.id},
                                  {u"tenantCategory"_s, u"Home"_s},
                                  {u"displayName"_s, t.domains.value(0, t.id)},
                                  {u"defaultDomain"_s, t.domains.value(0)},
                                  {u"domains"_s, QJsonArray::fromStringList(t.domains)}});
    }
    exchange.respond(HttpResponse::json(200, QJsonDocument(QJsonObject {{u"value"_s, value}})));
}

} // namespace Amo::Sandbox
