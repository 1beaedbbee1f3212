// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/httprequestparser.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QTcpSocket;

namespace Amo::Sandbox {

class ChunkedStream;
class HttpServer;
class ServerExchange;

/**
 * One client connection of HttpServer: parses requests, answers them strictly in order
 * (pipelined requests wait in the buffer), applies the fault decided for each request,
 * and carries at most one open chunked stream. Deletes itself when the socket closes.
 */
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, HttpServer *server);
    ~HttpConnection() override;

    void shutdown();

    // For ServerExchange and ChunkedStream.
    void respond(ServerExchange *exchange, const HttpResponse &response);
    HttpStream *openStream(ServerExchange *exchange, int status, const HeaderList &headers);
    void writeChunk(const QByteArray &piece);
    void endStream();
    /** Flushes what was written, then resets the TCP connection (RST), as a broken network would. */
    void resetConnection();

private:
    void onReadyRead();
    void onDisconnected();
    void processBuffer();
    void startRequest(HttpRequest request);
    void runRequest(ServerExchange *exchange);
    void answerWithFault(ServerExchange *exchange, const FaultRule &rule);
    void writeHead(int status, const HeaderList &headers, const QByteArray &framing);
    void logExchange(ServerExchange *exchange, int status, const QString &fault);
    void finishRequest();
    void sendError(int status, const QByteArray &message);

    QTcpSocket *m_socket;
    HttpServer *m_server;
    HttpRequestParser m_parser;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_keepAlive = true;
    bool m_closing = false;
    bool m_resetting = false;
    QString m_clientCommonName;
    QStringList m_clientOrganizations;
    std::unique_ptr<ServerExchange> m_exchange;
    QPointer<ChunkedStream> m_stream;
};

} // namespace Amo::Sandbox
