// SPDX-License-Identifier: MIT
#include "shared/sandbox/httpconnection.h"

#include "shared/sandbox/certificateauthority.h"
#include "shared/sandbox/chunkedstream.h"
#include "shared/sandbox/httpserver.h"
#include "shared/sandbox/serverexchange.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QSslSocket>
#include <QTimer>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

QByteArray httpDate()
{
    return QLocale::c().toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
}

bool isKubernetesPath(const QString &path)
{
    return path == u"/api"_s || path.startsWith(u"/api/"_s) || path == u"/apis"_s || path.startsWith(u"/apis/"_s);
}

// The body an injected error status carries: a Kubernetes Status on API-server paths, else ARM's shape.
HttpResponse faultResponse(const HttpRequest &request, const FaultRule &rule)
{
    const QString message = u"Injected by the sandbox (fault %1)."_s.arg(rule.id);
    HeaderList headers;
    if (rule.status == 429 || rule.status == 503)
        headers.append({"Retry-After", QByteArray::number(rule.retryAfterSeconds)});
    QString code = rule.status == 429 ? u"TooManyRequests"_s
        : rule.status == 503          ? u"ServiceUnavailable"_s
                                      : u"InternalServerError"_s;
    if (isKubernetesPath(request.path)) {
        return HttpResponse::json(rule.status,
                                  QJsonDocument(QJsonObject {{u"kind"_s, u"Status"_s},
                                                             {u"apiVersion"_s, u"v1"_s},
                                                             {u"metadata"_s, QJsonObject {}},
                                                             {u"status"_s, u"Failure"_s},
                                                             {u"message"_s, message},
                                                             {u"reason"_s, code},
                                                             {u"code"_s, rule.status}}),
                                  headers);
    }
    return HttpResponse::json(
        rule.status,
        QJsonDocument(QJsonObject {{u"error"_s, QJsonObject {{u"code"_s, code}, {u"message"_s, message}}}}), headers);
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer *server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
{
    socket->setParent(this);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        const QSslCertificate peer = ssl->peerCertificate();
        const CertificateAuthority *ca = server->certificateAuthority();
        if (!peer.isNull() && ca && ca->verify(peer.toDer())) {
            m_clientCommonName = peer.subjectInfo(QSslCertificate::CommonName).value(0);
            m_clientOrganizations = peer.subjectInfo(QSslCertificate::Organization);
        }
    }
    connect(socket, &QIODevice::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QAbstractSocket::disconnected, this, &HttpConnection::onDisconnected);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    if (m_exchange)
        m_exchange->detach();
    if (m_stream)
        m_stream->connectionLost();
}

void HttpConnection::shutdown()
{
    m_closing = true;
    if (m_stream)
        m_stream->connectionLost();
    m_socket->abort();
    deleteLater();
}

void HttpConnection::onReadyRead()
{
    m_buffer.append(m_socket->readAll());
    if (!m_busy && !m_closing)
        processBuffer();
}

void HttpConnection::onDisconnected()
{
    m_closing = true;
    if (m_exchange)
        m_exchange->detach();
    if (m_stream)
        m_stream->connectionLost();
    deleteLater();
}

void HttpConnection::processBuffer()
{
    if (m_busy || m_closing)
        return;
    const HttpRequestParser::Result result = m_parser.parse(m_buffer);
    if (result == HttpRequestParser::Result::Error) {
        sendError(m_parser.errorStatus(), m_parser.errorMessage());
        return;
    }
    if (result == HttpRequestParser::Result::NeedMore) {
        if (m_parser.wantsContinue()) {
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            m_parser.continueSent();
        }
        return;
    }
    m_keepAlive = m_parser.keepAlive();
    startRequest(m_parser.takeRequest());
}

void HttpConnection::startRequest(HttpRequest request)
{
    m_busy = true;
    request.clientCertificateCommonName = m_clientCommonName;
    request.clientCertificateOrganizations = m_clientOrganizations;
    FaultDecision decision;
    if (!m_server->isControlPath(request.path))
        decision = m_server->faults().decide(request.method, request.path, request.header("user-agent"));
    const int delay = decision.delayMs;
    m_exchange = std::make_unique<ServerExchange>(this, std::move(request), std::move(decision));
    ServerExchange *exchange = m_exchange.get();
    if (delay > 0)
        QTimer::singleShot(delay, this, [this, exchange] { runRequest(exchange); });
    else
        runRequest(exchange);
}

void HttpConnection::runRequest(ServerExchange *exchange)
{
    if (m_closing || exchange != m_exchange.get())
        return;
    const auto &action = exchange->faults().action;
    if (action && action->kind == FaultKind::Stall) {
        // never answered: the client has to give up on its own
        exchange->markAnswered();
        logExchange(exchange, 0, FaultRule::kindName(FaultKind::Stall));
        return;
    }
    if (action && action->kind == FaultKind::Status) {
        exchange->markAnswered();
        respond(exchange, faultResponse(exchange->request(), *action));
        return;
    }
    m_server->dispatch(exchange->request(), *exchange);
}

void HttpConnection::writeHead(int status, const HeaderList &headers, const QByteArray &framing)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Date: " + httpDate() + "\r\n";
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.toLower();
        if (lower == "content-length" || lower == "transfer-encoding" || lower == "connection")
            continue;
        head += name + ": " + value + "\r\n";
    }
    head += framing;
    if (!m_keepAlive)
        head += "Connection: close\r\n";
    head += "\r\n";
    m_socket->write(head);
}

void HttpConnection::respond(ServerExchange *exchange, const HttpResponse &response)
{
    if (m_closing || exchange != m_exchange.get())
        return;
    const auto &action = exchange->faults().action;
    const FaultKind kind = action ? action->kind : FaultKind::Latency;
    QByteArray body = exchange->request().method == "HEAD" ? QByteArray() : response.body;
    QString fault = action ? FaultRule::kindName(kind) : QString();

    if (kind == FaultKind::MalformedJson)
        body = body.left(body.size() / 2) + "<<sandbox: malformed";
    else if (kind == FaultKind::DropWatch)
        fault.clear(); // only streams can be dropped; a plain answer goes out unharmed

    writeHead(response.status, response.headers, "Content-Length: " + QByteArray::number(body.size()) + "\r\n");
    logExchange(exchange, response.status, fault);
    if (kind == FaultKind::Reset || kind == FaultKind::Truncate) {
        m_socket->write(body.left(body.size() / 2));
        if (kind == FaultKind::Reset) {
            resetConnection();
        } else {
            m_closing = true;
            m_socket->disconnectFromHost();
        }
        return;
    }
    m_socket->write(body);
    finishRequest();
}

HttpStream *HttpConnection::openStream(ServerExchange *exchange, int status, const HeaderList &headers)
{
    if (m_closing || exchange != m_exchange.get())
        return nullptr;
    const auto &action = exchange->faults().action;
    const bool drop = action && action->kind == FaultKind::DropWatch;
    writeHead(status, headers, "Transfer-Encoding: chunked\r\n");
    logExchange(exchange, status, drop ? FaultRule::kindName(FaultKind::DropWatch) : QString());
    m_stream = new ChunkedStream(this, drop ? action->dropAfterEvents : -1, drop ? action->dropAfterMs : -1);
    return m_stream;
}

void HttpConnection::writeChunk(const QByteArray &piece)
{
    if (m_closing)
        return;
    m_socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
}

void HttpConnection::endStream()
{
    if (m_closing)
        return;
    m_socket->write("0\r\n\r\n");
    m_stream.clear();
    finishRequest();
}

void HttpConnection::resetConnection()
{
    if (m_resetting)
        return;
    m_resetting = true;
    m_closing = true;
    m_socket->flush();
    auto *poll = new QTimer(this);
    auto pending = [this] {
        qint64 bytes = m_socket->bytesToWrite();
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
            bytes += ssl->encryptedBytesToWrite();
        return bytes;
    };
    int rounds = 0;
    auto tryReset = [this, poll, pending, rounds]() mutable {
        // give the written part up to a second to leave, then reset whatever remains
        if (pending() > 0 && ++rounds < 200) {
            m_socket->flush();
            return;
        }
        poll->stop();
        const qintptr fd = m_socket->socketDescriptor();
        if (fd >= 0) {
            const linger hardClose {1, 0}; // SO_LINGER 0 turns close() into an RST
            ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &hardClose, sizeof hardClose);
        }
        m_socket->abort();
        onDisconnected();
    };
    connect(poll, &QTimer::timeout, this, tryReset);
    poll->start(5);
}

void HttpConnection::logExchange(ServerExchange *exchange, int status, const QString &fault)
{
    const HttpRequest &r = exchange->request();
    QString faultText = fault;
    const FaultDecision &d = exchange->faults();
    if (faultText.isEmpty() && d.delayMs > 0)
        faultText = FaultRule::kindName(FaultKind::Latency);
    m_server->log(RequestLogEntry {QDateTime::currentDateTimeUtc(), r.method, r.path, exchange->route(), status,
                                   exchange->elapsedMs(), faultText, QString::fromLatin1(r.header("user-agent"))});
}

void HttpConnection::finishRequest()
{
    m_busy = false;
    if (!m_keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    // queued: the handler that answered may still be on the stack
    QMetaObject::invokeMethod(this, &HttpConnection::processBuffer, Qt::QueuedConnection);
}

void HttpConnection::sendError(int status, const QByteArray &message)
{
    m_keepAlive = false;
    const QByteArray body
        = QJsonDocument(
              QJsonObject {{u"error"_s,
                            QJsonObject {{u"code"_s, u"BadRequest"_s}, {u"message"_s, QString::fromLatin1(message)}}}})
              .toJson(QJsonDocument::Compact);
    writeHead(status, {{"Content-Type", "application/json"}},
              "Content-Length: " + QByteArray::number(body.size()) + "\r\n");
    m_socket->write(body);
    m_closing = true;
    m_socket->disconnectFromHost();
}

} // namespace Amo::Sandbox
