// SPDX-License-Identifier: MIT
#include "sandboxtestutil.h"

#include "shared/sandbox/controlhandler.h"
#include "shared/sandbox/httpserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Sandbox;
using namespace SandboxTest;

class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void servesHandlerInOrder();
    void answersUnknownPathWith404Json();
    void readsContentLengthBody();
    void readsChunkedBody();
    void answersPipelinedRequestsInOrder();
    void rejectsMalformedRequest();
    void streamsChunkedResponse();
    void notifiesStreamWhenClientLeaves();
    void logsRoutesAndCounters();
    void controlApiNeedsAdminToken();

private:
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<FunctionHandler> m_echo;
    std::unique_ptr<FunctionHandler> m_stream;
    std::unique_ptr<ControlHandler> m_control;
    QPointer<HttpStream> m_openStream;
    QNetworkAccessManager m_nam;
    QUrl url(const QString &path) const { return m_server->baseUrl().resolved(QUrl(path)); }
};

void TestHttpServer::init()
{
    m_server = std::make_unique<HttpServer>();
    m_control = std::make_unique<ControlHandler>(m_server.get(), "admin-secret");
    m_echo = std::make_unique<FunctionHandler>([](const HttpRequest &r, HttpExchange &e) {
        if (!r.path.startsWith(u"/echo"_s))
            return false;
        e.setRoutePattern(u"/echo/{name}"_s);
        QJsonObject o {{u"method"_s, QString::fromLatin1(r.method)},
                       {u"path"_s, r.path},
                       {u"x"_s, r.query.queryItemValue(u"x"_s, QUrl::FullyDecoded)},
                       {u"body"_s, QString::fromUtf8(r.body)}};
        e.respond(HttpResponse::json(200, QJsonDocument(o), {{"X-Handler", "echo"}}));
        return true;
    });
    m_stream = std::make_unique<FunctionHandler>([this](const HttpRequest &r, HttpExchange &e) {
        if (r.path != u"/stream"_s)
            return false;
        HttpStream *s = e.openStream(200, {{"Content-Type", "application/json"}});
        m_openStream = s;
        const int n = r.query.queryItemValue(u"n"_s).toInt();
        for (int i = 0; i < n; ++i)
            s->write(QByteArray("{\"event\":") + QByteArray::number(i) + "}\n");
        if (r.query.hasQueryItem(u"finish"_s))
            s->finish();
        return true;
    });
    m_server->addHandler(m_control.get());
    m_server->addHandler(m_echo.get());
    m_server->addHandler(m_stream.get());
    QVERIFY(m_server->listen());
    QVERIFY(m_server->port() != 0);
}

void TestHttpServer::cleanup()
{
    m_server.reset();
}

void TestHttpServer::servesHandlerInOrder()
{
    const Reply r = get(m_nam, url(u"/echo/a%20b?x=1%2B2"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("X-Handler"), QByteArray("echo"));
    QCOMPARE(r.json().value(u"path"_s).toString(), u"/echo/a b"_s);
    QCOMPARE(r.json().value(u"x"_s).toString(), u"1+2"_s);
}

void TestHttpServer::answersUnknownPathWith404Json()
{
    const Reply r = get(m_nam, url(u"/nothing-here"_s));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"NotFound"_s);
}

void TestHttpServer::readsContentLengthBody()
{
    QNetworkRequest request(url(u"/echo/post"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
    const QByteArray body(100000, 'z');
    const Reply r = send(m_nam, request, "POST", body);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"body"_s).toString().size(), body.size());
}

void TestHttpServer::readsChunkedBody()
{
    const QByteArray request = "POST /echo/chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                               "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
    const QByteArray answer
        = rawExchange(m_server->port(), request, [](const QByteArray &got) { return got.contains("}"); });
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
    QVERIFY(answer.contains("\"body\":\"hello, world\""));
}

void TestHttpServer::answersPipelinedRequestsInOrder()
{
    const QByteArray requests = "GET /echo/one HTTP/1.1\r\nHost: x\r\n\r\n"
                                "POST /echo/two HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                                "GET /echo/three HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    const QByteArray answer = rawExchange(m_server->port(), requests, [](const QByteArray &) { return false; });
    const qsizetype one = answer.indexOf("/echo/one");
    const qsizetype two = answer.indexOf("/echo/two");
    const qsizetype three = answer.indexOf("/echo/three");
    QVERIFY(one > 0 && two > one && three > two);
    QCOMPARE(answer.count("HTTP/1.1 200 OK"), 3);
    QVERIFY(answer.contains("\"body\":\"abc\""));
    QVERIFY(answer.contains("Connection: close"));
}

void TestHttpServer::rejectsMalformedRequest()
{
    const QByteArray answer
        = rawExchange(m_server->port(), "NONSENSE\r\n\r\n", [](const QByteArray &) { return false; });
    QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
}

void TestHttpServer::streamsChunkedResponse()
{
    const Reply r = get(m_nam, url(u"/stream?n=3&finish=1"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("{\"event\":0}\n{\"event\":1}\n{\"event\":2}\n"));

    // the same connection is reusable after a finished stream
    const QByteArray raw
        = rawExchange(m_server->port(),
                      "GET /stream?n=1&finish=1 HTTP/1.1\r\nHost: x\r\n\r\nGET /echo/after HTTP/1.1\r\nHost: x\r\n\r\n",
                      [](const QByteArray &got) { return got.contains("/echo/after"); });
    QVERIFY(raw.contains("Transfer-Encoding: chunked"));
    QVERIFY(raw.contains("c\r\n{\"event\":0}\n\r\n0\r\n\r\n"));
    QVERIFY(raw.contains("/echo/after"));
}

void TestHttpServer::notifiesStreamWhenClientLeaves()
{
    QNetworkReply *reply = m_nam.get(QNetworkRequest(url(u"/stream?n=1"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(m_openStream, 5000);
    QSignalSpy closed(m_openStream.data(), &HttpStream::closed);
    QTRY_VERIFY_WITH_TIMEOUT(reply->bytesAvailable() > 0, 5000);
    reply->abort();
    reply->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 5000);
}

void TestHttpServer::logsRoutesAndCounters()
{
    QCOMPARE(get(m_nam, url(u"/echo/a"_s)).status, 200);
    QCOMPARE(get(m_nam, url(u"/echo/b"_s)).status, 200);
    QCOMPARE(get(m_nam, url(u"/missing"_s)).status, 404);
    const RequestLog &log = m_server->requestLog();
    QCOMPARE(log.count("GET", u"/echo/{name}"_s, 200), 2);
    QCOMPARE(log.count("GET", u"/missing"_s, 404), 1);
    QCOMPARE(log.total(), 3);

    const Reply r = get(m_nam, url(u"/_sandbox/requests"_s), {{"Authorization", "Bearer admin-secret"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"total"_s).toInt(), 3); // control requests are not logged
    const QJsonArray counters = r.json().value(u"counters"_s).toArray();
    bool found = false;
    for (const QJsonValue &c : counters) {
        const QJsonObject o = c.toObject();
        if (o.value(u"route"_s).toString() == u"/echo/{name}"_s && o.value(u"status"_s).toInt() == 200)
            found = o.value(u"count"_s).toInt() == 2;
    }
    QVERIFY(found);

    QNetworkRequest reset(url(u"/_sandbox/reset-log"_s));
    reset.setRawHeader("X-Sandbox-Admin-Token", "admin-secret");
    QCOMPARE(send(m_nam, reset, "POST").status, 204);
    QCOMPARE(m_server->requestLog().total(), 0);
}

void TestHttpServer::controlApiNeedsAdminToken()
{
    QCOMPARE(get(m_nam, url(u"/_sandbox/requests"_s)).status, 401);
    QCOMPARE(get(m_nam, url(u"/_sandbox/requests"_s), {{"Authorization", "Bearer wrong"}}).status, 401);
    QCOMPARE(get(m_nam, url(u"/_sandbox/health"_s)).status, 200);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
