// SPDX-License-Identifier: MIT
#pragma once

#include "agent/httplimits.h"

#include <QTcpServer>

namespace Amo::Agent {

/**
 * A QTcpServer that puts a ConnectionGuard on each accepted socket before handing it on, so the
 * HTTP server bound to it gets read and write timeouts and a size limit that QHttpServer lacks.
 */
class WatchedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    explicit WatchedTcpServer(const HttpLimits &limits, QObject *parent = nullptr);

Q_SIGNALS:
    /** A connection was cut because of a limit; see ConnectionGuard::dropped. */
    void connectionDropped(const QString &reason);

protected:
    void incomingConnection(qintptr handle) override;

private:
    HttpLimits m_limits;
};

} // namespace Amo::Agent
