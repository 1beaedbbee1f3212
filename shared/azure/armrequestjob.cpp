// SPDX-License-Identifier: MIT
#include "shared/azure/armrequestjob.h"

#include "shared/azure/armclient.h"
#include "shared/azure/armerror.h"
#include "shared/azure/httpjob.h"
#include "shared/azure/tokencache.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"
#include "shared/util/useragent.h"

#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

ArmRequestJob::ArmRequestJob(ArmClient *client, const QUrl &url, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_url(url)
{
}

ArmRequestJob::ArmRequestJob(ArmClient *client, const QByteArray &method, const QUrl &url, const QByteArray &body,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_url(url)
    , m_method(method)
    , m_body(body)
{
}

void ArmRequestJob::start()
{
    attempt();
}

void ArmRequestJob::attempt()
{
    if (!m_client) {
        QTimer::singleShot(0, this, [this] { done({false, 0, {}, {}, u"the ARM client was destroyed"_s, {}, 0}); });
        return;
    }
    TokenJob *job = m_client->tokens()->createJob(m_client->cloud().scope(), this);
    connect(job, &TokenJob::finished, this, &ArmRequestJob::onToken);
    job->start();
}

void ArmRequestJob::onToken(const TokenResult &result)
{
    if (!m_client)
        return done({false, 0, {}, {}, u"the ARM client was destroyed"_s, {}, m_attempts});
    if (!result.ok())
        return done({false, 0, {}, {}, u"cannot get an Azure token: "_s + result.error, {}, m_attempts});
    m_token = result.token.token;
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setRawHeader("Accept", "application/json");
    if (!m_body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, UserAgent::value());
    // a redirect must not carry our bearer token to another host
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    ++m_attempts;
    auto *job = new HttpJob(m_client->network(), request, m_method, m_body, m_client->options().timeoutMs, this);
    connect(job, &HttpJob::finished, this, &ArmRequestJob::onAnswer);
    job->start();
}

void ArmRequestJob::onAnswer(const HttpResult &http)
{
    if (!m_client)
        return done({false, http.status, {}, {}, u"the ARM client was destroyed"_s, {}, m_attempts});
    m_client->onAnswer(m_method, m_url, m_token, http);
    ArmResponse response {false, http.status, {}, ArmError::code(http), {}, http.header("x-ms-request-id"), m_attempts};
    const RetryPolicy &policy = m_client->options().retry;

    if (http.status >= 200 && http.status < 300) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(http.body, &parseError);
        if (doc.isObject()) {
            response.ok = true;
            response.body = doc.object();
            return done(response);
        }
        // a cut or garbled body is as transient as a dropped connection
        if (m_retries < policy.maxRetries)
            return retryAfter(policy.backoffMs(m_retries), u"unreadable JSON body: "_s + parseError.errorString());
        response.error = u"HTTP %1 with an unreadable JSON body (%2)"_s.arg(QString::number(http.status),
                                                                            parseError.errorString());
        return done(response);
    }
    if (http.status == 401 && !m_refreshedToken) {
        // the token may have expired or been revoked early: one fresh token, then give up
        m_refreshedToken = true;
        m_client->tokens()->invalidate(m_client->cloud().scope(), m_token);
        m_client->logger().info(u"ARM rejected the token; fetching a fresh one"_s,
                                {{u"url"_s, m_url.path()}, {u"code"_s, response.errorCode}});
        return attempt();
    }
    const bool transport = http.status == 0;
    if ((transport || RetryPolicy::retryableStatus(http.status)) && m_retries < policy.maxRetries) {
        std::optional<qint64> wait;
        if (http.status == 429 || http.status == 503)
            wait = RetryPolicy::retryAfterMs(http.header("Retry-After"), m_client->clock().nowUtc());
        const qint64 delay = wait ? std::min<qint64>(*wait, policy.maxRetryAfterMs) : policy.backoffMs(m_retries);
        return retryAfter(delay, ArmError::message(http));
    }
    response.error = ArmError::message(http);
    if (http.status == 401)
        response.error = u"ARM rejected a freshly issued token: "_s + response.error;
    done(response);
}

void ArmRequestJob::retryAfter(qint64 ms, const QString &why)
{
    ++m_retries;
    m_client->logger().debug(u"retrying ARM request"_s,
                             {{u"url"_s, m_url.path()},
                              {u"retry"_s, QString::number(m_retries)},
                              {u"delayMs"_s, QString::number(ms)},
                              {u"reason"_s, why}});
    QTimer::singleShot(std::chrono::milliseconds(ms), this, &ArmRequestJob::attempt);
}

void ArmRequestJob::done(const ArmResponse &response)
{
    Q_EMIT finished(response);
    deleteLater();
}

} // namespace Amo::Azure
