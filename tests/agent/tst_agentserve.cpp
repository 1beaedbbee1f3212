// SPDX-License-Identifier: MIT
// The agent's continuous mode against the embedded simulator: serves its HTTP endpoints until SIGTERM or SIGINT,
// then exits 0.
#include "agentrun.h"

#include "agent/demoenvironment.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
};

Answer get(quint16 port, const QString &path)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(path)));
    request.setTransferTimeout(10000);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(15000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

class TestAgentServe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void servesUntilSignal_data();
    void servesUntilSignal();
    void unusableBindExitsWithError();
};

void TestAgentServe::servesUntilSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("name");
    QTest::newRow("SIGTERM") << int(SIGTERM) << u"SIGTERM"_s;
    QTest::newRow("SIGINT") << int(SIGINT) << u"SIGINT"_s;
}

void TestAgentServe::servesUntilSignal()
{
    QFETCH(int, signalNumber);
    QFETCH(QString, name);
    const quint16 port = freePort();
    QVERIFY(port != 0);

    Answer health, metrics; // /readyz transitions have their own test
    QObject context;
    // Runs inside the agent's event loop, once the server listens.
    QTimer::singleShot(0, &context, [&] {
        health = get(port, u"/healthz"_s);
        metrics = get(port, u"/metrics"_s);
        std::raise(signalNumber);
    });
    // A safety net so a broken signal path fails the test instead of hanging it.
    QTimer::singleShot(20000, &context, [] { std::raise(SIGTERM); });

    Amo::Agent::DemoEnvironment simulator;
    QString error;
    QVERIFY2(simulator.start(&error), qPrintable(error));
    const AgentRun run = AgentRun::exec({u"--server.bind=127.0.0.1:%1"_s.arg(port)}, simulator.environment());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(u"serving /metrics"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"signal="_s + name), qPrintable(run.err));
    QCOMPARE(health.status, 200);
    QCOMPARE(metrics.status, 200);
    QVERIFY2(metrics.body.contains("azuremsi_build_info{version=\"" AMO_VERSION "\"} 1\n"), metrics.body.constData());
    QVERIFY2(metrics.body.contains("\nazuremsi_leader 1\n"), metrics.body.constData()); // no election: it writes
}

void TestAgentServe::unusableBindExitsWithError()
{
    // Valid syntax, but not an address of this machine (TEST-NET-1).
    Amo::Agent::DemoEnvironment simulator;
    QString error;
    QVERIFY2(simulator.start(&error), qPrintable(error));
    const AgentRun run = AgentRun::exec({u"--server.bind=192.0.2.1:8080"_s}, simulator.environment());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"--server.bind=192.0.2.1:8080"_s), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestAgentServe)
#include "tst_agentserve.moc"
