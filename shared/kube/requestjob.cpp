// SPDX-License-Identifier: MIT
#include "requestjob.h"

#include "authenticator.h"
#include "flowcontrol.h"
#include "kubeclient.h"

#include "shared/util/backoff.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

namespace {

bool isTransportFailure(QNetworkReply::NetworkError error)
{
    // 1–199: connection and proxy errors; 301–399: protocol errors. 2xx/4xx codes mirror HTTP statuses.
    return error != QNetworkReply::NoError && (error < 200 || (error > 300 && error < 400));
}

} // namespace

RequestJob::RequestJob(KubeClient *client, const QByteArray &verb, Resource resource, const QString &ns,
                       const QString &name, const QUrlQuery &query, const QByteArray &body,
                       const QByteArray &contentType, Retry retry, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_verb(verb)
    , m_resource(resource)
    , m_ns(ns)
    , m_name(name)
    , m_query(query)
    , m_body(body)
    , m_contentType(contentType)
    , m_retry(retry)
    , m_timeoutMs(client->options().requestTimeoutMs)
    , m_maxRetries(client->options().maxRetries)
{
    m_timer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RequestJob::onTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &RequestJob::attempt);
}

RequestJob::~RequestJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_holdsSlot)
        m_client->flow().release();
}

void RequestJob::start()
{
    attempt();
}

void RequestJob::attempt()
{
    ++m_attempts;
    m_client->flow().acquire(this, true, [this] {
        m_holdsSlot = true;
        m_client->authenticator().credentials(this, [this](const Credentials &credentials, const KubeError &error) {
            if (error) {
                KubeResponse r;
                r.error = error;
                r.attempts = m_attempts;
                finish(r);
                return;
            }
            send(credentials);
        });
    });
}

void RequestJob::send(const Credentials &credentials)
{
    const QString path = m_path.isEmpty() ? ResourceInfo::of(m_resource).path(m_ns, m_name) : m_path;
    const QNetworkRequest request = m_client->makeRequest(m_client->url(path, m_query), credentials, m_contentType);
    m_latency.start();
    m_reply = m_client->network()->sendCustomRequest(request, m_verb, m_body);
    connect(m_reply, &QNetworkReply::finished, this, &RequestJob::onReplyFinished);
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
}

void RequestJob::onTimeout()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    m_reply = nullptr;
    m_client->record(m_verb, m_resource, 0, m_latency.elapsed() / 1000.0);
    if (m_holdsSlot) {
        m_holdsSlot = false;
        m_client->flow().release();
    }
    handleFailure(KubeError::make(
        KubeError::Type::Timeout,
        u"%1 %2 timed out after %3 ms"_s.arg(QString::fromLatin1(m_verb), ResourceInfo::of(m_resource).plural)
            .arg(m_timeoutMs)));
}

void RequestJob::onReplyFinished()
{
    m_timer.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (m_holdsSlot) {
        m_holdsSlot = false;
        m_client->flow().release();
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    m_client->record(m_verb, m_resource, isTransportFailure(reply->error()) ? 0 : status, m_latency.elapsed() / 1000.0);
    if (isTransportFailure(reply->error()) || status == 0) {
        handleFailure(KubeError::transport(reply->error(), reply->errorString()));
        return;
    }
    if (status >= 200 && status < 300) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (!doc.isObject()) {
            handleFailure(KubeError::make(
                KubeError::Type::BadResponse,
                u"the server answered HTTP %1 with a body that is not a JSON object: \"%2\""_s.arg(status).arg(
                    KubeError::excerpt(body))));
            return;
        }
        KubeResponse r;
        r.httpStatus = status;
        r.object = doc.object();
        r.attempts = m_attempts;
        r.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
        finish(r);
        return;
    }
    if (status == 401 && !m_reauthenticated) {
        // Tokens rotate and plugins' credentials expire early; ask for fresh ones once.
        m_reauthenticated = true;
        m_client->authenticator().invalidate();
        attempt();
        return;
    }
    handleFailure(KubeError::fromResponse(status, body, reply->rawHeader("Retry-After")));
}

bool RequestJob::isRetryable(const KubeError &error)
{
    switch (error.type) {
    case KubeError::Type::Network:
        return error.network != QNetworkReply::SslHandshakeFailedError;
    case KubeError::Type::Timeout:
    case KubeError::Type::BadResponse:
    case KubeError::Type::TooManyRequests:
    case KubeError::Type::InternalError:
    case KubeError::Type::ServiceUnavailable:
    case KubeError::Type::ServerTimeout:
        return true;
    default:
        return error.httpStatus == 502 || (error.httpStatus >= 500 && error.retryAfterSeconds >= 0);
    }
}

bool RequestJob::outcomeUnknown(const KubeError &error)
{
    if (error.type == KubeError::Type::Network)
        return error.network != QNetworkReply::ConnectionRefusedError
            && error.network != QNetworkReply::HostNotFoundError
            && error.network != QNetworkReply::SslHandshakeFailedError;
    return error.type != KubeError::Type::TooManyRequests && isRetryable(error);
}

void RequestJob::handleFailure(const KubeError &error)
{
    if (m_retry == Retry::CheckFirst && outcomeUnknown(error)) {
        verifyCreate(error);
        return;
    }
    const bool rejectedUnprocessed = error.type == KubeError::Type::TooManyRequests
        || (error.type == KubeError::Type::Network && !outcomeUnknown(error));
    if ((m_retry == Retry::Safe && isRetryable(error)) || rejectedUnprocessed) {
        retryLater(error);
        return;
    }
    KubeResponse r;
    r.error = error;
    r.httpStatus = error.httpStatus;
    r.attempts = m_attempts;
    finish(r);
}

void RequestJob::retryLater(const KubeError &error)
{
    const ClientOptions &o = m_client->options();
    if (m_attempts > m_maxRetries) {
        KubeResponse r;
        r.error = error;
        r.httpStatus = error.httpStatus;
        r.attempts = m_attempts;
        finish(r);
        return;
    }
    qint64 delayMs;
    if (error.retryAfterSeconds >= 0) {
        delayMs = qint64(qMin(error.retryAfterSeconds, o.maxRetryAfterSeconds)) * 1000;
    } else {
        delayMs = Backoff {o.backoffBaseMs, o.backoffCapMs}.delayMs(m_attempts - 1);
    }
    m_retryTimer.start(int(delayMs));
}

void RequestJob::verifyCreate(const KubeError &error)
{
    const QString name
        = QJsonDocument::fromJson(m_body).object().value(u"metadata"_s).toObject().value(u"name"_s).toString();
    if (name.isEmpty() || m_attempts > m_maxRetries) {
        KubeResponse r;
        r.error = error;
        r.httpStatus = error.httpStatus;
        r.attempts = m_attempts;
        finish(r);
        return;
    }
    auto *check = new RequestJob(m_client, "GET", m_resource, m_ns, name, {}, {}, {}, Retry::Safe, this);
    connect(check, &RequestJob::finished, this, [this, error](const KubeResponse &found) {
        if (found.ok()) {
            KubeResponse r = found;
            r.attempts = m_attempts;
            r.createdBeforeUnknownOutcome = true;
            finish(r);
        } else if (found.error.type == KubeError::Type::NotFound) {
            retryLater(error);
        } else {
            KubeResponse r;
            r.error = error;
            r.attempts = m_attempts;
            finish(r);
        }
    });
    check->start();
}

void RequestJob::finish(const KubeResponse &response)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    m_retryTimer.stop();
    if (m_holdsSlot) {
        m_holdsSlot = false;
        m_client->flow().release();
    }
    Q_EMIT finished(response);
    deleteLater();
}

} // namespace Amo::Kube
