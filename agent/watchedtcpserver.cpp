// SPDX-License-Identifier: MIT
#include "agent/watchedtcpserver.h"

#include "agent/connectionguard.h"

#include <QTcpSocket>

namespace Amo::Agent {

WatchedTcpServer::WatchedTcpServer(const HttpLimits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

void WatchedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    // The guard connects to readyRead now; the HTTP server connects only when it takes the pending
    // connection, so the guard always sees incoming bytes first.
    auto *guard = new ConnectionGuard(socket, m_limits);
    connect(guard, &ConnectionGuard::dropped, this, &WatchedTcpServer::connectionDropped);
    addPendingConnection(socket);
}

} // namespace Amo::Agent
