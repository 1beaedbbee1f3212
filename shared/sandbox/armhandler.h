// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/armthrottle.h"
#include "shared/sandbox/httpexchange.h"

#include <QUrl>

namespace Amo::Sandbox {

struct Scenario;
struct ScenarioMsi;
class TokenIssuer;

/**
 * Azure Resource Manager, read side: GET /subscriptions, GET /subscriptions/{id}, the
 * userAssignedIdentities list per subscription and per resource group and GET of one identity, with bearer-token
 * checks, api-version checks, nextLink paging, 403/404 per scenario, per subscription+principal read throttling and
 * ARM's tracing headers on every response.
 */
class ArmHandler final : public HttpHandler
{
public:
    ArmHandler(const Scenario *scenario, TokenIssuer *tokens, const Clock *clock = nullptr);
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    void configureThrottle(int budget, double refillPerSecond) { m_throttle.configure(budget, refillPerSecond); }
    void resetThrottle() { m_throttle.reset(); }
    bool handle(const HttpRequest &request, HttpExchange &exchange) override;

    static QStringList subscriptionApiVersions();
    static QStringList identityApiVersions();

private:
    struct Context;
    void reply(HttpExchange &exchange, Context &context, int status, const QJsonObject &body) const;
    void fail(HttpExchange &exchange, Context &context, int status, const QString &code, const QString &message) const;
    bool authenticate(const HttpRequest &request, HttpExchange &exchange, Context &context) const;
    bool audienceAccepted(const QString &audience) const;
    QJsonObject subscriptionJson(const QString &id) const;
    void listSubscriptions(const HttpRequest &request, HttpExchange &exchange, Context &context) const;
    void listIdentities(const HttpRequest &request, HttpExchange &exchange, Context &context,
                        const QString &subscriptionId) const;
    /** One resource group's identities, or the one named @p name (empty: the list). */
    void groupIdentities(const HttpRequest &request, HttpExchange &exchange, Context &context,
                         const QString &subscriptionId, const QString &group, const QString &name) const;
    static QJsonObject identityJson(const ScenarioMsi &m, const QString &apiVersion);
    /** One page of items plus a nextLink when more follow; false (after answering 400) for a bad skiptoken. */
    bool page(const HttpRequest &request, HttpExchange &exchange, Context &context, const QJsonArray &items,
              QJsonObject *body) const;

    const Scenario *m_scenario;
    TokenIssuer *m_tokens;
    ArmThrottle m_throttle;
    QUrl m_baseUrl;
};

} // namespace Amo::Sandbox
