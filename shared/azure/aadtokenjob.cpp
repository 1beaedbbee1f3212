// SPDX-License-Identifier: MIT
#include "shared/azure/aadtokenjob.h"

#include "shared/azure/httpjob.h"
#include "shared/azure/tokenresponse.h"
#include "shared/util/clock.h"
#include "shared/util/useragent.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

AadTokenJob::AadTokenJob(const AadEndpoint &endpoint, const QString &credential, FormBuilder form, QObject *parent)
    : TokenJob(parent)
    , m_endpoint(endpoint)
    , m_credential(credential)
    , m_form(std::move(form))
{
}

bool AadTokenJob::isValidTenant(const QString &tenantId)
{
    static const QRegularExpression valid(u"^[0-9a-zA-Z.-]+$"_s);
    return valid.match(tenantId).hasMatch();
}

QByteArray AadTokenJob::encode(const Form &form)
{
    QByteArray out;
    for (const auto &[key, value] : form) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

void AadTokenJob::start()
{
    if (!isValidTenant(m_endpoint.tenantId)) {
        finishLater(TokenResult::failure(m_credential, u"invalid tenant id \"%1\""_s.arg(m_endpoint.tenantId)));
        return;
    }
    send();
}

void AadTokenJob::send()
{
    const QUrl url = m_endpoint.tokenUrl();
    QString error;
    const std::optional<Form> form = m_form(url.toString(), &error);
    if (!form) {
        finishLater(TokenResult::failure(m_credential, error));
        return;
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setHeader(QNetworkRequest::UserAgentHeader, UserAgent::value());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    auto *job = new HttpJob(m_endpoint.nam, request, "POST"_ba, encode(*form), m_endpoint.timeoutMs, this);
    connect(job, &HttpJob::finished, this, &AadTokenJob::onAnswer);
    job->start();
}

void AadTokenJob::onAnswer(const HttpResult &http)
{
    const RetryPolicy &policy = m_endpoint.retry;
    // a 200 whose body broke off is as transient as no answer at all
    const bool broken = http.status == 200 && !QJsonDocument::fromJson(http.body).isObject();
    if ((http.status == 0 || broken || RetryPolicy::retryableStatus(http.status)) && m_retries < policy.maxRetries) {
        qint64 delay = policy.backoffMs(m_retries);
        if (const auto after = RetryPolicy::retryAfterMs(http.header("Retry-After"), m_endpoint.clock->nowUtc()))
            delay = std::min<qint64>(*after, policy.maxRetryAfterMs);
        ++m_retries;
        QTimer::singleShot(int(delay), this, &AadTokenJob::send);
        return;
    }
    TokenResult result = TokenResponse::fromHttp(http, m_credential, *m_endpoint.clock);
    if (!result.ok() && m_retries > 0)
        result.error += u" (after %1 attempts)"_s.arg(m_retries + 1);
    finish(result);
}

} // namespace Amo::Azure
