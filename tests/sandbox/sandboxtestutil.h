// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/httpexchange.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>

namespace SandboxTest {

/** What a finished (or failed) reply carried. */
struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    qint64 elapsedMs = 0;
    bool timedOut = false;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/** Runs one request through a real QNetworkAccessManager and waits (bounded) for it. */
inline Reply send(QNetworkAccessManager &nam, QNetworkRequest request, const QByteArray &verb = "GET",
                  const QByteArray &body = {}, int timeoutMs = 10000)
{
    request.setTransferTimeout(timeoutMs);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 2000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply r;
    r.timedOut = !reply->isFinished();
    if (r.timedOut)
        reply->abort();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    r.elapsedMs = timer.elapsed();
    reply->deleteLater();
    return r;
}

inline Reply get(QNetworkAccessManager &nam, const QUrl &url,
                 const QList<std::pair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkRequest request(url);
    for (const auto &[n, v] : headers)
        request.setRawHeader(n, v);
    return send(nam, request);
}

inline Reply postForm(QNetworkAccessManager &nam, const QUrl &url, const QUrlQuery &form)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    return send(nam, request, "POST", form.query(QUrl::FullyEncoded).toUtf8());
}

/** Writes raw bytes on a fresh socket and collects what comes back until `done` or the peer closes.
 *  The server runs in this thread, so this waits in an event loop, never in a blocking call. */
inline QByteArray rawExchange(quint16 port, const QByteArray &bytes,
                              const std::function<bool(const QByteArray &)> &done, int timeoutMs = 5000)
{
    QTcpSocket socket;
    QByteArray received;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(bytes); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        received += socket.readAll();
        if (done(received))
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    received += socket.readAll();
    return received;
}

/** An HttpHandler from a lambda. */
class FunctionHandler : public Amo::Sandbox::HttpHandler
{
public:
    using Fn = std::function<bool(const Amo::Sandbox::HttpRequest &, Amo::Sandbox::HttpExchange &)>;
    explicit FunctionHandler(Fn fn)
        : m_fn(std::move(fn))
    {
    }
    bool handle(const Amo::Sandbox::HttpRequest &r, Amo::Sandbox::HttpExchange &e) override { return m_fn(r, e); }

private:
    Fn m_fn;
};

} // namespace SandboxTest
