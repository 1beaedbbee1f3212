// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/httpexchange.h"

#include <QPointer>

namespace Amo::Sandbox {

class HttpConnection;

/** HttpServer's HttpStream: chunked transfer coding, optionally dropped after N events or a delay. */
class ChunkedStream final : public HttpStream
{
    Q_OBJECT
public:
    ChunkedStream(HttpConnection *connection, int dropAfterEvents, int dropAfterMs);

    void write(const QByteArray &piece) override;
    void finish() override;
    void abort() override;

    bool isOpen() const { return m_open; }
    int events() const { return m_events; }
    /** The client closed the connection. */
    void connectionLost();

private:
    void close();

    QPointer<HttpConnection> m_connection;
    bool m_open = true;
    int m_events = 0;
    int m_dropAfterEvents;
};

} // namespace Amo::Sandbox
