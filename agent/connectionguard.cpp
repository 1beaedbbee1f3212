// SPDX-License-Identifier: MIT
#include "agent/connectionguard.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Amo::Agent {

namespace {
constexpr char kTooLarge[] = "HTTP/1.1 413 Payload Too Large\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\n"
                             "Content-Length: 18\r\n"
                             "Connection: close\r\n"
                             "\r\n"
                             "request too large\n";
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
{
    m_readTimer.setSingleShot(true);
    m_readTimer.setInterval(limits.readTimeout);
    m_writeTimer.setSingleShot(true);
    m_writeTimer.setInterval(limits.writeTimeout);
    connect(&m_readTimer, &QTimer::timeout, this, &ConnectionGuard::onReadTimeout);
    connect(&m_writeTimer, &QTimer::timeout, this, &ConnectionGuard::onWriteTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, &ConnectionGuard::onBytesWritten);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_state = State::Closing;
        m_readTimer.stop();
        m_writeTimer.stop();
    });
    startReading();
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void ConnectionGuard::startReading()
{
    m_state = State::Reading;
    m_received = 0;
    m_readTimer.start();
}

void ConnectionGuard::requestReceived()
{
    m_readTimer.stop();
    m_state = State::Handling;
    m_writeTimer.start();
}

void ConnectionGuard::responseQueued()
{
    if (m_state != State::Handling)
        return;
    m_state = State::Writing;
    onBytesWritten();
}

void ConnectionGuard::onReadyRead()
{
    if (m_state == State::Closing) {
        m_socket->readAll(); // nothing more gets parsed on a connection we are closing
        return;
    }
    // QHttpServer's parser drains the socket on each readyRead, and this slot runs first, so what is
    // available now is what arrived since the last call. Should the parser ever leave bytes behind,
    // they are counted twice, which errs on the safe side.
    m_received += m_socket->bytesAvailable();
    if (m_received <= m_limits.maxRequestBytes)
        return;
    m_state = State::Closing;
    m_readTimer.stop();
    m_socket->readAll(); // keep the oversized request away from the parser
    m_socket->write(kTooLarge, qint64(sizeof kTooLarge - 1));
    // A client that never reads its answer cannot hold the socket: the write timeout still applies.
    m_writeTimer.start();
    Q_EMIT dropped(u"request too large"_s);
    m_socket->disconnectFromHost();
}

void ConnectionGuard::onBytesWritten()
{
    if (m_state != State::Writing || m_socket->bytesToWrite() > 0)
        return;
    m_writeTimer.stop();
    ++m_served;
    startReading(); // keep-alive: the next request gets a full read timeout, and an idle one is closed
}

void ConnectionGuard::onReadTimeout()
{
    if (m_state != State::Reading)
        return;
    m_state = State::Closing;
    if (m_served > 0 && m_received == 0) {
        m_socket->disconnectFromHost(); // an idle keep-alive connection: closing it is routine
        return;
    }
    Q_EMIT dropped(u"read timeout"_s);
    m_socket->abort();
}

void ConnectionGuard::onWriteTimeout()
{
    const bool answering = m_state == State::Handling || m_state == State::Writing;
    m_state = State::Closing;
    if (answering)
        Q_EMIT dropped(u"write timeout"_s);
    m_socket->abort();
}

} // namespace Amo::Agent
