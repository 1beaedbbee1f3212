// SPDX-License-Identifier: MIT
// The agent's HTTP endpoint over real loopback sockets: routes, exposition, promtool, bind forms and
// the limits that keep slow or greedy clients from holding it.
#include "agent/metricsserver.h"
#include "agent/syncmetrics.h"
#include "shared/metrics/registry.h"
#include "shared/sync/plan.h"

#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Amo::Agent::HttpLimits;
using Amo::Agent::MetricsServer;

namespace {

struct Reply
{
    int status = 0;
    QByteArray contentType;
    QByteArray allow;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
};

Reply request(const QUrl &url, const QByteArray &verb = "GET")
{
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    req.setTransferTimeout(10000);
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(req, verb));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(15000))
        return {};
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.contentType = reply->rawHeader("Content-Type");
    out.allow = reply->rawHeader("Allow");
    out.body = reply->readAll();
    out.error = reply->error();
    return out;
}

// Only the tests of the limits use these; the others keep the defaults, so a busy machine cannot cut them.
HttpLimits shortLimits()
{
    HttpLimits limits;
    limits.readTimeout = 300ms;
    limits.writeTimeout = 300ms;
    limits.maxRequestBytes = 64 * 1024;
    return limits;
}

bool ipv6LoopbackUsable()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

/** Waits until @p socket is disconnected (the server cut it), at most @p ms. */
bool waitDisconnected(QTcpSocket &socket, int ms)
{
    if (socket.state() == QAbstractSocket::UnconnectedState)
        return true;
    QSignalSpy spy(&socket, &QTcpSocket::disconnected);
    return spy.wait(ms) || socket.state() == QAbstractSocket::UnconnectedState;
}

} // namespace

class TestMetricsServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scrapeServesExposition();
    void exposedMetricsPassPromtool();
    void healthzIsOk();
    void readyzFollowsReadiness();
    void unknownPathIs404_data();
    void unknownPathIs404();
    void headAnswersLikeGetWithoutBody_data();
    void headAnswersLikeGetWithoutBody();
    void wrongMethodIs405_data();
    void wrongMethodIs405();
    void bindForms_data();
    void bindForms();
    void badBindIsReported_data();
    void badBindIsReported();
    void silentClientIsDisconnected();
    void tricklingClientIsDisconnected();
    void oversizedRequestIsRefused_data();
    void oversizedRequestIsRefused();
    void keepAliveGetsAFreshReadTimeout();
    void nonReadingClientHitsWriteTimeout();

private:
    static QUrl url(const MetricsServer &server, const QString &path)
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(server.port()).arg(path));
    }
};

void TestMetricsServer::scrapeServesExposition()
{
    Amo::Metrics::Registry registry;
    Amo::Agent::SyncMetrics metrics(registry, u"1.2.3"_s);
    metrics.recordListing(u"sub-a"_s, true, QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC), 1.5);
    metrics.recordWrite(u"sub-a"_s, u"AzureIdentity"_s, true);
    metrics.recordWrite(u"sub-a"_s, u"AzureIdentity"_s, true);
    metrics.recordWrite(u"sub-a"_s, u"AzureIdentityBinding"_s, false);
    metrics.setLeader(true);
    Amo::Sync::Plan plan;
    plan.actions.append(Amo::Sync::Action {});
    Amo::Sync::Action create;
    create.kind = Amo::Sync::Action::Kind::CreateIdentity;
    plan.actions.append(create);
    plan.actions.append(create);
    metrics.recordPlan(plan);

    MetricsServer server(registry);
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    QVERIFY(server.port() != 0);
    const Reply reply = request(url(server, u"/metrics"_s));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    const QString text = QString::fromUtf8(reply.body);
    const QStringList expected {
        u"# TYPE azuremsi_sync_time gauge"_s,
        u"azuremsi_sync_time{subscription=\"sub-a\"} 1700000000"_s,
        u"# TYPE azuremsi_sync_duration gauge"_s,
        u"azuremsi_sync_duration{subscription=\"sub-a\"} 1.5"_s,
        u"azuremsi_sync_resources_success{subscription=\"sub-a\",resource=\"AzureIdentity\"} 2"_s,
        u"azuremsi_sync_resources_errors{subscription=\"sub-a\",resource=\"AzureIdentityBinding\"} 1"_s,
        u"# TYPE azuremsi_sync_resources_success_total counter"_s,
        u"azuremsi_sync_resources_success_total{subscription=\"sub-a\",resource=\"AzureIdentity\"} 2"_s,
        u"azuremsi_sync_resources_errors_total{subscription=\"sub-a\",resource=\"AzureIdentityBinding\"} 1"_s,
        u"azuremsi_subscription_last_success_timestamp_seconds{subscription=\"sub-a\"} 1700000000"_s,
        u"azuremsi_plan_actions{kind=\"CreateIdentity\"} 2"_s,
        u"azuremsi_plan_actions{kind=\"Skip\"} 1"_s,
        u"azuremsi_plan_actions{kind=\"Conflict\"} 0"_s,
        u"azuremsi_leader 1"_s,
        u"azuremsi_build_info{version=\"1.2.3\"} 1"_s,
    };
    for (const QString &line : expected)
        QVERIFY2(text.split(u'\n').contains(line), qPrintable(line + u"\n--- in ---\n"_s + text));

    // A failed listing counts an error and leaves the subscription's timestamps alone.
    metrics.recordListing(u"sub-a"_s, false, QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC), 9);
    const QString after = QString::fromUtf8(request(url(server, u"/metrics"_s)).body);
    QVERIFY(after.contains(u"azuremsi_sync_time{subscription=\"sub-a\"} 1700000000\n"_s));
    QVERIFY(after.contains(u"azuremsi_subscription_listing_errors_total{subscription=\"sub-a\"} 1\n"_s));
}

void TestMetricsServer::exposedMetricsPassPromtool()
{
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    QVERIFY2(!promtool.isEmpty(), "promtool is a declared test dependency (Debian package prometheus)");

    Amo::Metrics::Registry registry;
    Amo::Agent::SyncMetrics metrics(registry, u"0.0.0-test"_s);
    metrics.recordListing(u"sub-\"quoted\"\\x"_s, true, QDateTime::currentDateTimeUtc(), 0.25);
    metrics.recordWrite(u"sub-a"_s, u"AzureIdentity"_s, true);
    metrics.recordWrite(u"sub-a"_s, u"AzureIdentity"_s, false);
    metrics.recordListing(u"sub-b"_s, false, QDateTime::currentDateTimeUtc(), 0.1);
    MetricsServer server(registry);
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    const Reply reply = request(url(server, u"/metrics"_s));
    QCOMPARE(reply.status, 200);

    QProcess process;
    process.start(promtool, {u"check"_s, u"metrics"_s});
    QVERIFY(process.waitForStarted());
    process.write(reply.body);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             qPrintable(u"promtool exit %1: %2\n%3"_s.arg(process.exitCode())
                            .arg(QString::fromUtf8(output), QString::fromUtf8(reply.body))));
}

void TestMetricsServer::healthzIsOk()
{
    Amo::Metrics::Registry registry;
    MetricsServer server(registry);
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    const Reply reply = request(url(server, u"/healthz"_s));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("ok"));
}

void TestMetricsServer::readyzFollowsReadiness()
{
    Amo::Metrics::Registry registry;
    MetricsServer server(registry);
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    QSignalSpy changed(&server, &MetricsServer::readinessChanged);

    Reply reply = request(url(server, u"/readyz"_s));
    QCOMPARE(reply.status, 503);
    QVERIFY2(reply.body.startsWith("not ready: "), reply.body.constData());

    server.setReady(true);
    reply = request(url(server, u"/readyz"_s));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("ok"));

    server.setReady(false, u"caches not synced"_s);
    reply = request(url(server, u"/readyz"_s));
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.body, QByteArray("not ready: caches not synced\n"));
    QCOMPARE(changed.size(), 2);
}

void TestMetricsServer::unknownPathIs404_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("root") << u"/"_s;
    QTest::newRow("other") << u"/debug/pprof"_s;
    QTest::newRow("prefix") << u"/metricsx"_s;
    QTest::newRow("below") << u"/metrics/x"_s;
}

void TestMetricsServer::unknownPathIs404()
{
    QFETCH(QString, path);
    Amo::Metrics::Registry registry;
    MetricsServer server(registry);
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    QCOMPARE(request(url(server, path)).status, 404);
}

void TestMetricsServer::headAnswersLikeGetWithoutBody_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("metrics") << u"/metrics"_s << 200;
    QTest::newRow("healthz") << u"/healthz"_s << 200;
    QTest::newRow("readyz not ready") << u"/readyz"_s << 503;
}

void TestMetricsServer::headAnswersLikeGetWithoutBody()
{
    // Probes and uptime checkers send HEAD; a 405 there reads as "the agent is down".
    QFETCH(QString, path);
    QFETCH(int, status);
    Amo::Metrics::Registry registry;
    Amo::Agent::SyncMetrics metrics(registry, u"1.2.3"_s);
    MetricsServer server(registry);
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    const Reply get = request(url(server, path));
    const Reply head = request(url(server, path), "HEAD");
    QCOMPARE(head.status, status);
    QCOMPARE(get.status, status);
    QCOMPARE(head.contentType, get.contentType);
    QVERIFY(!get.body.isEmpty());
    QCOMPARE(head.body, QByteArray());
}

void TestMetricsServer::wrongMethodIs405_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("verb");
    QTest::newRow("POST /metrics") << u"/metrics"_s << QByteArray("POST");
    QTest::newRow("PUT /healthz") << u"/healthz"_s << QByteArray("PUT");
    QTest::newRow("DELETE /readyz") << u"/readyz"_s << QByteArray("DELETE");
}

void TestMetricsServer::wrongMethodIs405()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, verb);
    Amo::Metrics::Registry registry;
    MetricsServer server(registry);
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    const Reply reply = request(url(server, path), verb);
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.allow, QByteArray("GET, HEAD"));
}

void TestMetricsServer::bindForms_data()
{
    QTest::addColumn<QString>("bind");
    QTest::addColumn<QString>("connectTo");
    QTest::addColumn<bool>("needsIpv6");
    QTest::newRow(":0 via IPv4") << u":0"_s << u"127.0.0.1"_s << false;
    QTest::newRow(":0 via IPv6") << u":0"_s << u"[::1]"_s << true;
    QTest::newRow("0.0.0.0:0") << u"0.0.0.0:0"_s << u"127.0.0.1"_s << false;
    QTest::newRow("127.0.0.1:0") << u"127.0.0.1:0"_s << u"127.0.0.1"_s << false;
    QTest::newRow("[::1]:0") << u"[::1]:0"_s << u"[::1]"_s << true;
    QTest::newRow("localhost:0") << u"localhost:0"_s << QString() << false;
}

void TestMetricsServer::bindForms()
{
    QFETCH(QString, bind);
    QFETCH(QString, connectTo);
    QFETCH(bool, needsIpv6);
    if (needsIpv6 && !ipv6LoopbackUsable())
        QSKIP("no IPv6 on the loopback interface");
    Amo::Metrics::Registry registry;
    MetricsServer server(registry);
    QString error;
    QVERIFY2(server.start(bind, &error), qPrintable(error));
    QVERIFY(server.port() != 0);
    const QString host = connectTo.isEmpty()
        ? (server.address().protocol() == QAbstractSocket::IPv6Protocol ? u"[::1]"_s : u"127.0.0.1"_s)
        : connectTo;
    const Reply reply = request(QUrl(u"http://%1:%2/healthz"_s.arg(host).arg(server.port())));
    QCOMPARE(reply.status, 200);
}

void TestMetricsServer::badBindIsReported_data()
{
    QTest::addColumn<QString>("bind");
    QTest::newRow("no port") << u"127.0.0.1"_s;
    QTest::newRow("port range") << u":70000"_s;
    QTest::newRow("IPv6 without brackets") << u"::1:0"_s;
    QTest::newRow("not local") << u"192.0.2.1:0"_s;
}

void TestMetricsServer::badBindIsReported()
{
    QFETCH(QString, bind);
    Amo::Metrics::Registry registry;
    MetricsServer server(registry);
    QString error;
    QVERIFY(!server.start(bind, &error));
    QVERIFY2(error.contains(u"--server.bind"_s), qPrintable(error));
}

void TestMetricsServer::silentClientIsDisconnected()
{
    Amo::Metrics::Registry registry;
    MetricsServer server(registry, shortLimits());
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    QSignalSpy dropped(&server, &MetricsServer::connectionDropped);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(client.waitForConnected(5000));
    // Sends nothing at all: cut within 10x the 300 ms read timeout.
    QVERIFY(waitDisconnected(client, 3000));
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.first().first().toString(), u"read timeout"_s);
}

void TestMetricsServer::tricklingClientIsDisconnected()
{
    Amo::Metrics::Registry registry;
    MetricsServer server(registry, shortLimits());
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    QSignalSpy dropped(&server, &MetricsServer::connectionDropped);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(client.waitForConnected(5000));
    // One byte every 50 ms: each chunk arrives well within the timeout, the whole request never does.
    const QByteArray requestText
        = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    QElapsedTimer elapsed;
    elapsed.start();
    for (qsizetype i = 0; i < requestText.size() && client.state() == QAbstractSocket::ConnectedState; ++i) {
        client.write(requestText.mid(i, 1));
        client.flush();
        QTest::qWait(50);
        QVERIFY2(elapsed.elapsed() < 3000, "still connected after 10x the read timeout");
    }
    QVERIFY(waitDisconnected(client, 3000));
    QVERIFY(client.readAll().isEmpty()); // never answered
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.first().first().toString(), u"read timeout"_s);
}

void TestMetricsServer::oversizedRequestIsRefused_data()
{
    QTest::addColumn<QByteArray>("requestText");
    // 100 KiB, well past the 64 KiB limit, all sent at once.
    const QByteArray big(100 * 1024, 'a');
    QTest::newRow("header") << "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n";
    QTest::newRow("body") << "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(big.size())
            + "\r\n\r\n" + big;
}

void TestMetricsServer::oversizedRequestIsRefused()
{
    QFETCH(QByteArray, requestText);
    Amo::Metrics::Registry registry;
    MetricsServer server(registry, shortLimits());
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    QSignalSpy dropped(&server, &MetricsServer::connectionDropped);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(client.waitForConnected(5000));
    client.write(requestText);
    QVERIFY(waitDisconnected(client, 5000));
    const QByteArray answer = client.readAll();
    // The 413 usually arrives; a close is the documented alternative when the kernel resets first.
    QVERIFY2(answer.isEmpty() || answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(!answer.contains("azuremsi"));
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.first().first().toString(), u"request too large"_s);

    // A request under the limit is still served.
    QCOMPARE(request(url(server, u"/healthz"_s)).status, 200);
}

void TestMetricsServer::keepAliveGetsAFreshReadTimeout()
{
    Amo::Metrics::Registry registry;
    MetricsServer server(registry, shortLimits());
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    QSignalSpy dropped(&server, &MetricsServer::connectionDropped);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(client.waitForConnected(5000));
    for (int i = 0; i < 2; ++i) {
        client.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray answer;
        QElapsedTimer elapsed;
        elapsed.start();
        // The server runs on this thread, so wait on the event loop, never with waitForReadyRead().
        while (!answer.endsWith("ok") && elapsed.elapsed() < 5000) {
            QSignalSpy readable(&client, &QTcpSocket::readyRead);
            if (client.bytesAvailable() == 0)
                readable.wait(1000);
            answer += client.readAll();
        }
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), qPrintable(QString::number(i) + QString::fromLatin1(answer)));
    }
    // Idle after the second answer: closed quietly, without counting as a dropped request.
    QVERIFY(waitDisconnected(client, 3000));
    QCOMPARE(dropped.size(), 0);
}

void TestMetricsServer::nonReadingClientHitsWriteTimeout()
{
    // A response far larger than the loopback socket buffers, to a client that stops reading.
    QByteArray huge = "# HELP big x\n# TYPE big gauge\nbig{v=\"";
    huge += QByteArray(16 * 1024 * 1024, 'x');
    huge += "\"} 1\n";
    MetricsServer server([&huge] { return huge; }, shortLimits());
    QVERIFY(server.start(u"127.0.0.1:0"_s));
    QSignalSpy dropped(&server, &MetricsServer::connectionDropped);
    QTcpSocket client;
    client.setReadBufferSize(4096);
    client.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    client.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(client.waitForConnected(5000));
    client.write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    client.flush();
    QVERIFY(dropped.wait(10000));
    QCOMPARE(dropped.first().first().toString(), u"write timeout"_s);
}

QTEST_GUILESS_MAIN(TestMetricsServer)
#include "tst_metricsserver.moc"
