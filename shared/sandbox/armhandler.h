// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/armthrottle.h"
#include "shared/sandbox/httpexchange.h"

#include <QUrl>

namespace Amo::Sandbox {

struct Scenario;
struct ScenarioFederatedCredential;
struct ScenarioMsi;
struct ScenarioSubscription;
class TokenIssuer;

/**
 * Azure Resource Manager, read side: GET /subscriptions, GET /subscriptions/{id}, the
 * userAssignedIdentities list per subscription and per resource group and GET of one identity, with bearer-token
 * checks, api-version checks, nextLink paging, 403/404 per scenario, per subscription+principal read throttling and
 * ARM's tracing headers on every response. Federated identity credentials under an identity are read and
 * written too (PUT, GET, LIST, DELETE), with ARM's write throttling.
 */
class ArmHandler final : public HttpHandler
{
public:
    ArmHandler(Scenario *scenario, TokenIssuer *tokens, const Clock *clock = nullptr);
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    void configureThrottle(int budget, double refillPerSecond) { m_throttle.configure(budget, refillPerSecond); }
    void configureWriteThrottle(int budget, double refillPerSecond)
    {
        m_writeThrottle.configure(budget, refillPerSecond);
    }
    void resetThrottle()
    {
        m_throttle.reset();
        m_writeThrottle.reset();
    }
    bool handle(const HttpRequest &request, HttpExchange &exchange) override;

    static QStringList subscriptionApiVersions();
    static QStringList identityApiVersions();
    /** The api-versions Microsoft.ManagedIdentity serves userAssignedIdentities/federatedIdentityCredentials in. */
    static QStringList federatedCredentialApiVersions();

private:
    struct Context
    {
        HeaderList headers;
        QString principal;
        QString tenantId;
    };
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
              QJsonObject *body, qsizetype pageSize = 0) const;
    /** The subscription when it exists, is the caller's tenant's and allows @p action; else answers and null. */
    const ScenarioSubscription *subscriptionFor(HttpExchange &exchange, Context &context, const QString &id,
                                                const QString &action) const;
    /** Takes one token from the read or write bucket; false after answering 429. */
    bool admit(HttpExchange &exchange, Context &context, const QString &subscriptionId, const QByteArray &method);

    // armfederatedcredentials.cpp
    struct FicTarget
    {
        QString subscriptionId;
        QString group;
        QString identity;
        QString name; // empty: the collection
    };
    void federatedCredentials(const HttpRequest &request, HttpExchange &exchange, Context &context,
                              const FicTarget &target);
    void putFederatedCredential(const HttpRequest &request, HttpExchange &exchange, Context &context,
                                ScenarioMsi &identity, const QString &name);
    void listFederatedCredentials(const HttpRequest &request, HttpExchange &exchange, Context &context,
                                  const ScenarioMsi &identity) const;
    static QJsonObject federatedCredentialJson(const ScenarioMsi &identity, const ScenarioFederatedCredential &fic);

    Scenario *m_scenario;
    TokenIssuer *m_tokens;
    ArmThrottle m_throttle;
    ArmThrottle m_writeThrottle; // writes and deletes: ARM's separate bucket
    QUrl m_baseUrl;
};

} // namespace Amo::Sandbox
