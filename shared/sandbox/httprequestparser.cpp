// SPDX-License-Identifier: MIT
#include "shared/sandbox/httprequestparser.h"

#include <QUrl>

namespace Amo::Sandbox {

HttpRequestParser::Result HttpRequestParser::fail(int status, const QByteArray &message)
{
    m_errorStatus = status;
    m_errorMessage = message;
    m_keepAlive = false;
    return Result::Error;
}

HttpRequestParser::Result HttpRequestParser::parse(QByteArray &buffer)
{
    if (m_phase == Phase::Head) {
        const Result r = parseHead(buffer);
        if (r != Result::Complete)
            return r;
    }
    if (m_phase == Phase::Body) {
        const qint64 take = std::min<qint64>(m_remaining, buffer.size());
        m_request.body.append(buffer.left(take));
        buffer.remove(0, take);
        m_remaining -= take;
        if (m_remaining > 0)
            return Result::NeedMore;
        m_phase = Phase::Done;
    }
    if (m_phase == Phase::ChunkSize || m_phase == Phase::ChunkData || m_phase == Phase::Trailers) {
        const Result r = parseChunked(buffer);
        if (r != Result::Complete)
            return r;
    }
    return Result::Complete;
}

HttpRequestParser::Result HttpRequestParser::parseHead(QByteArray &buffer)
{
    // Tolerate stray empty lines between pipelined requests (RFC 9112 2.2).
    while (buffer.startsWith("\r\n"))
        buffer.remove(0, 2);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > maxHeadBytes)
            return fail(431, "request head too large");
        return Result::NeedMore;
    }
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    buffer.remove(0, end + 4);

    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return fail(400, "malformed request line");
    m_request = HttpRequest {};
    m_request.method = requestLine[0];
    const bool http10 = requestLine[2] == "HTTP/1.0";

    QByteArray target = requestLine[1];
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form, as proxies send it: keep path and query only
        const QUrl url = QUrl::fromEncoded(target);
        target = url.path(QUrl::FullyEncoded).toUtf8();
        if (url.hasQuery())
            target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    }
    if (!target.startsWith('/'))
        return fail(400, "unsupported request target");
    const qsizetype q = target.indexOf('?');
    m_request.path = QUrl::fromPercentEncoding(target.left(q < 0 ? target.size() : q));
    if (q >= 0)
        m_request.query.setQuery(QString::fromUtf8(target.mid(q + 1)));

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(400, "malformed header line");
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        auto it = m_request.headers.find(name);
        if (it == m_request.headers.end())
            m_request.headers.insert(name, value);
        else
            it.value() += ", " + value;
    }

    const QByteArray connection = m_request.header("connection").toLower();
    m_keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
    m_expectContinue = m_request.header("expect").toLower() == "100-continue";

    if (m_request.header("transfer-encoding").toLower().contains("chunked")) {
        m_phase = Phase::ChunkSize;
        return Result::Complete;
    }
    const QByteArray length = m_request.header("content-length");
    if (length.isEmpty()) {
        m_phase = Phase::Done;
        m_expectContinue = false;
        return Result::Complete;
    }
    bool ok = false;
    m_remaining = length.toLongLong(&ok);
    if (!ok || m_remaining < 0)
        return fail(400, "invalid Content-Length");
    if (m_remaining > maxBodyBytes)
        return fail(413, "request body too large");
    m_phase = m_remaining > 0 ? Phase::Body : Phase::Done;
    if (m_remaining == 0)
        m_expectContinue = false;
    return Result::Complete;
}

HttpRequestParser::Result HttpRequestParser::parseChunked(QByteArray &buffer)
{
    for (;;) {
        if (m_phase == Phase::ChunkSize) {
            const qsizetype eol = buffer.indexOf("\r\n");
            if (eol < 0)
                return buffer.size() > 1024 ? fail(400, "malformed chunk size") : Result::NeedMore;
            QByteArray sizeText = buffer.left(eol);
            const qsizetype ext = sizeText.indexOf(';');
            if (ext >= 0)
                sizeText.truncate(ext);
            bool ok = false;
            m_remaining = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || m_remaining < 0)
                return fail(400, "malformed chunk size");
            if (m_request.body.size() + m_remaining > maxBodyBytes)
                return fail(413, "request body too large");
            buffer.remove(0, eol + 2);
            m_phase = m_remaining == 0 ? Phase::Trailers : Phase::ChunkData;
        } else if (m_phase == Phase::ChunkData) {
            if (buffer.size() < m_remaining + 2)
                return Result::NeedMore;
            if (buffer.mid(m_remaining, 2) != "\r\n")
                return fail(400, "malformed chunk");
            m_request.body.append(buffer.left(m_remaining));
            buffer.remove(0, m_remaining + 2);
            m_phase = Phase::ChunkSize;
        } else if (m_phase == Phase::Trailers) {
            const qsizetype eol = buffer.indexOf("\r\n");
            if (eol < 0)
                return Result::NeedMore;
            buffer.remove(0, eol + 2);
            if (eol == 0) {
                m_phase = Phase::Done;
                return Result::Complete;
            }
        } else {
            return Result::Complete;
        }
    }
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest r = std::move(m_request);
    m_request = HttpRequest {};
    m_phase = Phase::Head;
    m_expectContinue = false;
    return r;
}

} // namespace Amo::Sandbox
