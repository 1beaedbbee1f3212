// SPDX-License-Identifier: MIT
#include "agent/metricsserver.h"

#include "agent/connectionguard.h"
#include "agent/watchedtcpserver.h"
#include "shared/metrics/registry.h"

#include <QHostInfo>
#include <QHttpServerRequest>
#include <QHttpServerResponder>

using namespace Qt::StringLiterals;

namespace Amo::Agent {

namespace {
using Status = QHttpServerResponder::StatusCode;

const QByteArray kTextPlain = QByteArrayLiteral("text/plain; charset=utf-8");
} // namespace

MetricsServer::MetricsServer(Metrics::Registry &registry, const HttpLimits &limits, QObject *parent)
    : MetricsServer([&registry] { return registry.exposition(); }, limits, parent)
{
}

MetricsServer::MetricsServer(Scrape scrape, const HttpLimits &limits, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_scrape(std::move(scrape))
    , m_limits(limits)
{
}

bool MetricsServer::parseBind(const QString &serverBind, QHostAddress *address, quint16 *port, QString *error)
{
    const auto fail = [error, &serverBind](const QString &why) {
        if (error)
            *error = u"--server.bind=%1: %2"_s.arg(serverBind, why);
        return false;
    };
    const qsizetype colon = serverBind.lastIndexOf(u':');
    if (colon < 0)
        return fail(u"expected [host]:port"_s);
    bool numeric = false;
    const uint number = serverBind.mid(colon + 1).toUInt(&numeric);
    if (!numeric || number > 65535)
        return fail(u"the port must be 0-65535"_s);
    *port = quint16(number);

    const QString host = serverBind.left(colon);
    if (host.isEmpty()) {
        *address = QHostAddress(QHostAddress::Any); // dual-stack where the host has IPv6
        return true;
    }
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        *address = QHostAddress(host.mid(1, host.size() - 2));
        return address->protocol() == QAbstractSocket::IPv6Protocol ? true : fail(u"not an IPv6 address"_s);
    }
    if (address->setAddress(host))
        return address->protocol() == QAbstractSocket::IPv4Protocol ? true : fail(u"IPv6 needs brackets"_s);
    // A host name: resolved once, at start-up, where a short blocking lookup does no harm.
    const QHostInfo info = QHostInfo::fromName(host);
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
        return fail(u"cannot resolve %1: %2"_s.arg(host, info.errorString()));
    *address = info.addresses().constFirst();
    return true;
}

bool MetricsServer::start(const QString &serverBind, QString *error)
{
    QHostAddress address;
    quint16 port = 0;
    if (!parseBind(serverBind, &address, &port, error))
        return false;
    auto *tcp = new WatchedTcpServer(m_limits, this);
    bool listening = tcp->listen(address, port);
    if (!listening && address == QHostAddress(QHostAddress::Any)) {
        // A host without IPv6 refuses the dual-stack socket; ":port" then means all IPv4 interfaces.
        address = QHostAddress(QHostAddress::AnyIPv4);
        listening = tcp->listen(address, port);
    }
    if (!listening) {
        if (error)
            *error = u"--server.bind=%1: %2"_s.arg(serverBind, tcp->errorString());
        delete tcp;
        return false;
    }
    connect(tcp, &WatchedTcpServer::connectionDropped, this, &MetricsServer::connectionDropped);
    bind(tcp);
    m_address = tcp->serverAddress();
    m_port = tcp->serverPort();
    return true;
}

void MetricsServer::setReady(bool ready, const QString &notReadyReason)
{
    const bool changed = ready != m_ready;
    m_ready = ready;
    m_notReadyReason = ready ? QString() : (notReadyReason.isEmpty() ? u"not ready"_s : notReadyReason);
    if (changed)
        Q_EMIT readinessChanged(ready);
}

bool MetricsServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    if (guard)
        guard->requestReceived();
    respond(request, socket);
    if (guard)
        guard->responseQueued();
    return true;
}

void MetricsServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QByteArrayLiteral("404 page not found\n"), kTextPlain, Status::NotFound);
}

void MetricsServer::respond(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    QHttpServerResponder responder = makeResponder(request, socket);
    if (path != "/metrics"_L1 && path != "/healthz"_L1 && path != "/readyz"_L1) {
        responder.write(QByteArrayLiteral("404 page not found\n"), kTextPlain, Status::NotFound);
        return;
    }
    const bool head = request.method() == QHttpServerRequest::Method::Head;
    if (!head && request.method() != QHttpServerRequest::Method::Get) {
        responder.write(QByteArrayLiteral("405 method not allowed\n"),
                        {{QByteArrayLiteral("Content-Type"), kTextPlain}, {QByteArrayLiteral("Allow"), "GET, HEAD"}},
                        Status::MethodNotAllowed);
        return;
    }
    QByteArray body = QByteArrayLiteral("ok");
    QByteArray contentType = kTextPlain;
    Status status = Status::Ok;
    if (path == "/metrics"_L1) {
        // A HEAD probe still renders, so that it tells the truth about whether a scrape would work.
        body = m_scrape();
        contentType = QByteArray(Metrics::Registry::contentType());
    } else if (path == "/readyz"_L1 && !m_ready) {
        body = u"not ready: %1\n"_s.arg(m_notReadyReason).toUtf8();
        status = Status::ServiceUnavailable;
    }
    // "/healthz" is answered by the event loop itself: reaching this line is the proof of life.
    // A HEAD answer carries the headers of the GET answer but no body (RFC 9110, section 9.3.2).
    responder.write(head ? QByteArray() : body, contentType, status);
}

} // namespace Amo::Agent
