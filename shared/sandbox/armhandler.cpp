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

ArmHandler::ArmHandler(Scenario *scenario, TokenIssuer *tokens, const Clock *clock)
    : m_scenario(scenario)
    , m_tokens(tokens)
    , m_throttle(clock)
    , m_writeThrottle(clock)
{
    m_writeThrottle.configure(200, 10);
}

QStringList ArmHandler::subscriptionApiVersions()
{
    // Microsoft.Resources/subscriptions as real ARM lists them in its InvalidApiVersionParameter answer
    return {u"2014-04-01"_s, u"2014-04-01-preview"_s, u"2015-01-01"_s, u"2015-11-01"_s, u"2016-02-01"_s,
            u"2016-06-01"_s, u"2016-09-01"_s,         u"2017-05-10"_s, u"2017-06-01"_s, u"2017-08-01"_s,
            u"2018-01-01"_s, u"2018-02-01"_s,         u"2018-05-01"_s, u"2018-06-01"_s, u"2018-07-01"_s,
            u"2018-08-01"_s, u"2018-09-01"_s,         u"2018-11-01"_s, u"2019-03-01"_s, u"2019-05-01"_s,
            u"2019-05-10"_s, u"2019-06-01"_s,         u"2019-07-01"_s, u"2019-08-01"_s, u"2019-10-01"_s,
            u"2019-11-01"_s, u"2020-01-01"_s,         u"2020-06-01"_s, u"2020-08-01"_s, u"2020-10-01"_s,
            u"2021-01-01"_s, u"2021-04-01"_s,         u"2022-01-01"_s, u"2022-09-01"_s, u"2022-12-01"_s,
            u"2023-07-01"_s, u"2024-03-01"_s,         u"2024-07-01"_s, u"2024-11-01"_s, u"2025-01-01"_s};
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
    // ARM matches paths case-insensitively (az and the SDKs spell resourceGroups differently)
    constexpr auto ci = QRegularExpression::CaseInsensitiveOption;
    static const QRegularExpression subscriptionRoute(u"^/subscriptions/([^/]+)/?$"_s, ci);
    static const QRegularExpression identityRoute(
        u"^/subscriptions/([^/]+)/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/?$"_s, ci);
    static const QRegularExpression groupRoute(
        u"^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.ManagedIdentity/"
        "userAssignedIdentities(?:/([^/]+))?/?$"_s,
        ci);
    static const QRegularExpression ficRoute(
        u"^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.ManagedIdentity/"
        "userAssignedIdentities/([^/]+)/federatedIdentityCredentials(?:/([^/]+))?/?$"_s,
        ci);
    const QString lower = request.path.toLower();
    if (lower != u"/subscriptions"_s && !lower.startsWith(u"/subscriptions/"_s))
        return false;

    Context context;
    const QByteArray correlation = request.header("x-ms-correlation-request-id");
    const QByteArray requestId = newId().toLatin1();
    context.headers = {
        {"x-ms-request-id", requestId},
        {"x-ms-correlation-request-id", correlation.isEmpty() ? newId().toLatin1() : correlation},
        // REGION:TIMESTAMP:ID, the region the request was served in
        {"x-ms-routing-request-id",
         "WESTEUROPE:" + QDateTime::currentDateTimeUtc().toString(u"yyyyMMddThhmmssZ"_s).toLatin1() + ':' + requestId}};
    if (request.header("x-ms-return-client-request-id").toLower() == "true"
        && !request.header("x-ms-client-request-id").isEmpty())
        context.headers.emplaceBack("x-ms-client-request-id", request.header("x-ms-client-request-id"));

    const auto subMatch = subscriptionRoute.match(request.path);
    const auto idMatch = identityRoute.match(request.path);
    const auto groupMatch = groupRoute.match(request.path);
    const auto ficMatch = ficRoute.match(request.path);
    const bool tenantScope = lower == u"/subscriptions"_s || lower == u"/subscriptions/"_s;
    if (tenantScope)
        exchange.setRoutePattern(u"/subscriptions"_s);
    else if (subMatch.hasMatch())
        exchange.setRoutePattern(u"/subscriptions/{subscriptionId}"_s);
    else if (idMatch.hasMatch())
        exchange.setRoutePattern(
            u"/subscriptions/{subscriptionId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities"_s);
    else if (groupMatch.hasMatch())
        exchange.setRoutePattern(groupMatch.captured(3).isEmpty()
                                     ? u"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                                       "Microsoft.ManagedIdentity/userAssignedIdentities"_s
                                     : u"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                                       "Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}"_s);
    else if (ficMatch.hasMatch())
        exchange.setRoutePattern(
            u"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
            "Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}/"
            "federatedIdentityCredentials"_s
            + (ficMatch.captured(4).isEmpty() ? QString() : u"/{federatedIdentityCredentialResourceName}"_s));
    else
        exchange.setRoutePattern(u"/subscriptions/{subscriptionId}/..."_s);

    if (!authenticate(request, exchange, context))
        return true;
    if (ficMatch.hasMatch()) {
        federatedCredentials(request, exchange, context,
                             FicTarget {ficMatch.captured(1), ficMatch.captured(2), ficMatch.captured(3),
                                        QUrl::fromPercentEncoding(ficMatch.captured(4).toUtf8())});
        return true;
    }

    const bool identities = idMatch.hasMatch() || groupMatch.hasMatch();
    if (!identities && !subMatch.hasMatch() && !tenantScope) {
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

    const QString subscriptionId = groupMatch.hasMatch() ? groupMatch.captured(1)
        : idMatch.hasMatch()                             ? idMatch.captured(1)
                                                         : subMatch.captured(1);
    if (!admit(exchange, context, tenantScope ? u"tenant:"_s + context.tenantId : subscriptionId, request.method))
        return true;

    if (tenantScope) {
        listSubscriptions(request, exchange, context);
        return true;
    }
    const ScenarioSubscription *sub
        = subscriptionFor(exchange, context, subscriptionId,
                          identities ? u"Microsoft.ManagedIdentity/userAssignedIdentities/read"_s
                                     : u"Microsoft.Resources/subscriptions/read"_s);
    if (!sub)
        return true;
    if (groupMatch.hasMatch())
        groupIdentities(request, exchange, context, sub->id, groupMatch.captured(2), groupMatch.captured(3));
    else if (identities)
        listIdentities(request, exchange, context, sub->id);
    else
        reply(exchange, context, 200, subscriptionJson(sub->id));
    return true;
}

bool ArmHandler::admit(HttpExchange &exchange, Context &context, const QString &scope, const QByteArray &method)
{
    const bool tenantScope = scope.startsWith(u"tenant:"_s);
    const bool write = method == "PUT" || method == "PATCH" || method == "POST";
    const bool remove = method == "DELETE";
    const QString kind = write ? u"write"_s : remove ? u"delete"_s : u"read"_s;
    ArmThrottle &bucket = write || remove ? m_writeThrottle : m_throttle;
    const ArmThrottle::Result budget = bucket.consume(scope, context.principal);
    const QByteArray suffix = kind.toLatin1() + 's';
    context.headers.emplaceBack(tenantScope ? QByteArray("x-ms-ratelimit-remaining-tenant-" + suffix)
                                            : QByteArray("x-ms-ratelimit-remaining-subscription-" + suffix),
                                QByteArray::number(budget.remaining));
    if (!tenantScope)
        context.headers.emplaceBack(QByteArray("x-ms-ratelimit-remaining-subscription-global-" + suffix),
                                    QByteArray::number(budget.globalRemaining));
    if (budget.allowed)
        return true;
    context.headers.emplaceBack("Retry-After", QByteArray::number(budget.retryAfterSeconds));
    fail(exchange, context, 429, u"SubscriptionRequestsThrottled"_s,
         u"Number of '%1' requests for subscription '%2' actor '%3' exceeded. Please try again after '%4' "
         "seconds after the last request."_s.arg(kind, tenantScope ? context.tenantId : scope, context.principal,
                                                 QString::number(budget.retryAfterSeconds)));
    return false;
}

const ScenarioSubscription *ArmHandler::subscriptionFor(HttpExchange &exchange, Context &context,
                                                        const QString &subscriptionId, const QString &action) const
{
    const ScenarioSubscription *sub = m_scenario->subscription(subscriptionId);
    if (!sub) {
        fail(exchange, context, 404, u"SubscriptionNotFound"_s,
             u"The subscription '%1' could not be found."_s.arg(subscriptionId));
        return nullptr;
    }
    if (sub->tenantId != context.tenantId) {
        // a subscription of another tenant: ARM names the issuer it wants
        const QString challenge = u"https://sts.windows.net/%1/"_s;
        fail(exchange, context, 401, u"InvalidAuthenticationTokenTenant"_s,
             u"The access token is from the wrong issuer '%1'. It must match the tenant '%2' associated with this "
             "subscription. Please use the authority (URL) '%3' to get the token. Note, if the subscription is "
             "transferred to another tenant there is no impact to the services, but information about new tenant "
             "could take time to propagate (up to an hour). If you just transferred your subscription and see this "
             "error message, please try back later."_s.arg(challenge.arg(context.tenantId),
                                                           challenge.arg(sub->tenantId),
                                                           m_baseUrl.toString() + u'/' + sub->tenantId));
        return nullptr;
    }
    if (sub->forbids(context.principal)) {
        fail(exchange, context, 403, u"AuthorizationFailed"_s,
             u"The client '%1' with object id '%1' does not have authorization to perform action '%2' over scope "
             "'/subscriptions/%3' or the scope is invalid. If access was recently granted, please refresh your "
             "credentials."_s.arg(context.principal, action, sub->id));
        return nullptr;
    }
    return sub;
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
        return reject(u"InvalidAuthenticationTokenAudience"_s,
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

QJsonObject ArmHandler::identityJson(const ScenarioMsi &m, const QString &apiVersion)
{
    QJsonObject properties {
        {u"tenantId"_s, m.tenantId}, {u"principalId"_s, m.principalId}, {u"clientId"_s, m.clientId}};
    if (apiVersion >= u"2024-11-30"_s)
        properties.insert(u"isolationScope"_s, u"None"_s);
    return QJsonObject {{u"id"_s, m.resourceId()},
                        {u"name"_s, m.name},
                        {u"type"_s, u"Microsoft.ManagedIdentity/userAssignedIdentities"_s},
                        {u"location"_s, m.location},
                        {u"tags"_s, m.tags},
                        {u"properties"_s, properties}};
}

void ArmHandler::listIdentities(const HttpRequest &request, HttpExchange &exchange, Context &context,
                                const QString &subscriptionId) const
{
    const QString apiVersion = request.query.queryItemValue(u"api-version"_s, QUrl::FullyDecoded);
    QJsonArray items;
    for (const ScenarioMsi &m : m_scenario->msisIn(subscriptionId))
        items.append(identityJson(m, apiVersion));
    QJsonObject body;
    if (page(request, exchange, context, items, &body))
        reply(exchange, context, 200, body);
}

void ArmHandler::groupIdentities(const HttpRequest &request, HttpExchange &exchange, Context &context,
                                 const QString &subscriptionId, const QString &group, const QString &name) const
{
    const QString apiVersion = request.query.queryItemValue(u"api-version"_s, QUrl::FullyDecoded);
    QJsonArray items;
    bool groupExists = false;
    for (const ScenarioMsi &m : m_scenario->msisIn(subscriptionId)) {
        if (m.resourceGroup.compare(group, Qt::CaseInsensitive) != 0)
            continue;
        groupExists = true;
        if (name.isEmpty()) {
            items.append(identityJson(m, apiVersion));
        } else if (m.name.compare(name, Qt::CaseInsensitive) == 0) {
            reply(exchange, context, 200, identityJson(m, apiVersion));
            return;
        }
    }
    // the sandbox knows a resource group only through the MSIs in it
    if (!groupExists) {
        fail(exchange, context, 404, u"ResourceGroupNotFound"_s,
             u"Resource group '%1' could not be found."_s.arg(group));
        return;
    }
    if (!name.isEmpty()) {
        fail(exchange, context, 404, u"ResourceNotFound"_s,
             u"The Resource 'Microsoft.ManagedIdentity/userAssignedIdentities/%1' under resource group '%2' was not "
             "found. For more details please go to https://aka.ms/ARMResourceNotFoundFix"_s.arg(name, group));
        return;
    }
    QJsonObject body;
    if (page(request, exchange, context, items, &body))
        reply(exchange, context, 200, body);
}

bool ArmHandler::page(const HttpRequest &request, HttpExchange &exchange, Context &context, const QJsonArray &items,
                      QJsonObject *body, qsizetype pageSize) const
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
    const qsizetype size = pageSize > 0 ? pageSize : m_scenario->armPageSize;
    QJsonArray value;
    for (qsizetype i = offset; i < std::min<qsizetype>(items.size(), offset + size); ++i)
        value.append(items.at(i));
    body->insert(u"value"_s, value);
    if (offset + size < items.size()) {
        QUrl next = m_baseUrl;
        next.setPath(request.path);
        QUrlQuery query;
        query.addQueryItem(u"api-version"_s, request.query.queryItemValue(u"api-version"_s, QUrl::FullyDecoded));
        if (request.query.hasQueryItem(u"$top"_s))
            query.addQueryItem(u"$top"_s, request.query.queryItemValue(u"$top"_s, QUrl::FullyDecoded));
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
