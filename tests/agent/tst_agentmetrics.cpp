// SPDX-License-Identifier: MIT
// The real operator process against the demo simulator: /readyz is 503 until the first sync, then 200;
// /healthz is 200 throughout; /metrics passes `promtool check metrics` and carries the original's metrics
// with real values, next to the leader, build, plan and request metrics.
#include "agentprocess.h"

#include "agent/demoenvironment.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using AgentTest::AgentProcess;

namespace {

// The demo's subscriptions that list (contoso-finance is forbidden).
const QStringList kListed {u"34aba136-51c8-5f3e-90fa-769b41bec319"_s, u"fda44ca2-f3d2-5ae6-bf6f-20a52f3b1b7c"_s,
                           u"9bc9f69c-79c6-53cc-b5be-68d40b347e2d"_s};
const QString kForbidden = u"9759b033-491a-5eaa-af94-3c8721bf83d2"_s;
const int kListingDelayMs = 3000;

/** The demo scenario with every ARM GET under /subscriptions slowed down, so the agent is not ready for a while. */
QString slowScenario(const QTemporaryDir &dir)
{
    QFile demo(QStringLiteral(AMO_SOURCE_DIR "/resources/sandbox/demo-scenario.json"));
    if (!demo.open(QIODevice::ReadOnly))
        return {};
    QJsonObject scenario = QJsonDocument::fromJson(demo.readAll()).object();
    const QJsonObject rule {{u"id"_s, u"slow-arm"_s},          {u"kind"_s, u"latency"_s},       {u"method"_s, u"GET"_s},
                            {u"path"_s, u"/subscriptions*"_s}, {u"delayMs"_s, kListingDelayMs}, {u"times"_s, -1}};
    scenario.insert(u"faults"_s, QJsonObject {{u"seed"_s, 1}, {u"rules"_s, QJsonArray {rule}}});
    QFile out(dir.filePath(u"slow-scenario.json"_s));
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(QJsonDocument(scenario).toJson());
    return out.fileName();
}

QString label(const QString &value)
{
    return QRegularExpression::escape(u"\""_s + value + u"\""_s);
}

} // namespace

class TestAgentMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readinessAndMetrics();
    void standbyIsReadyWithoutListing();
};

void TestAgentMetrics::readinessAndMetrics()
{
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    QVERIFY2(!promtool.isEmpty(), "promtool is required (Debian package prometheus)");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString scenario = slowScenario(dir);
    QVERIFY(!scenario.isEmpty());
    Amo::Agent::DemoEnvironment simulator;
    QString error;
    QVERIFY2(simulator.start(&error, scenario), qPrintable(error));

    const quint16 port = AgentTest::freePort();
    QVERIFY(port != 0);
    AgentProcess agent(u"agent"_s, port);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(agent.start(QStringLiteral(AMO_OPERATOR_EXE), {u"--server.bind=127.0.0.1:%1"_s.arg(port)},
                        simulator.environment()));

    // Up (healthz) long before ready: the first Azure listing takes at least kListingDelayMs.
    QTRY_COMPARE_WITH_TIMEOUT(agent.get(u"/healthz"_s).status, 200, 30000);
    const AgentTest::Answer notReady = agent.get(u"/readyz"_s);
    qInfo("serving after %lld ms; /readyz then: %d %s", timer.elapsed(), notReady.status, notReady.body.constData());
    QCOMPARE(notReady.status, 503);
    QVERIFY(!notReady.body.trimmed().isEmpty()); // names the reason

    int healthChecks = 0;
    int readyStatus = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const int health = agent.get(u"/healthz"_s).status;
            if (health != 200)
                qWarning("/healthz answered %d", health);
            healthChecks += health == 200 ? 1 : -1000;
            readyStatus = agent.get(u"/readyz"_s).status;
            return readyStatus == 200 || healthChecks < 0;
        }(),
        60000);
    QVERIFY2(healthChecks > 0, "/healthz was not 200 while waiting for readiness");
    QCOMPARE(readyStatus, 200);
    qInfo("ready after %lld ms (%d /healthz checks, all 200)", timer.elapsed(), healthChecks);
    // Sanity: the latency fault was in effect (coarse timers may fire up to 5% early).
    QVERIFY(timer.elapsed() >= kListingDelayMs * 9 / 10);

    // The first full sync writes the demo's pending changes; wait for its metrics.
    QByteArray metrics;
    QTRY_VERIFY_WITH_TIMEOUT((metrics = agent.get(u"/metrics"_s).body).contains("azuremsi_sync_resources_success{"),
                             60000);
    QCOMPARE(agent.get(u"/healthz"_s).status, 200);

    QProcess check;
    check.start(promtool, {u"check"_s, u"metrics"_s});
    QVERIFY(check.waitForStarted());
    check.write(metrics);
    check.closeWriteChannel();
    QVERIFY(check.waitForFinished(30000));
    const QByteArray checkOutput = check.readAllStandardOutput() + check.readAllStandardError();
    qInfo("promtool check metrics: exit %d, output: \"%s\" (%lld bytes checked)", check.exitCode(),
          checkOutput.trimmed().constData(), qint64(metrics.size()));
    QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0, checkOutput.constData());

    // The original's metrics, with real values.
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    for (const QString &subscription : kListed) {
        const auto time
            = AgentTest::metricValue(metrics, u"azuremsi_sync_time\\{subscription=%1\\}"_s.arg(label(subscription)));
        QVERIFY2(time.has_value(), qPrintable(subscription));
        QVERIFY2(*time > now - 600 && *time <= now + 1, qPrintable(QString::number(*time, 'f', 3)));
        const auto duration = AgentTest::metricValue(
            metrics, u"azuremsi_sync_duration\\{subscription=%1\\}"_s.arg(label(subscription)));
        QVERIFY2(duration.has_value(), qPrintable(subscription));
        // The listing waited for the injected latency at least once.
        QVERIFY2(*duration >= kListingDelayMs * 0.9 / 1000.0 && *duration < 600,
                 qPrintable(QString::number(*duration)));
    }
    // A failed listing leaves sync_time alone and counts an error instead.
    QVERIFY(!AgentTest::metricValue(metrics, u"azuremsi_sync_time\\{subscription=%1\\}"_s.arg(label(kForbidden))));
    QCOMPARE(AgentTest::metricValue(
                 metrics, u"azuremsi_subscription_listing_errors_total\\{subscription=%1\\}"_s.arg(label(kForbidden))),
             std::optional<double>(1));

    static const QRegularExpression success(
        uR"re(^azuremsi_sync_resources_success\{subscription="([0-9a-f-]+)",resource="(AzureIdentity|AzureIdentityBinding)"} (\S+)$)re"_s,
        QRegularExpression::MultilineOption);
    double written = 0;
    for (auto it = success.globalMatch(QString::fromUtf8(metrics)); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QVERIFY2(kListed.contains(match.captured(1)), qPrintable(match.captured(0)));
        written += match.captured(3).toDouble();
        // The lint-clean counter carries the same count.
        QCOMPARE(AgentTest::metricValue(metrics,
                                        u"azuremsi_sync_resources_success_total\\{subscription=%1,resource=%2\\}"_s.arg(
                                            label(match.captured(1)), label(match.captured(2)))),
                 std::optional<double>(match.captured(3).toDouble()));
    }
    QVERIFY2(written > 0, metrics.constData());
    const auto loggedWrites = [&agent] {
        static const QRegularExpression line(u" sync finished .*\\bwritten=(\\d+)"_s);
        int total = 0;
        for (auto it = line.globalMatch(agent.log()); it.hasNext();)
            total += it.next().captured(1).toInt();
        return total;
    };
    QTRY_COMPARE_WITH_TIMEOUT(loggedWrites(), int(written), 10000);
    qInfo("azuremsi_sync_resources_success sums to %g, as logged", written);
    // Declared (HELP/TYPE) even with no failed write yet.
    QVERIFY(metrics.contains("# TYPE azuremsi_sync_resources_errors gauge\n"));
    QVERIFY(metrics.contains("# HELP azuremsi_sync_resources_errors "));
    QVERIFY(!metrics.contains("\nazuremsi_sync_resources_errors{"));

    QCOMPARE(AgentTest::metricValue(metrics, u"azuremsi_leader"_s), std::optional<double>(1));
    QCOMPARE(AgentTest::metricValue(metrics,
                                    u"azuremsi_build_info\\{version=%1\\}"_s.arg(label(QStringLiteral(AMO_VERSION)))),
             std::optional<double>(1));
    for (const QString &kind : {u"CreateIdentity"_s, u"UpdateIdentity"_s, u"RepointBinding"_s, u"WaitForNamespace"_s,
                                u"Conflict"_s, u"Orphan"_s, u"Skip"_s})
        QVERIFY2(AgentTest::metricValue(metrics, u"azuremsi_plan_actions\\{kind=%1\\}"_s.arg(label(kind))),
                 qPrintable(kind));

    // The work queue, as client-go's workqueue metrics: nothing failed, nothing waits.
    QCOMPARE(AgentTest::metricValue(metrics, u"azuremsi_workqueue_retries_total\\{name=\"sync\"\\}"_s),
             std::optional<double>(0));
    QCOMPARE(AgentTest::metricValue(metrics, u"azuremsi_workqueue_depth\\{name=\"sync\"\\}"_s),
             std::optional<double>(0));
    QVERIFY(AgentTest::metricValue(metrics, u"azuremsi_workqueue_longest_running_seconds\\{name=\"sync\"\\}"_s));

    // Request metrics of both clients, with traffic in them.
    const auto kubeLists = AgentTest::metricValue(
        metrics,
        uR"re(azuremsi_kube_api_requests_total\{verb="[A-Z]+",resource="azureidentities",code="[0-9]+"\})re"_s);
    QVERIFY2(kubeLists.value_or(0) > 0, metrics.constData());
    QVERIFY2(AgentTest::metricValue(metrics, uR"re(azuremsi_kube_api_request_duration_seconds_count\{[^}]*\})re"_s)
                     .value_or(0)
                 > 0,
             metrics.constData());
    QVERIFY2(AgentTest::metricValue(metrics, uR"re(azurerm_api_request_count\{[^}]*\})re"_s).value_or(0) > 0,
             metrics.constData());
    QVERIFY2(metrics.contains("azurerm_api_request_bucket{"), metrics.constData());

    agent.process().terminate();
    QVERIFY(agent.waitExited(20000));
    QCOMPARE(agent.process().exitCode(), 0);
}

void TestAgentMetrics::standbyIsReadyWithoutListing()
{
    // A standby needs synced caches, not an Azure listing: with the Lease held by someone else it turns ready
    // and reports azuremsi_leader 0.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString scenario = slowScenario(dir);
    QVERIFY(!scenario.isEmpty());
    Amo::Agent::DemoEnvironment simulator;
    QString error;
    QVERIFY2(simulator.start(&error, scenario), qPrintable(error));
    const QString url = simulator.environment().value(u"SANDBOX_URL"_s);
    const QByteArray token = AgentTest::kubeconfigToken(simulator.environment().value(u"KUBECONFIG"_s));

    // Someone else holds the Lease and keeps it for the length of the test.
    const QString now = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'000Z'"_s);
    const QJsonObject lease {
        {u"apiVersion"_s, u"coordination.k8s.io/v1"_s},
        {u"kind"_s, u"Lease"_s},
        {u"metadata"_s, QJsonObject {{u"name"_s, u"azure-msi-operator-leader"_s}, {u"namespace"_s, u"default"_s}}},
        {u"spec"_s,
         QJsonObject {{u"holderIdentity"_s, u"someone-else"_s},
                      {u"leaseDurationSeconds"_s, 3600},
                      {u"acquireTime"_s, now},
                      {u"renewTime"_s, now}}}};
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(url + u"/apis/coordination.k8s.io/v1/namespaces/default/leases"_s));
    request.setRawHeader("Authorization", "Bearer " + token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    std::unique_ptr<QNetworkReply> created(nam.post(request, QJsonDocument(lease).toJson()));
    QSignalSpy done(created.get(), &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QCOMPARE(created->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);

    const quint16 port = AgentTest::freePort();
    QVERIFY(port != 0);
    AgentProcess agent(u"standby"_s, port);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(agent.start(QStringLiteral(AMO_OPERATOR_EXE),
                        {u"--server.bind=127.0.0.1:%1"_s.arg(port), u"--lease.enable"_s,
                         u"--instance.namespace=default"_s, u"--instance.pod=standby"_s, u"--sync.watch"_s},
                        simulator.environment()));
    QTRY_COMPARE_WITH_TIMEOUT(agent.get(u"/healthz"_s).status, 200, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(agent.get(u"/readyz"_s).status, 200, 30000);
    qInfo("standby ready after %lld ms", timer.elapsed());
    const QByteArray metrics = agent.get(u"/metrics"_s).body;
    QCOMPARE(AgentTest::metricValue(metrics, u"azuremsi_leader"_s), std::optional<double>(0));
    QVERIFY2(!metrics.contains("azuremsi_sync_time{"), metrics.constData()); // a standby does not list Azure

    agent.process().terminate();
    QVERIFY(agent.waitExited(20000));
    QCOMPARE(agent.process().exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestAgentMetrics)
#include "tst_agentmetrics.moc"
