// SPDX-License-Identifier: MIT
#include "shared/sandbox/armhandler.h"

#include "shared/sandbox/scenario.h"
#include "shared/sandbox/tokenissuer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {
QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
QString normalisedAudience(QString aud)
{
    while (aud.endsWith(u'/'))
        aud.chop(1);
    return aud.toLower();
}
} // namespace

struct ArmHandler::Context
{
    HeaderList headers;
    QString principal;
    QString tenantId;
};

ArmHandler::ArmHandler(const Scenario *scenario, TokenIssuer *tokens, const Clock *clock)
    : m_scenario(scenario)
    , m_tokens(tokens)
    , m_throttle(clock)
{
}

QStringList ArmHandler::subscriptionApiVersions()
{
    return {u"2014-04-01"_s, u"2014-04-01-preview"_s, u"2015-01-01"_s, u"2016-06-01"_s, u"2018-06-01"_s,
            u"2019-06-01"_s, u"2019-11-01"_s,         u"2020-01-01"_s, u"2021-01-01"_s, u"2022-12-01"_s};
}

QStringList ArmHandler::identityApiVersions()
{
    return {u"2015-08-31-preview"_s, u"2018-11-30"_s,         u"2021-09-30-preview"_s, u"2022-01-31-preview"_s,
            u"2023-01-31"_s,         u"2023-07-31-preview"_s, u"2024-11-30"_s};
}

void ArmHandler::reply(HttpExchange &exchange, Context &context, int status, const QJsonObject &body) const
{
    context.headers.emplaceBack("Cache-Control", "no-cache");
    exchange.respond(HttpResponse::json(status, QJsonDocument(body), context.headers));
}

void ArmHandler::fail(HttpExchange &exchange, Context &context, int status, const QString &code,
                      const QString &message) const
{
    reply(exchange, context, status,
          QJsonObject {{u"error"_s, QJsonObject {{u"code"_s, code}, {u"message"_s, message}}}});
}

bool ArmHandler::handle(const HttpRequest &request, HttpExchange &exchange)
{
    static const QRegularExpression subscriptionRoute(u"^/subscriptions/([^/]+)/?$"_s);
    static const QRegularExpression identityRoute(
        u"^/subscriptions/([^/]+)/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (request.path != u"/subscriptions"_s && !request.path.startsWith(u"/subscriptions/"_s))
        return false;

    Context context;
    const QByteArray correlation = request.header("x-ms-correlation-request-id");
    context.headers = {{"x-ms-request-id", newId().toLatin1()},
                       {"x-ms-correlation-request-id", correlation.isEmpty() ? newId().toLatin1() : correlation}};
    if (request.header("x-ms-return-client-request-id").toLower() == "true"
        && !request.header("x-ms-client-request-id").isEmpty())
        context.headers.emplaceBack("x-ms-client-request-id", request.header("x-ms-client-request-id"));

    const auto subMatch = subscriptionRoute.match(request.path);
    const auto idMatch = identityRoute.match(request.path);
    if (request.path == u"/subscriptions"_s || request.path == u"/subscriptions/"_s)
        exchange.setRoutePattern(u"/subscriptions"_s);
    else if (subMatch.hasMatch())
        exchange.setRoutePattern(u"/subscriptions/{subscriptionId}"_s);
    else if (idMatch.hasMatch())
        exchange.setRoutePattern(
            u"/subscriptions/{subscriptionId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities"_s);
    else
        exchange.setRoutePattern(u"/subscriptions/{subscriptionId}/..."_s);

    if (!authenticate(request, exchange, context))
        return true;

    const bool identities = idMatch.hasMatch();
    if (!identities && !subMatch.hasMatch() && request.path != u"/subscriptions"_s
        && request.path != u"/subscriptions/"_s) {
        fail(exchange, context, 404, u"InvalidResourceType"_s,
             u"The sandbox does not serve resource path '%1'."_s.arg(request.path));
        return true;
    }
    if (request.method != "GET") {
        fail(exchange, context, 405, u"MethodNotAllowed"_s,
             u"The sandbox serves only reads on '%1'."_s.arg(request.path));
        return true;
    }

    const QString apiVersion = request.query.queryItemValue(u"api-version"_s, QUrl::FullyDecoded);
    if (apiVersion.isEmpty()) {
        fail(exchange, context, 400, u"MissingApiVersionParameter"_s,
             u"The api-version query parameter (?api-version=) is required for all requests."_s);
        return true;
    }
    if (identities && !identityApiVersions().contains(apiVersion, Qt::CaseInsensitive)) {
        fail(exchange, context, 400, u"NoRegisteredProviderFound"_s,
             u"No registered resource provider found for location 'westeurope' and API version '%1' for type "
             "'userAssignedIdentities'. The supported api-versions are '%2'. The supported locations are "
             "'eastus, westus, westeurope, northeurope'."_s.arg(apiVersion, identityApiVersions().join(u", "_s)));
        return true;
    }
    if (!identities && !subscriptionApiVersions().contains(apiVersion, Qt::CaseInsensitive)) {
        fail(exchange, context, 400, u"InvalidApiVersionParameter"_s,
             u"The api-version '%1' is invalid. The supported versions are '%2'. The supported locations are ''."_s.arg(
                 apiVersion, subscriptionApiVersions().join(u","_s)));
        return true;
    }

    const QString subscriptionId = identities ? idMatch.captured(1) : subMatch.captured(1);
    const bool tenantScope = subscriptionId.isEmpty();
    const ArmThrottle::Result budget
        = m_throttle.consume(tenantScope ? u"tenant:"_s + context.tenantId : subscriptionId, context.principal);
    context.headers.emplaceBack(tenantScope ? "x-ms-ratelimit-remaining-tenant-reads"
                                            : "x-ms-ratelimit-remaining-subscription-reads",
                                QByteArray::number(budget.remaining));
    if (!budget.allowed) {
        context.headers.emplaceBack("Retry-After", QByteArray::number(budget.retryAfterSeconds));
        fail(exchange, context, 429, u"SubscriptionRequestsThrottled"_s,
             u"Number of 'read' requests for subscription '%1' actor '%2' exceeded. Please try again after '%3' "
             "seconds after the last request."_s.arg(subscriptionId.isEmpty() ? context.tenantId : subscriptionId,
                                                     context.principal, QString::number(budget.retryAfterSeconds)));
        return true;
    }

    if (tenantScope) {
        listSubscriptions(request, exchange, context);
        return true;
    }
    const ScenarioSubscription *sub = m_scenario->subscription(subscriptionId);
    if (!sub || sub->tenantId != context.tenantId) {
        fail(exchange, context, 404, u"SubscriptionNotFound"_s,
             u"The subscription '%1' could not be found."_s.arg(subscriptionId));
        return true;
    }
    if (sub->forbids(context.principal)) {
        const QString action = identities ? u"Microsoft.ManagedIdentity/userAssignedIdentities/read"_s
                                          : u"Microsoft.Resources/subscriptions/read"_s;
        fail(exchange, context, 403, u"AuthorizationFailed"_s,
             u"The client '%1' with object id '%1' does not have authorization to perform action '%2' over scope "
             "'/subscriptions/%3' or the scope is invalid. If access was recently granted, please refresh your "
             "credentials."_s.arg(context.principal, action, sub->id));
        return true;
    }
    if (identities)
        listIdentities(request, exchange, context, sub->id);
    else
        reply(exchange, context, 200, subscriptionJson(sub->id));
    return true;
}

bool ArmHandler::audienceAccepted(const QString &audience) const
{
    const QString aud = normalisedAudience(audience);
    QStringList accepted {m_baseUrl.toString(), u"https://management.azure.com"_s,
                          u"https://management.core.windows.net"_s};
    QUrl viaLocalhost = m_baseUrl;
    viaLocalhost.setHost(u"localhost"_s);
    accepted.append(viaLocalhost.toString());
    accepted.append(m_scenario->armAudiences);
    for (const QString &a : std::as_const(accepted)) {
        if (normalisedAudience(a) == aud)
            return true;
    }
    return false;
}

bool ArmHandler::authenticate(const HttpRequest &request, HttpExchange &exchange, Context &context) const
{
    const QByteArray authorization = request.header("authorization");
    const QString defaultTenant = m_scenario->tenants.isEmpty() ? u"common"_s : m_scenario->tenants.first().id;
    auto reject = [&](const QString &code, const QString &message, const QString &tenant) {
        const QByteArray challenge = "Bearer authorization_uri=\"" + (m_baseUrl.toString() + u'/' + tenant).toLatin1()
            + "\", error=\"invalid_token\", error_description=\"" + message.toLatin1() + '"';
        context.headers.emplaceBack("WWW-Authenticate", challenge);
        fail(exchange, context, 401, code, message);
        return false;
    };
    if (!authorization.startsWith("Bearer ") && !authorization.startsWith("bearer "))
        return reject(u"AuthenticationFailed"_s, u"Authentication failed. The 'Authorization' header is missing."_s,
                      defaultTenant);
    const TokenIssuer::Validation v = m_tokens->validate(authorization.mid(7).trimmed());
    const QString tenant = v.claims.value(u"tid"_s).toString(defaultTenant);
    switch (v.status) {
    case TokenIssuer::Status::Malformed:
        return reject(u"InvalidAuthenticationToken"_s, u"The access token is invalid."_s, tenant);
    case TokenIssuer::Status::BadSignature:
        return reject(u"InvalidAuthenticationToken"_s,
                      u"The access token signature is invalid; it was not issued by this sandbox."_s, tenant);
    case TokenIssuer::Status::NotYetValid:
        return reject(u"InvalidAuthenticationToken"_s, u"The access token is not yet valid."_s, tenant);
    case TokenIssuer::Status::Expired:
        return reject(u"ExpiredAuthenticationToken"_s,
                      u"The access token expiry UTC time '%1' is earlier than current UTC time '%2'."_s.arg(
                          v.expiresOn.toString(Qt::ISODate), m_tokens->clock().nowUtc().toString(Qt::ISODate)),
                      tenant);
    case TokenIssuer::Status::Valid:
        break;
    }
    const QString aud = v.claims.value(u"aud"_s).toString();
    if (!audienceAccepted(aud))
        return reject(u"InvalidAuthenticationToken"_s,
                      u"The access token has been obtained for wrong audience or resource '%1'. It should exactly "
                      "match with one of the allowed audiences '%2', 'https://management.azure.com/', "
                      "'https://management.core.windows.net/'."_s.arg(aud, m_baseUrl.toString() + u'/'),
                      tenant);
    context.principal = v.claims.value(u"oid"_s).toString();
    context.tenantId = tenant;
    return true;
}

QJsonObject ArmHandler::subscriptionJson(const QString &id) const
{
    const ScenarioSubscription *s = m_scenario->subscription(id);
    return QJsonObject {{u"id"_s, QString(u"/subscriptions/"_s + s->id)},
                        {u"authorizationSource"_s, u"RoleBased"_s},
                        {u"managedByTenants"_s, QJsonArray()},
                        {u"subscriptionId"_s, s->id},
                        {u"tenantId"_s, s->tenantId},
                        {u"displayName"_s, s->displayName},
                        {u"state"_s, s->state},
                        {u"subscriptionPolicies"_s,
                         QJsonObject {{u"locationPlacementId"_s, u"Public_2014-09-01"_s},
                                      {u"quotaId"_s, u"PayAsYouGo_2014-09-01"_s},
                                      {u"spendingLimit"_s, u"Off"_s}}},
                        {u"tags"_s, s->tags}};
}

void ArmHandler::listSubscriptions(const HttpRequest &request, HttpExchange &exchange, Context &context) const
{
    QJsonArray items;
    for (const ScenarioSubscription &s : m_scenario->subscriptions) {
        if (s.tenantId == context.tenantId)
            items.append(subscriptionJson(s.id));
    }
    QJsonObject body;
    if (page(request, exchange, context, items, &body))
        reply(exchange, context, 200, body);
}

void ArmHandler::listIdentities(const HttpRequest &request, HttpExchange &exchange, Context &context,
                                const QString &subscriptionId) const
{
    const QString apiVersion = request.query.queryItemValue(u"api-version"_s, QUrl::FullyDecoded);
    QJsonArray items;
    for (const ScenarioMsi &m : m_scenario->msisIn(subscriptionId)) {
        QJsonObject properties {
            {u"tenantId"_s, m.tenantId}, {u"principalId"_s, m.principalId}, {u"clientId"_s, m.clientId}};
        if (apiVersion >= u"2024-11-30"_s)
            properties.insert(u"isolationScope"_s, u"None"_s);
        items.append(QJsonObject {{u"id"_s, m.resourceId()},
                                  {u"name"_s, m.name},
                                  {u"type"_s, u"Microsoft.ManagedIdentity/userAssignedIdentities"_s},
                                  {u"location"_s, m.location},
                                  {u"tags"_s, m.tags},
                                  {u"properties"_s, properties}});
    }
    QJsonObject body;
    if (page(request, exchange, context, items, &body))
        reply(exchange, context, 200, body);
}

bool ArmHandler::page(const HttpRequest &request, HttpExchange &exchange, Context &context, const QJsonArray &items,
                      QJsonObject *body) const
{
    qsizetype offset = 0;
    const QString skip = request.query.queryItemValue(u"$skiptoken"_s, QUrl::FullyDecoded);
    if (!skip.isEmpty()) {
        bool ok = false;
        offset = QByteArray::fromBase64(skip.toLatin1(), QByteArray::Base64UrlEncoding).toLongLong(&ok);
        if (!ok || offset < 0 || offset > items.size()) {
            fail(exchange, context, 400, u"InvalidSkipToken"_s, u"The skip token '%1' is not valid."_s.arg(skip));
            return false;
        }
    }
    const qsizetype size = m_scenario->armPageSize;
    QJsonArray value;
    for (qsizetype i = offset; i < std::min<qsizetype>(items.size(), offset + size); ++i)
        value.append(items.at(i));
    body->insert(u"value"_s, value);
    if (offset + size < items.size()) {
        QUrl next = m_baseUrl;
        next.setPath(request.path);
        QUrlQuery query;
        query.addQueryItem(u"api-version"_s, request.query.queryItemValue(u"api-version"_s, QUrl::FullyDecoded));
        query.addQueryItem(
            u"$skiptoken"_s,
            QString::fromLatin1(QByteArray::number(offset + size)
                                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        next.setQuery(query);
        body->insert(u"nextLink"_s, next.toString(QUrl::FullyEncoded));
    }
    return true;
}

} // namespace Amo::Sandbox
