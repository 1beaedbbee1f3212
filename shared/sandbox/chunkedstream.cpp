// SPDX-License-Identifier: MIT
#include "shared/sandbox/chunkedstream.h"

#include "shared/sandbox/httpconnection.h"

#include <QTimer>

namespace Amo::Sandbox {

ChunkedStream::ChunkedStream(HttpConnection *connection, int dropAfterEvents, int dropAfterMs)
    : HttpStream(connection)
    , m_connection(connection)
    , m_dropAfterEvents(dropAfterEvents)
{
    // queued, so the handler gets its stream pointer before anything can close it
    if (dropAfterEvents == 0)
        QTimer::singleShot(0, this, &ChunkedStream::abort);
    if (dropAfterMs >= 0)
        QTimer::singleShot(dropAfterMs, this, &ChunkedStream::abort);
}

void ChunkedStream::write(const QByteArray &piece)
{
    if (!m_open || piece.isEmpty())
        return;
    if (m_dropAfterEvents >= 0 && m_events >= m_dropAfterEvents) {
        abort();
        return;
    }
    ++m_events;
    if (m_connection)
        m_connection->writeChunk(piece);
    if (m_dropAfterEvents >= 0 && m_events >= m_dropAfterEvents)
        abort();
}

void ChunkedStream::finish()
{
    if (!m_open)
        return;
    if (m_connection)
        m_connection->endStream();
    close();
}

void ChunkedStream::abort()
{
    if (!m_open)
        return;
    if (m_connection)
        m_connection->resetConnection();
    close();
}

void ChunkedStream::connectionLost()
{
    close();
}

void ChunkedStream::close()
{
    if (!m_open)
        return;
    m_open = false;
    Q_EMIT closed();
}

} // namespace Amo::Sandbox
