// SPDX-License-Identifier: MIT
#include "sandboxtestutil.h"

#include "shared/sandbox/controlhandler.h"
#include "shared/sandbox/httpserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Sandbox;
using namespace SandboxTest;

class TestSandboxFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addsLatency();
    void answersWithInjectedStatus_data();
    void answersWithInjectedStatus();
    void resetsConnectionMidBody();
    void truncatesBody();
    void malformsJson();
    void stallsForever();
    void dropsWatchAfterEvents();
    void dropsWatchAfterDelay();
    void matchesMethodAndRegex();
    void matchesUserAgent();
    void fractionIsReproducibleWithSeed();
    void controlApiManagesRules();

private:
    QString addFault(const QJsonObject &rule);
    QUrl url(const QString &path) const { return QUrl(m_server->baseUrl().toString() + path); }

    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<ControlHandler> m_control;
    std::unique_ptr<FunctionHandler> m_handler;
    QNetworkAccessManager m_nam;
};

void TestSandboxFaults::init()
{
    m_server = std::make_unique<HttpServer>();
    m_control = std::make_unique<ControlHandler>(m_server.get(), "admin");
    m_handler = std::make_unique<FunctionHandler>([](const HttpRequest &r, HttpExchange &e) {
        if (r.path.startsWith(u"/watch"_s)) {
            e.setRoutePattern(u"/watch"_s);
            HttpStream *s = e.openStream(200, {{"Content-Type", "application/json"}});
            auto *timer = new QTimer(s);
            int *n = new int(0);
            QObject::connect(s, &QObject::destroyed, s, [n] { delete n; });
            QObject::connect(timer, &QTimer::timeout, s,
                             [s, n] { s->write("{\"n\":" + QByteArray::number((*n)++) + "}\n"); });
            QObject::connect(s, &HttpStream::closed, timer, &QTimer::stop);
            timer->start(20);
            return true;
        }
        e.setRoutePattern(u"/data/{name}"_s);
        QJsonArray items;
        for (int i = 0; i < 50; ++i)
            items.append(QJsonObject {{u"name"_s, u"item-%1"_s.arg(i)}});
        e.respond(HttpResponse::json(200, QJsonDocument(QJsonObject {{u"value"_s, items}})));
        return true;
    });
    m_server->addHandler(m_control.get());
    m_server->addHandler(m_handler.get());
    QVERIFY(m_server->listen());
}

void TestSandboxFaults::cleanup()
{
    m_server.reset();
}

QString TestSandboxFaults::addFault(const QJsonObject &rule)
{
    QNetworkRequest request(url(u"/_sandbox/faults"_s));
    request.setRawHeader("Authorization", "Bearer admin");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const Reply r = send(m_nam, request, "POST", QJsonDocument(rule).toJson());
    if (r.status != 201)
        qWarning("adding fault failed: %s", r.body.constData());
    return r.json().value(u"ids"_s).toArray().first().toString();
}

void TestSandboxFaults::addsLatency()
{
    addFault({{u"kind"_s, u"latency"_s}, {u"path"_s, u"/data/*"_s}, {u"minDelayMs"_s, 100}, {u"maxDelayMs"_s, 200}});
    const Reply r = get(m_nam, url(u"/data/a"_s));
    QCOMPARE(r.status, 200);
    QVERIFY(r.elapsedMs < 5000);
    QCOMPARE(m_server->requestLog().entries().last().fault, u"latency"_s);
    qInfo("latency 100..200 ms injected; request took %lld ms, logged %lld ms", r.elapsedMs,
          m_server->requestLog().entries().last().durationMs);
}

void TestSandboxFaults::answersWithInjectedStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("429") << 429;
    QTest::newRow("500") << 500;
    QTest::newRow("503") << 503;
}

void TestSandboxFaults::answersWithInjectedStatus()
{
    QFETCH(int, status);
    addFault({{u"kind"_s, u"status"_s},
              {u"path"_s, u"/data/*"_s},
              {u"status"_s, status},
              {u"retryAfterSeconds"_s, 7},
              {u"times"_s, 1}});
    Reply r = get(m_nam, url(u"/data/a"_s));
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Retry-After"), status == 500 ? QByteArray() : QByteArray("7"));
    QVERIFY(!r.json().value(u"error"_s).toObject().value(u"code"_s).toString().isEmpty());
    // only the next matching request was hit
    QCOMPARE(get(m_nam, url(u"/data/a"_s)).status, 200);
    QCOMPARE(m_server->requestLog().count("GET", u"/data/a"_s, status), 1);
}

void TestSandboxFaults::resetsConnectionMidBody()
{
    const qsizetype fullSize = get(m_nam, url(u"/data/a"_s)).body.size();
    // every attempt is hit: QNetworkAccessManager may retry a GET whose connection broke
    addFault({{u"kind"_s, u"reset"_s}, {u"path"_s, u"/data/*"_s}});
    const Reply r = get(m_nam, url(u"/data/a"_s));
    // Qt 6.4 reports some resets as a normal end, so the cut body is the reliable sign
    QVERIFY(r.error != QNetworkReply::NoError || r.body.size() < fullSize);
    QCOMPARE(r.body.size(), fullSize / 2);
    const int attempts = m_server->requestLog().count("GET", u"/data/{name}"_s) - 1;
    qInfo("reset: client error %d, %lld of %lld bytes, %d attempt(s)", int(r.error), qint64(r.body.size()),
          qint64(fullSize), attempts);
    m_server->faults().clear();
    QCOMPARE(get(m_nam, url(u"/data/a"_s)).status, 200);
}

void TestSandboxFaults::truncatesBody()
{
    addFault({{u"kind"_s, u"truncate"_s}, {u"path"_s, u"/data/*"_s}, {u"times"_s, 1}});
    const QByteArray raw = rawExchange(m_server->port(), "GET /data/a HTTP/1.1\r\nHost: x\r\n\r\n",
                                       [](const QByteArray &) { return false; });
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    const QByteArray head = raw.left(headEnd);
    const qsizetype lengthAt = head.indexOf("Content-Length: ");
    const qsizetype announced = head.mid(lengthAt + 16, head.indexOf("\r\n", lengthAt) - lengthAt - 16).toLongLong();
    QVERIFY(announced > 0);
    QCOMPARE(raw.size() - headEnd - 4, announced / 2);
    QVERIFY(get(m_nam, url(u"/data/a"_s)).error == QNetworkReply::NoError);
}

void TestSandboxFaults::malformsJson()
{
    addFault({{u"kind"_s, u"malformed-json"_s}, {u"path"_s, u"/data/*"_s}, {u"times"_s, 1}});
    const Reply r = get(m_nam, url(u"/data/a"_s));
    QCOMPARE(r.status, 200);
    QJsonParseError error;
    QJsonDocument::fromJson(r.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestSandboxFaults::stallsForever()
{
    addFault({{u"kind"_s, u"stall"_s}, {u"path"_s, u"/data/*"_s}, {u"times"_s, 1}});
    QNetworkRequest request(url(u"/data/a"_s));
    const Reply r = send(m_nam, request, "GET", {}, 300);
    QCOMPARE(r.status, 0);
    QVERIFY(r.error != QNetworkReply::NoError);
    QCOMPARE(m_server->requestLog().entries().last().fault, u"stall"_s);
    qInfo("stalled request given up by the client after %lld ms", r.elapsedMs);
}

void TestSandboxFaults::dropsWatchAfterEvents()
{
    addFault({{u"kind"_s, u"drop-watch"_s}, {u"path"_s, u"/watch"_s}, {u"afterEvents"_s, 3}});
    const Reply r = get(m_nam, url(u"/watch"_s));
    QCOMPARE(r.status, 200);
    QVERIFY(r.error != QNetworkReply::NoError);
    QCOMPARE(r.body, QByteArray("{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n"));
}

void TestSandboxFaults::dropsWatchAfterDelay()
{
    addFault({{u"kind"_s, u"drop-watch"_s}, {u"path"_s, u"/watch"_s}, {u"afterMs"_s, 150}});
    const Reply r = get(m_nam, url(u"/watch"_s));
    QCOMPARE(r.status, 200);
    QVERIFY(r.error != QNetworkReply::NoError);
    QVERIFY(r.elapsedMs < 5000);
    qInfo("watch dropped after %lld ms with %lld events", r.elapsedMs, qint64(r.body.count('\n')));
}

void TestSandboxFaults::matchesMethodAndRegex()
{
    addFault(
        {{u"kind"_s, u"status"_s}, {u"method"_s, u"post"_s}, {u"regex"_s, u"^/data/[0-9]+$"_s}, {u"status"_s, 500}});
    QCOMPARE(get(m_nam, url(u"/data/42"_s)).status, 200);
    QCOMPARE(send(m_nam, QNetworkRequest(url(u"/data/abc"_s)), "POST", "x").status, 200);
    QCOMPARE(send(m_nam, QNetworkRequest(url(u"/data/42"_s)), "POST", "x").status, 500);
}

void TestSandboxFaults::matchesUserAgent()
{
    // One replica cut off alone: the rule names its User-Agent; the other client passes.
    addFault({{u"kind"_s, u"status"_s}, {u"userAgent"_s, u"*(agent-a)"_s}, {u"status"_s, 503}});
    QNetworkRequest a(url(u"/data/1"_s));
    a.setRawHeader("User-Agent", "azure-msi-operator/1.0 (agent-a)");
    QNetworkRequest b(url(u"/data/1"_s));
    b.setRawHeader("User-Agent", "azure-msi-operator/1.0 (agent-b)");
    QCOMPARE(send(m_nam, a, "GET", {}).status, 503);
    QCOMPARE(send(m_nam, b, "GET", {}).status, 200);
    QCOMPARE(get(m_nam, url(u"/data/1"_s)).status, 200);
    QString error;
    const auto rule = FaultRule::fromJson({{u"kind"_s, u"status"_s}, {u"userAgent"_s, u"x*"_s}}, &error);
    QVERIFY2(rule, qPrintable(error));
    QCOMPARE(rule->toJson().value(u"userAgent"_s).toString(), u"x*"_s);
}

void TestSandboxFaults::fractionIsReproducibleWithSeed()
{
    auto run = [](quint32 seed) {
        FaultInjector injector;
        injector.setSeed(seed);
        QString error;
        injector.add(*FaultRule::fromJson({{u"kind"_s, u"status"_s}, {u"fraction"_s, 0.3}}, &error));
        QList<bool> hits;
        for (int i = 0; i < 200; ++i)
            hits.append(injector.decide("GET", u"/x"_s).action.has_value());
        return hits;
    };
    const QList<bool> a = run(42);
    QCOMPARE(run(42), a);
    QVERIFY(run(43) != a);
    const auto count = a.count(true);
    qInfo("fraction 0.3 hit %lld of 200 requests", qint64(count));
    QVERIFY(count > 20 && count < 100);
}

void TestSandboxFaults::controlApiManagesRules()
{
    const QString id = addFault({{u"kind"_s, u"status"_s}, {u"path"_s, u"*"_s}, {u"status"_s, 503}});
    QVERIFY(!id.isEmpty());
    // the control API itself is never faulted
    const Reply list = get(m_nam, url(u"/_sandbox/faults"_s), {{"Authorization", "Bearer admin"}});
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(u"rules"_s).toArray().size(), 1);
    QCOMPARE(get(m_nam, url(u"/data/a"_s)).status, 503);

    QNetworkRequest del(url(u"/_sandbox/faults/"_s + id));
    del.setRawHeader("Authorization", "Bearer admin");
    QCOMPARE(send(m_nam, del, "DELETE").status, 204);
    QCOMPARE(get(m_nam, url(u"/data/a"_s)).status, 200);

    addFault({{u"kind"_s, u"status"_s}, {u"status"_s, 500}});
    QNetworkRequest clear(url(u"/_sandbox/faults"_s));
    clear.setRawHeader("Authorization", "Bearer admin");
    QCOMPARE(send(m_nam, clear, "DELETE").status, 204);
    QVERIFY(m_server->faults().rules().isEmpty());

    QNetworkRequest bad(url(u"/_sandbox/faults"_s));
    bad.setRawHeader("Authorization", "Bearer admin");
    QCOMPARE(send(m_nam, bad, "POST", R"({"kind":"explode"})").status, 400);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandboxfaults.moc"
