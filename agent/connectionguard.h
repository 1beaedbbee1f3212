// SPDX-License-Identifier: MIT
#pragma once

#include "agent/httplimits.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace Amo::Agent {

/**
 * Watches one accepted socket for the HTTP server: the whole request must arrive within the read
 * timeout and stay under the size limit, and the response must be written within the write
 * timeout. A child of the socket, so it lives exactly as long as the connection.
 *
 * It must be attached before QHttpServer connects to the socket, so its readyRead slot sees every
 * chunk before the server's parser consumes it.
 */
class ConnectionGuard final : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits);

    /** The server has a complete request and is about to answer it: the write clock starts. */
    void requestReceived();
    /** The answer is in the socket's buffer; once it has left, the next request's read clock starts. */
    void responseQueued();

    static ConnectionGuard *of(QTcpSocket *socket);

Q_SIGNALS:
    /** The connection was cut because of a limit: "read timeout", "write timeout" or "request too large". */
    void dropped(const QString &reason);

private:
    enum class State { Reading, Handling, Writing, Closing };

    void onReadyRead();
    void onBytesWritten();
    void onReadTimeout();
    void onWriteTimeout();
    void startReading();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    State m_state = State::Reading;
    qint64 m_received = 0;
    int m_served = 0;
    QTimer m_readTimer;
    QTimer m_writeTimer;
};

} // namespace Amo::Agent
