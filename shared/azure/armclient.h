// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/cloudenvironment.h"
#include "shared/azure/retrypolicy.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

class QNetworkAccessManager;

namespace Amo {
class Clock;
class Logger;
} // namespace Amo

namespace Amo::Azure {

class ArmListJob;
class ArmRequestJob;
class ArmTracing;
class MsiInventoryJob;
class TokenCache;
struct HttpResult;

struct ArmClientOptions
{
    int timeoutMs = 10000; // per attempt: a stalled answer is retried (RetryPolicy) within seconds
    RetryPolicy retry;
    int parallelSubscriptions = 4; // subscriptions listed at the same time
    int maxPages = 10000; // a guard against nextLink loops
    QString subscriptionApiVersion = QStringLiteral("2022-12-01");
    QString identityApiVersion = QStringLiteral("2023-01-31");
};

/**
 * Azure Resource Manager reads for the operator. Every request carries a bearer token from the
 * TokenCache, User-Agent azure-msi-operator/VERSION, its own timeout and the retry rules of
 * RetryPolicy; a 401 makes it fetch one fresh token, then fail. Jobs are returned unstarted.
 */
class ArmClient : public QObject
{
    Q_OBJECT
public:
    ArmClient(QNetworkAccessManager *nam, const CloudEnvironment &cloud, TokenCache *tokens, const Clock &clock,
              const Logger &logger, const ArmClientOptions &options = {}, QObject *parent = nullptr);

    /** Metrics for every answer (may be null: no metrics). Not owned. */
    void setTracing(ArmTracing *tracing) { m_tracing = tracing; }

    /** {arm endpoint}{path}?api-version=… */
    QUrl url(const QString &path, const QString &apiVersion) const;
    ArmRequestJob *get(const QUrl &url, QObject *parent = nullptr);
    /** PUT of a JSON body (create or replace), retried like a GET: a PUT is idempotent. */
    ArmRequestJob *put(const QUrl &url, const QJsonObject &body, QObject *parent = nullptr);
    /** Follows every nextLink; an error on any page fails the whole list. */
    ArmListJob *list(const QUrl &firstPage, QObject *parent = nullptr);

    ArmListJob *listSubscriptions(QObject *parent = nullptr);
    /** …/userAssignedIdentities/{name}/federatedIdentityCredentials[/{name}] of the identity's ARM ID. */
    QUrl federatedCredentialsUrl(const QString &identityId, const QString &name = {}) const;
    ArmRequestJob *getSubscription(const QString &subscriptionId, QObject *parent = nullptr);
    ArmListJob *listUserAssignedIdentities(const QString &subscriptionId, QObject *parent = nullptr);
    /** Subscriptions (listed, or the given ones fetched) and their identities, in parallel. */
    MsiInventoryJob *listMsis(const QStringList &subscriptionIds, QObject *parent = nullptr);

    const CloudEnvironment &cloud() const { return m_cloud; }
    const ArmClientOptions &options() const { return m_options; }
    TokenCache *tokens() const { return m_tokens; }
    const Clock &clock() const { return m_clock; }
    const Logger &logger() const { return m_logger; }
    QNetworkAccessManager *network() const { return m_nam; }

    /** HTTP requests sent to ARM so far (every attempt counts). */
    int requestsSent() const { return m_requests; }
    /** Last value of each x-ms-ratelimit-remaining-* header, keyed by the part after the prefix. */
    QHash<QString, qint64> rateLimitRemaining() const { return m_remaining; }
    /** True when @p next may receive our token: same scheme, host and port as the ARM endpoint. */
    bool isArmUrl(const QUrl &next) const;

private:
    friend class ArmRequestJob;
    void onAnswer(const QByteArray &method, const QUrl &url, const QByteArray &token, const HttpResult &http);

    QNetworkAccessManager *m_nam;
    CloudEnvironment m_cloud;
    TokenCache *m_tokens;
    const Clock &m_clock;
    const Logger &m_logger;
    ArmClientOptions m_options;
    ArmTracing *m_tracing = nullptr;
    int m_requests = 0;
    QHash<QString, qint64> m_remaining;
};

} // namespace Amo::Azure
