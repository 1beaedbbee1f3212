// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/httpexchange.h"

namespace Amo::Sandbox {

/** Incremental HTTP/1.1 request parser: Content-Length and chunked bodies, one request at a time. */
class HttpRequestParser
{
public:
    enum class Result { NeedMore, Complete, Error };

    /** Consumes bytes of one request from the front of buffer; bytes of later requests stay there. */
    Result parse(QByteArray &buffer);
    /** The request completed by the last parse(); resets the parser for the next one. */
    HttpRequest takeRequest();

    /** True once the head asked for "Expect: 100-continue" and the body has not arrived yet. */
    bool wantsContinue() const { return m_phase != Phase::Head && m_expectContinue; }
    void continueSent() { m_expectContinue = false; }
    /** Whether the connection may stay open after the last completed request. */
    bool keepAlive() const { return m_keepAlive; }
    int errorStatus() const { return m_errorStatus; }
    QByteArray errorMessage() const { return m_errorMessage; }

    static constexpr qsizetype maxHeadBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 32 * 1024 * 1024;

private:
    enum class Phase { Head, Body, ChunkSize, ChunkData, Trailers, Done };
    Result fail(int status, const QByteArray &message);
    Result parseHead(QByteArray &buffer);
    Result parseChunked(QByteArray &buffer);

    Phase m_phase = Phase::Head;
    HttpRequest m_request;
    qint64 m_remaining = 0;
    bool m_expectContinue = false;
    bool m_keepAlive = true;
    int m_errorStatus = 0;
    QByteArray m_errorMessage;
};

} // namespace Amo::Sandbox
