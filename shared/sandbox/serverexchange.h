// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/httpexchange.h"

#include <QElapsedTimer>
#include <QPointer>

namespace Amo::Sandbox {

class HttpConnection;

/** HttpServer's HttpExchange: one request, answered once, through its connection. */
class ServerExchange final : public HttpExchange
{
public:
    ServerExchange(HttpConnection *connection, HttpRequest request, FaultDecision faults);

    void respond(const HttpResponse &response) override;
    HttpStream *openStream(int status, const HeaderList &headers) override;
    void setRoutePattern(const QString &pattern) override { m_route = pattern; }

    const HttpRequest &request() const { return m_request; }
    QString route() const { return m_route.isEmpty() ? m_request.path : m_route; }
    const FaultDecision &faults() const { return m_faults; }
    qint64 elapsedMs() const { return m_timer.elapsed(); }
    bool answered() const { return m_answered; }
    void markAnswered() { m_answered = true; }
    /** The connection went away; later answers are dropped. */
    void detach() { m_connection.clear(); }

private:
    QPointer<HttpConnection> m_connection;
    HttpRequest m_request;
    FaultDecision m_faults;
    QString m_route;
    QElapsedTimer m_timer;
    bool m_answered = false;
};

} // namespace Amo::Sandbox
