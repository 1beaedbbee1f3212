// SPDX-License-Identifier: MIT
#pragma once

#include "agent/httplimits.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QString>

#include <functional>

namespace Amo::Metrics {
class Registry;
}

namespace Amo::Agent {

/**
 * The agent's HTTP endpoint: GET /metrics (text format 0.0.4), /healthz and /readyz; any other
 * path is 404 and any other method 405. Every connection is held to HttpLimits.
 *
 * /healthz answers from the event loop, so a 200 proves the loop is alive. /readyz is 503 with a
 * reason until someone calls setReady(true): the reconciler does once its caches have synced and
 * the first Azure listing succeeded (a standby once its caches are warm).
 */
class MetricsServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Scrape = std::function<QByteArray()>;

    explicit MetricsServer(Metrics::Registry &registry, const HttpLimits &limits = {}, QObject *parent = nullptr);
    /** Serves whatever @p scrape returns on /metrics. */
    MetricsServer(Scrape scrape, const HttpLimits &limits, QObject *parent = nullptr);

    /**
     * Listens on @p serverBind as --server.bind gives it: ":8080" (all interfaces, IPv6 and IPv4 where the
     * host has IPv6), "0.0.0.0:8080", "127.0.0.1:9000", "[::1]:8080" or "host:port". Port 0 picks
     * a free port; see port(). On failure returns false and sets @p error.
     */
    bool start(const QString &serverBind, QString *error = nullptr);
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }

    void setReady(bool ready, const QString &notReadyReason = QString());
    bool isReady() const { return m_ready; }
    QString notReadyReason() const { return m_notReadyReason; }

    /** Splits a --server.bind value; an empty host means all interfaces. Host names are resolved. */
    static bool parseBind(const QString &serverBind, QHostAddress *address, quint16 *port, QString *error);

Q_SIGNALS:
    /** A connection was cut because of a limit: "read timeout", "write timeout" or "request too large". */
    void connectionDropped(const QString &reason);
    void readinessChanged(bool ready);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void respond(const QHttpServerRequest &request, QTcpSocket *socket);

    Scrape m_scrape;
    HttpLimits m_limits;
    quint16 m_port = 0;
    QHostAddress m_address;
    bool m_ready = false;
    QString m_notReadyReason = QStringLiteral("starting");
};

} // namespace Amo::Agent
