// SPDX-License-Identifier: MIT
#include "watchjob.h"

#include "authenticator.h"
#include "flowcontrol.h"
#include "kubeclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

WatchJob::WatchJob(KubeClient *client, Resource resource, const QString &ns, const WatchOptions &options,
                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_resource(resource)
    , m_ns(ns)
    , m_options(options)
{
    if (m_options.timeoutSeconds <= 0) // spread reconnects of many agents, as client-go does
        m_options.timeoutSeconds = 300 + int(QRandomGenerator::global()->bounded(300));
    if (m_options.stallTimeoutMs <= 0)
        m_options.stallTimeoutMs = (m_options.timeoutSeconds + 30) * 1000;
    m_result.lastResourceVersion = m_options.resourceVersion;
    m_stall.setSingleShot(true);
    connect(&m_stall, &QTimer::timeout, this, &WatchJob::onStalled);
}

WatchJob::~WatchJob()
{
    stop();
}

void WatchJob::start()
{
    m_client->flow().acquire(this, false, [this] {
        m_client->authenticator().credentials(this, [this](const Credentials &credentials, const KubeError &error) {
            if (error)
                finish(error);
            else
                send(credentials);
        });
    });
}

void WatchJob::stop()
{
    m_done = true;
    m_stall.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void WatchJob::send(const Credentials &credentials)
{
    QUrlQuery query;
    query.addQueryItem(u"watch"_s, u"1"_s);
    if (!m_options.resourceVersion.isEmpty())
        query.addQueryItem(u"resourceVersion"_s, m_options.resourceVersion);
    if (m_options.bookmarks)
        query.addQueryItem(u"allowWatchBookmarks"_s, u"true"_s);
    query.addQueryItem(u"timeoutSeconds"_s, QString::number(m_options.timeoutSeconds));
    if (!m_options.labelSelector.isEmpty())
        query.addQueryItem(u"labelSelector"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_options.labelSelector)));
    if (!m_options.fieldSelector.isEmpty())
        query.addQueryItem(u"fieldSelector"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_options.fieldSelector)));
    const QUrl url = m_client->url(ResourceInfo::of(m_resource).path(m_ns), query);
    m_elapsed.start();
    m_reply = m_client->network()->get(m_client->makeRequest(url, credentials, {}));
    connect(m_reply, &QNetworkReply::readyRead, this, &WatchJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &WatchJob::onReplyFinished);
    // Until the headers arrive the ordinary request timeout applies.
    m_stall.start(m_client->options().requestTimeoutMs);
}

void WatchJob::onReadyRead()
{
    if (!m_reply)
        return;
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status != 200)
        return; // an error body is read whole when the reply finishes
    m_stall.start(m_options.stallTimeoutMs);
    const QList<WatchEvent> events = m_parser.feed(m_reply->readAll());
    for (const WatchEvent &e : events) {
        if (m_done)
            return;
        if (e.type == WatchEvent::Type::Error) {
            finish(KubeError::fromStatus(e.object));
            return;
        }
        if (!e.resourceVersion.isEmpty())
            m_result.lastResourceVersion = e.resourceVersion;
        ++m_result.events;
        Q_EMIT event(e);
    }
    if (!m_parser.error().isEmpty())
        finish(KubeError::make(KubeError::Type::BadResponse, m_parser.error()));
}

void WatchJob::onReplyFinished()
{
    if (!m_reply || m_done)
        return;
    QNetworkReply *reply = m_reply;
    if (reply->bytesAvailable() > 0 && m_status == 200)
        onReadyRead();
    if (m_done)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    if (status != 0 && status != 200) {
        if (status == 401)
            m_client->authenticator().invalidate();
        finish(KubeError::fromResponse(status, reply->readAll(), reply->rawHeader("Retry-After")));
    } else if (status == 0 || (error != QNetworkReply::NoError && (error < 200 || error > 300))) {
        finish(KubeError::transport(error, u"watch stream broke: "_s + reply->errorString()));
    } else if (m_parser.hasPartialEvent()) {
        finish(KubeError::make(KubeError::Type::Network, u"watch stream ended in the middle of an event"_s));
    } else {
        finish({});
    }
}

void WatchJob::onStalled()
{
    finish(KubeError::make(
        KubeError::Type::Timeout,
        u"watch of %1 stalled: no data for %2 ms"_s.arg(ResourceInfo::of(m_resource).plural).arg(m_stall.interval())));
}

void WatchJob::finish(const KubeError &error)
{
    if (m_done)
        return;
    const int status = m_status ? m_status : error.httpStatus;
    stop();
    m_client->record("WATCH", m_resource, status, m_elapsed.isValid() ? m_elapsed.elapsed() / 1000.0 : 0.0);
    m_result.error = error;
    Q_EMIT finished(m_result);
    deleteLater();
}

} // namespace Amo::Kube
