// SPDX-License-Identifier: MIT
#include "shared/azure/httpjob.h"

#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpResult::transportError() const
{
    if (timedOut)
        return u"no answer within %1 ms"_s.arg(elapsedMs);
    return errorString.isEmpty() ? u"network error %1"_s.arg(int(error)) : errorString;
}

HttpJob::HttpJob(QNetworkAccessManager *nam, const QNetworkRequest &request, const QByteArray &verb,
                 const QByteArray &body, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_request(request)
    , m_verb(verb)
    , m_body(body)
    , m_timeoutMs(timeoutMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpJob::onTimeout);
}

void HttpJob::start()
{
    m_elapsed.start();
    m_reply = m_nam->sendCustomRequest(m_request, m_verb, m_body);
    connect(m_reply, &QNetworkReply::finished, this, &HttpJob::onReplyFinished);
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
}

void HttpJob::onTimeout()
{
    m_timedOut = true;
    if (m_reply)
        m_reply->abort(); // finishes the reply with OperationCanceledError
}

void HttpJob::onReplyFinished()
{
    m_timer.stop();
    HttpResult result;
    QNetworkReply *reply = m_reply;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.timedOut = m_timedOut;
    result.elapsedMs = m_elapsed.elapsed();
    // a 2xx whose body broke off (reset, short Content-Length) is a transport failure, not an answer
    if (m_timedOut || (result.error != QNetworkReply::NoError && result.status >= 200 && result.status < 300))
        result.status = 0;
    reply->deleteLater();
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace Amo::Azure
