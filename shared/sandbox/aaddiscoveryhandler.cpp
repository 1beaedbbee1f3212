// SPDX-License-Identifier: MIT
#include "shared/sandbox/aaddiscoveryhandler.h"

#include "shared/sandbox/aadhandler.h"
#include "shared/sandbox/scenario.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

AadDiscoveryHandler::AadDiscoveryHandler(const Scenario *scenario)
    : m_scenario(scenario)
{
}

bool AadDiscoveryHandler::handle(const HttpRequest &request, HttpExchange &exchange)
{
    static const QRegularExpression route(u"^/([^/]+)/(v2\\.0/)?\\.well-known/openid-configuration$"_s);
    if (request.path == u"/common/discovery/instance"_s) {
        exchange.setRoutePattern(request.path);
        exchange.respond(HttpResponse::json(200, QJsonDocument(instanceDiscovery())));
        return true;
    }
    const auto match = route.match(request.path);
    if (!match.hasMatch())
        return false;
    const bool v2 = !match.captured(2).isEmpty();
    const QString tenantText = match.captured(1);
    const bool adfs = tenantText.compare(u"adfs"_s, Qt::CaseInsensitive) == 0;
    exchange.setRoutePattern(adfs     ? u"/adfs/.well-known/openid-configuration"_s
                                 : v2 ? u"/{tenant}/v2.0/.well-known/openid-configuration"_s
                                      : u"/{tenant}/.well-known/openid-configuration"_s);
    QString tenantId = tenantText;
    if (!adfs && tenantText != u"common"_s && tenantText != u"organizations"_s && tenantText != u"consumers"_s) {
        const ScenarioTenant *tenant = m_scenario->tenant(tenantText);
        if (!tenant) {
            // what Entra ID answers for an unknown tenant
            exchange.respond(AadHandler::error(400, u"invalid_tenant"_s, 90002,
                                               u"Tenant '%1' not found. Check to make sure you have the correct "
                                               "tenant ID and are signing into the correct cloud."_s.arg(tenantText)));
            return true;
        }
        tenantId = tenant->id;
    }
    exchange.respond(HttpResponse::json(200, QJsonDocument(openIdConfiguration(tenantId, v2, adfs))));
    return true;
}

QJsonObject AadDiscoveryHandler::openIdConfiguration(const QString &tenantId, bool v2, bool adfs) const
{
    const QString base = m_baseUrl.toString(QUrl::StripTrailingSlash);
    const QString authority = base + u'/' + tenantId;
    if (adfs) {
        // AD FS (Azure Stack Hub): one authority, no tenant in the paths, v1-style endpoints
        return QJsonObject {
            {u"issuer"_s, authority},
            {u"authorization_endpoint"_s, QString(authority + u"/oauth2/authorize"_s)},
            {u"token_endpoint"_s, QString(authority + u"/oauth2/token"_s)},
            {u"jwks_uri"_s, QString(authority + u"/discovery/keys"_s)},
            {u"end_session_endpoint"_s, QString(authority + u"/oauth2/logout"_s)},
            {u"response_types_supported"_s, QJsonArray {u"code"_s, u"id_token"_s, u"token"_s}},
            {u"grant_types_supported"_s,
             QJsonArray {u"authorization_code"_s, u"refresh_token"_s, u"client_credentials"_s, u"password"_s}},
            {u"subject_types_supported"_s, QJsonArray {u"pairwise"_s}},
            {u"id_token_signing_alg_values_supported"_s, QJsonArray {u"RS256"_s}},
            {u"access_token_issuer"_s, QString(authority + u"/services/trust"_s)}};
    }
    const QString prefix = v2 ? u"/oauth2/v2.0/"_s : u"/oauth2/"_s;
    QJsonObject doc {
        {u"token_endpoint"_s, QString(authority + prefix + u"token"_s)},
        {u"token_endpoint_auth_methods_supported"_s,
         QJsonArray {u"client_secret_post"_s, u"private_key_jwt"_s, u"client_secret_basic"_s}},
        {u"jwks_uri"_s, QString(base + u'/' + tenantId + (v2 ? u"/discovery/v2.0/keys"_s : u"/discovery/keys"_s))},
        {u"response_modes_supported"_s, QJsonArray {u"query"_s, u"fragment"_s, u"form_post"_s}},
        {u"subject_types_supported"_s, QJsonArray {u"pairwise"_s}},
        {u"id_token_signing_alg_values_supported"_s, QJsonArray {u"RS256"_s}},
        {u"response_types_supported"_s, QJsonArray {u"code"_s, u"id_token"_s, u"code id_token"_s, u"id_token token"_s}},
        {u"scopes_supported"_s, QJsonArray {u"openid"_s, u"profile"_s, u"email"_s, u"offline_access"_s}},
        // the v2 issuer keeps the literal "{tenantid}" for the multi-tenant authorities, as Entra ID does
        {u"issuer"_s, v2 ? QString(authority + u"/v2.0"_s) : u"https://sts.windows.net/%1/"_s.arg(tenantId)},
        {u"request_uri_parameter_supported"_s, false},
        {u"userinfo_endpoint"_s, QString(base + u"/oidc/userinfo"_s)},
        {u"authorization_endpoint"_s, QString(authority + prefix + u"authorize"_s)},
        {u"device_authorization_endpoint"_s, QString(authority + prefix + u"devicecode"_s)},
        {u"http_logout_supported"_s, true},
        {u"frontchannel_logout_supported"_s, true},
        {u"end_session_endpoint"_s, QString(authority + prefix + u"logout"_s)},
        {u"claims_supported"_s, QJsonArray {u"sub"_s, u"iss"_s, u"aud"_s, u"exp"_s, u"iat"_s, u"oid"_s, u"tid"_s}},
        {u"tenant_region_scope"_s, u"EU"_s},
        {u"cloud_instance_name"_s, m_baseUrl.host()},
        {u"cloud_graph_host_name"_s, m_baseUrl.host()},
        {u"msgraph_host"_s, m_baseUrl.host()},
        {u"rbac_url"_s, base}};
    if (!v2)
        doc.insert(u"microsoft_multi_refresh_token"_s, true);
    return doc;
}

QJsonObject AadDiscoveryHandler::instanceDiscovery() const
{
    // the shape login.microsoftonline.com answers: this host is its own, only alias
    const QString host = m_baseUrl.authority();
    return QJsonObject {
        {u"tenant_discovery_endpoint"_s,
         QString(m_baseUrl.toString(QUrl::StripTrailingSlash) + u"/common/v2.0/.well-known/openid-configuration"_s)},
        {u"api-version"_s, u"1.1"_s},
        {u"metadata"_s,
         QJsonArray {QJsonObject {
             {u"preferred_network"_s, host}, {u"preferred_cache"_s, host}, {u"aliases"_s, QJsonArray {host}}}}}};
}

} // namespace Amo::Sandbox
