// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/httpexchange.h"
#include "shared/sandbox/requestlog.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QTcpServer;

namespace Amo::Sandbox {

class CertificateAuthority;

/**
 * A small HTTP/1.1 server on 127.0.0.1, written for a simulator: it owns the bytes on the wire,
 * so it can delay, cut, reset or stall any response (see FaultInjector) and keep watch streams
 * open. Requests go to the handlers in the order they were added; a 404 JSON answers the rest.
 * Requests under the control prefix ("/_sandbox/") are neither faulted nor logged.
 */
class HttpServer : public QObject
{
    Q_OBJECT
public:
    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    /** Serves HTTPS with a server certificate from ca and accepts client certificates it issued. Before listen(). */
    void enableTls(const CertificateAuthority *ca);
    bool isTls() const { return m_ca != nullptr; }
    const CertificateAuthority *certificateAuthority() const { return m_ca; }

    /** Listens on 127.0.0.1; port 0 picks a free one. */
    bool listen(quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 port() const;
    QString errorString() const { return m_error; }
    /** "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT", without a trailing slash. */
    QUrl baseUrl() const;

    /** Handlers are not owned and are asked in the order added. */
    void addHandler(HttpHandler *handler);
    void removeHandler(HttpHandler *handler);

    FaultInjector &faults() { return m_faults; }
    RequestLog &requestLog() { return m_log; }
    const RequestLog &requestLog() const { return m_log; }
    void setControlPrefix(const QString &prefix) { m_controlPrefix = prefix; }
    bool isControlPath(const QString &path) const { return path.startsWith(m_controlPrefix); }
    int openConnections() const;

    // For the connections.
    void dispatch(const HttpRequest &request, HttpExchange &exchange);
    void log(const RequestLogEntry &entry);

Q_SIGNALS:
    /** A request was logged (control requests excluded). */
    void requestLogged(const Amo::Sandbox::RequestLogEntry &entry);

private:
    void onPendingConnection();

    QTcpServer *m_tcp = nullptr;
    const CertificateAuthority *m_ca = nullptr;
    QList<HttpHandler *> m_handlers;
    FaultInjector m_faults;
    RequestLog m_log;
    QString m_controlPrefix = QStringLiteral("/_sandbox/");
    QString m_error;
};

} // namespace Amo::Sandbox
