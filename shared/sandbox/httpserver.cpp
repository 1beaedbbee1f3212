// SPDX-License-Identifier: MIT
#include "shared/sandbox/httpserver.h"

#include "shared/sandbox/certificateauthority.h"
#include "shared/sandbox/httpconnection.h"

#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{
}

HttpServer::~HttpServer()
{
    close();
}

void HttpServer::enableTls(const CertificateAuthority *ca)
{
    m_ca = ca;
}

bool HttpServer::listen(quint16 port)
{
    close();
    if (m_ca) {
        auto *ssl = new QSslServer(this);
        const IssuedCertificate serverCert = m_ca->issueServerCertificate();
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(serverCert.certificate());
        config.setPrivateKey(serverCert.privateKey());
        config.setCaCertificates({m_ca->authority().certificate()});
        // ask for a client certificate but do not require one: token auth must still work;
        // the connection checks the certificate against our CA itself
        config.setPeerVerifyMode(QSslSocket::QueryPeer);
        ssl->setSslConfiguration(config);
        m_tcp = ssl;
    } else {
        m_tcp = new QTcpServer(this);
    }
    connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onPendingConnection);
    if (!m_tcp->listen(QHostAddress::LocalHost, port)) {
        m_error = m_tcp->errorString();
        delete m_tcp;
        m_tcp = nullptr;
        return false;
    }
    return true;
}

void HttpServer::close()
{
    if (!m_tcp)
        return;
    m_tcp->close();
    delete m_tcp;
    m_tcp = nullptr;
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *c : connections)
        c->shutdown();
}

bool HttpServer::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

quint16 HttpServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl HttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(isTls() ? u"https"_s : u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

void HttpServer::addHandler(HttpHandler *handler)
{
    if (handler && !m_handlers.contains(handler))
        m_handlers.append(handler);
}

void HttpServer::removeHandler(HttpHandler *handler)
{
    m_handlers.removeAll(handler);
}

int HttpServer::openConnections() const
{
    return int(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly).size());
}

void HttpServer::onPendingConnection()
{
    while (m_tcp && m_tcp->hasPendingConnections()) {
        QTcpSocket *socket = m_tcp->nextPendingConnection();
        if (socket)
            new HttpConnection(socket, this);
    }
}

void HttpServer::dispatch(const HttpRequest &request, HttpExchange &exchange)
{
    // copy: a handler may add or remove handlers while answering
    const QList<HttpHandler *> handlers = m_handlers;
    for (HttpHandler *handler : handlers) {
        if (handler->handle(request, exchange))
            return;
    }
    exchange.respond(HttpResponse::json(
        404,
        QJsonDocument(QJsonObject {{u"error"_s,
                                    QJsonObject {{u"code"_s, u"NotFound"_s},
                                                 {u"message"_s,
                                                  u"The sandbox serves no route for %1 %2."_s.arg(
                                                      QString::fromLatin1(request.method), request.path)}}}})));
}

void HttpServer::log(const RequestLogEntry &entry)
{
    if (isControlPath(entry.path))
        return;
    m_log.append(entry);
    Q_EMIT requestLogged(entry);
}

} // namespace Amo::Sandbox
