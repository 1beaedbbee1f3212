// SPDX-License-Identifier: MIT
#include "shared/sandbox/serverexchange.h"

#include "shared/sandbox/httpconnection.h"

#include <QDebug>

namespace Amo::Sandbox {

ServerExchange::ServerExchange(HttpConnection *connection, HttpRequest request, FaultDecision faults)
    : m_connection(connection)
    , m_request(std::move(request))
    , m_faults(std::move(faults))
{
    m_timer.start();
}

void ServerExchange::respond(const HttpResponse &response)
{
    if (m_answered) {
        qWarning("sandbox: a handler answered %s %s twice", m_request.method.constData(), qPrintable(m_request.path));
        return;
    }
    m_answered = true;
    if (m_connection)
        m_connection->respond(this, response);
}

HttpStream *ServerExchange::openStream(int status, const HeaderList &headers)
{
    if (m_answered || !m_connection)
        return nullptr;
    m_answered = true;
    return m_connection->openStream(this, status, headers);
}

} // namespace Amo::Sandbox
