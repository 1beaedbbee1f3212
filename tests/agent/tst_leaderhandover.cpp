// SPDX-License-Identifier: MIT
// Two real operator processes compete for one Lease in one simulated cluster: exactly one leads and writes,
// a killed leader is replaced once its Lease expires, and a leader stopped with SIGTERM hands the Lease back
// so the standby takes over long before it would expire.
#include "agentprocess.h"

#include "agent/demoenvironment.h"
#include "shared/sandbox/clusterbridge.h"
#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/faultrule.h"
#include "shared/sandbox/httpserver.h"
#include "shared/sandbox/kubeapihandler.h"
#include "shared/sandbox/kuberesourcetype.h"
#include "shared/sandbox/kubestore.h"
#include "shared/sandbox/requestlog.h"
#include "shared/sandbox/sandbox.h"

#include <QJsonArray>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using AgentTest::AgentProcess;

namespace {

const QString kNamespace = u"default"_s;
const QString kLeaseName = u"azure-msi-operator-leader"_s; // the default of --lease.name

/** Every state of the Lease the API server went through, from a watch opened before the agents start. */
class LeaseWatch
{
public:
    LeaseWatch(const QString &baseUrl, const QByteArray &token)
    {
        QNetworkRequest request(QUrl(baseUrl + u"/apis/coordination.k8s.io/v1/namespaces/"_s + kNamespace
                                     + u"/leases?watch=true&fieldSelector=metadata.name%3D"_s + kLeaseName));
        request.setRawHeader("Authorization", "Bearer " + token);
        m_reply.reset(m_nam.get(request));
        QObject::connect(m_reply.get(), &QNetworkReply::readyRead, m_reply.get(), [this] { read(); });
    }

    /** holderIdentity of each observed version, in order (repeats of the same holder folded). */
    QStringList holders() const { return m_holders; }
    bool isOpen() const { return m_reply && !m_reply->isFinished(); }

private:
    void read()
    {
        m_buffer += m_reply->readAll();
        qsizetype end = 0;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            const QJsonObject event = QJsonDocument::fromJson(m_buffer.left(end)).object();
            m_buffer.remove(0, end + 1);
            if (event.value(u"type"_s).toString() == u"BOOKMARK"_s)
                continue;
            const QString holder
                = event.value(u"object"_s).toObject().value(u"spec"_s).toObject().value(u"holderIdentity"_s).toString();
            if (m_holders.isEmpty() || m_holders.constLast() != holder)
                m_holders.append(holder);
        }
    }

    QNetworkAccessManager m_nam;
    std::unique_ptr<QNetworkReply> m_reply;
    QByteArray m_buffer;
    QStringList m_holders;
};

/** The writes an agent reported in its log ("sync finished … written=N"). */
int writesLogged(const QString &log)
{
    static const QRegularExpression finished(u" sync finished .*\\bwritten=(\\d+)"_s);
    int total = 0;
    for (auto it = finished.globalMatch(log); it.hasNext();)
        total += it.next().captured(1).toInt();
    return total;
}

} // namespace

class TestLeaderHandover : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void killedLeaderIsReplaced();
    void terminatedLeaderHandsOver();
    void partitionedLeaderStopsWriting();

private:
    /** Starts agent-a and agent-b with these lease timings and waits until one of them holds the Lease. */
    void startPair(const QStringList &leaseArgs);
    QJsonObject lease() const;
    QString holder() const { return lease().value(u"spec"_s).toObject().value(u"holderIdentity"_s).toString(); }
    /** Events the agents recorded for their writes, per reportingInstance. */
    QHash<QString, int> writeEventsByInstance() const;
    AgentProcess &byName(const QString &name) { return name == m_a->name() ? *m_a : *m_b; }

    std::unique_ptr<Amo::Agent::DemoEnvironment> m_simulator;
    QString m_url;
    QByteArray m_token;
    std::unique_ptr<AgentProcess> m_a;
    std::unique_ptr<AgentProcess> m_b;
};

void TestLeaderHandover::init()
{
    m_simulator = std::make_unique<Amo::Agent::DemoEnvironment>();
    QString error;
    QVERIFY2(m_simulator->start(&error), qPrintable(error));
    m_url = m_simulator->environment().value(u"SANDBOX_URL"_s);
    m_token = AgentTest::kubeconfigToken(m_simulator->environment().value(u"KUBECONFIG"_s));
    QVERIFY(!m_url.isEmpty());
    QVERIFY(!m_token.isEmpty());
}

void TestLeaderHandover::cleanup()
{
    m_a.reset();
    m_b.reset();
    m_simulator.reset();
}

void TestLeaderHandover::startPair(const QStringList &leaseArgs)
{
    for (const QString &name : {u"agent-a"_s, u"agent-b"_s}) {
        const quint16 port = AgentTest::freePort();
        QVERIFY(port != 0);
        auto agent = std::make_unique<AgentProcess>(name, port);
        const QStringList args
            = QStringList {u"--lease.enable"_s, u"--instance.namespace="_s + kNamespace, u"--instance.pod="_s + name,
                           u"--sync.watch"_s, u"--server.bind=127.0.0.1:%1"_s.arg(port)}
            + leaseArgs;
        QVERIFY2(agent->start(QStringLiteral(AMO_OPERATOR_EXE), args, m_simulator->environment()),
                 qPrintable(agent->process().errorString()));
        (name == u"agent-a"_s ? m_a : m_b) = std::move(agent);
    }
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(!holder().isEmpty(), 30000);
    qInfo("first leader %s after %lld ms", qPrintable(holder()), timer.elapsed());
}

QJsonObject TestLeaderHandover::lease() const
{
    const AgentTest::Answer answer = AgentTest::httpGet(
        QUrl(m_url + u"/apis/coordination.k8s.io/v1/namespaces/"_s + kNamespace + u"/leases/"_s + kLeaseName), m_token);
    return answer.status == 200 ? QJsonDocument::fromJson(answer.body).object() : QJsonObject();
}

QHash<QString, int> TestLeaderHandover::writeEventsByInstance() const
{
    QHash<QString, int> counts;
    for (const QString &path : {u"/apis/events.k8s.io/v1/events"_s, u"/api/v1/events"_s}) {
        const AgentTest::Answer answer = AgentTest::httpGet(QUrl(m_url + path), m_token);
        const QJsonArray items = QJsonDocument::fromJson(answer.body).object().value(u"items"_s).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject event = item.toObject();
            const QString reason = event.value(u"reason"_s).toString();
            if (reason == u"Created"_s || reason == u"Updated"_s || reason == u"Repointed"_s)
                ++counts[event.value(u"reportingInstance"_s).toString()];
        }
    }
    return counts;
}

void TestLeaderHandover::killedLeaderIsReplaced()
{
    const int leaseMs = 3000;
    startPair({u"--lease.duration=3s"_s, u"--lease.renewdeadline=2s"_s, u"--lease.retryperiod=500ms"_s});
    if (QTest::currentTestFailed())
        return;
    const QString first = holder();
    QVERIFY2(first == u"agent-a"_s || first == u"agent-b"_s, qPrintable(first));
    AgentProcess &leader = byName(first);
    AgentProcess &standby = byName(first == u"agent-a"_s ? u"agent-b"_s : u"agent-a"_s);

    // The leader syncs and writes the demo's pending changes; the standby writes nothing.
    QTRY_VERIFY_WITH_TIMEOUT(writesLogged(leader.log()) > 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(leader.metric(u"azuremsi_leader"_s), std::optional<double>(1), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(standby.metric(u"azuremsi_leader"_s), std::optional<double>(0), 10000);
    QCOMPARE(holder(), first); // still the same one: nobody lost the Lease meanwhile
    QVERIFY2(!standby.log().contains(u"became the leader"_s), qPrintable(standby.log()));
    QCOMPARE(writesLogged(standby.log()), 0);
    // The cluster's record of who wrote: an Event per write, reported by the writing instance.
    QTRY_VERIFY_WITH_TIMEOUT(writeEventsByInstance().value(first) > 0, 10000);
    const QHash<QString, int> events = writeEventsByInstance();
    qInfo() << "write Events per instance:" << events;
    QCOMPARE(events.value(standby.name()), 0);
    QCOMPARE(events.size(), 1);

    // SIGKILL: no release; the standby waits out the Lease.
    QElapsedTimer handover;
    handover.start();
    leader.process().kill();
    QVERIFY(leader.waitExited(10000));
    QTRY_VERIFY_WITH_TIMEOUT(holder() == standby.name(), 3 * leaseMs);
    const qint64 tookMs = handover.elapsed();
    qInfo("SIGKILL handover: %s took the Lease %lld ms after %s was killed (lease duration %d ms)",
          qPrintable(standby.name()), tookMs, qPrintable(leader.name()), leaseMs);
    QTRY_COMPARE_WITH_TIMEOUT(standby.metric(u"azuremsi_leader"_s), std::optional<double>(1), 10000);
    QVERIFY2(standby.log().contains(u"became the leader: writing"_s), qPrintable(standby.log()));
    QCOMPARE(standby.process().state(), QProcess::Running);
}

void TestLeaderHandover::terminatedLeaderHandsOver()
{
    // Long enough that a takeover by expiry could not pass for one by release.
    const int leaseMs = 10000;
    LeaseWatch watch(m_url, m_token);
    startPair({u"--lease.duration=10s"_s, u"--lease.renewdeadline=7s"_s, u"--lease.retryperiod=500ms"_s});
    if (QTest::currentTestFailed())
        return;
    const QString first = holder();
    AgentProcess &leader = byName(first);
    AgentProcess &standby = byName(first == u"agent-a"_s ? u"agent-b"_s : u"agent-a"_s);
    QTRY_VERIFY_WITH_TIMEOUT(writesLogged(leader.log()) > 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(leader.metric(u"azuremsi_leader"_s), std::optional<double>(1), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(standby.metric(u"azuremsi_leader"_s), std::optional<double>(0), 10000);
    QCOMPARE(writesLogged(standby.log()), 0);
    QVERIFY(watch.isOpen());

    QElapsedTimer handover;
    handover.start();
    leader.process().terminate();
    QVERIFY(leader.waitExited(20000));
    const qint64 exitedMs = handover.elapsed();
    QCOMPARE(leader.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(leader.process().exitCode(), 0);
    QVERIFY2(leader.log().contains(u"lease released"_s), qPrintable(leader.log()));
    QTRY_VERIFY_WITH_TIMEOUT(holder() == standby.name(), 3 * leaseMs);
    const qint64 tookMs = handover.elapsed();
    qInfo("SIGTERM handover: %s exited after %lld ms, %s took the Lease %lld ms after the signal (lease duration %d "
          "ms)",
          qPrintable(leader.name()), exitedMs, qPrintable(standby.name()), tookMs, leaseMs);
    // The release, not the expiry, let the standby in.
    QVERIFY2(tookMs < 6000, qPrintable(u"took %1 ms"_s.arg(tookMs)));
    // The API server saw the Lease handed back (holder "") between the two holders.
    QTRY_COMPARE_WITH_TIMEOUT(watch.holders().value(watch.holders().size() - 1), standby.name(), 5000);
    const QStringList holders = watch.holders();
    qInfo() << "holders seen by a watch:" << holders;
    const qsizetype released = holders.lastIndexOf(QString());
    QVERIFY2(released > 0 && holders.at(released - 1) == first && holders.at(released + 1) == standby.name(),
             qPrintable(holders.join(u", "_s)));
    QTRY_COMPARE_WITH_TIMEOUT(standby.metric(u"azuremsi_leader"_s), std::optional<double>(1), 10000);
}

void TestLeaderHandover::partitionedLeaderStopsWriting()
{
    // A one-sided partition: the leader can no longer reach the Lease, yet its writes still reach the
    // API server. Its creates are answered 429 with Retry-After: 2 s, so retries are pending when it
    // loses the Lease (the Lease outlives the renew deadline by 1 s only).
    // Once the other replica holds the Lease, not one write from the old leader may arrive.
    startPair({u"--lease.duration=3s"_s, u"--lease.renewdeadline=2s"_s, u"--lease.retryperiod=500ms"_s});
    if (QTest::currentTestFailed())
        return;
    const QString first = holder();
    AgentProcess &leader = byName(first);
    AgentProcess &standby = byName(first == u"agent-a"_s ? u"agent-b"_s : u"agent-a"_s);
    QTRY_VERIFY_WITH_TIMEOUT(writesLogged(leader.log()) > 0, 30000);

    auto &store = static_cast<Amo::Sandbox::KubeApiHandler *>(m_simulator->sandbox().cluster().native())->store();
    const auto *identities
        = Amo::Sandbox::KubeResourceType::find(u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentities"_s);
    // The identities the leader created: MSIs want them, so whoever leads restores them (orphans it would not).
    QList<std::pair<QString, QString>> managed; // namespace, name
    static const QRegularExpression created(u" applied CreateIdentity namespace=(\\S+) object=(\\S+)"_s);
    for (auto it = created.globalMatch(leader.log()); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        managed.append({match.captured(1), match.captured(2)});
    }
    QVERIFY2(managed.size() >= 3, "the demo has too few managed AzureIdentities");

    const QString leaderAgent = u"*("_s + leader.name() + u')';
    Amo::Sandbox::FaultRule cut;
    cut.id = u"lease-partition"_s;
    cut.kind = Amo::Sandbox::FaultKind::Stall;
    cut.path = u"/apis/coordination.k8s.io/*"_s;
    cut.userAgent = leaderAgent;
    Amo::Sandbox::FaultRule flaky;
    flaky.id = u"leader-writes-429"_s;
    flaky.kind = Amo::Sandbox::FaultKind::Status;
    flaky.status = 429;
    flaky.retryAfterSeconds = 2;
    flaky.method = "POST";
    flaky.path = u"/apis/aadpodidentity.k8s.io/*"_s;
    flaky.userAgent = leaderAgent;
    m_simulator->sandbox().faults().add(cut);
    m_simulator->sandbox().faults().add(flaky);

    // Someone keeps deleting managed identities, so whoever leads has creates to send.
    int next = 0;
    QTimer churn;
    QObject::connect(&churn, &QTimer::timeout, [&] {
        const auto &[ns, name] = managed.at(next++ % managed.size());
        store.remove(*identities, ns, name);
    });
    churn.start(200);
    QElapsedTimer partition;
    partition.start();
    QTRY_VERIFY_WITH_TIMEOUT(holder() == standby.name(), 20000);
    const qint64 handoverMs = partition.elapsed();
    const QString acquireTime = lease().value(u"spec"_s).toObject().value(u"acquireTime"_s).toString();
    const QDateTime acquired = QDateTime::fromString(acquireTime, Qt::ISODateWithMs);
    QVERIFY2(acquired.isValid(), qPrintable(acquireTime));
    QTest::qWait(4000); // the churn goes on under the new leader
    churn.stop();

    auto writesBy = [&](const QString &name, const QDateTime &after) {
        int count = 0;
        for (const Amo::Sandbox::RequestLogEntry &entry : m_simulator->sandbox().requestLog().entries()) {
            const bool write = entry.method == "POST" || entry.method == "PATCH" || entry.method == "PUT";
            if (write && entry.path.startsWith(u"/apis/aadpodidentity.k8s.io/"_s)
                && entry.userAgent.endsWith(u'(' + name + u')') && entry.time >= after)
                ++count;
        }
        return count;
    };
    const int leaderTotal = writesBy(leader.name(), {});
    const int leaderAfter = writesBy(leader.name(), acquired);
    const int standbyAfter = writesBy(standby.name(), acquired);
    const int standbyBefore = writesBy(standby.name(), {}) - standbyAfter;
    qInfo("partition: %s lost the Lease to %s after %lld ms; writes from %s: %d in all, %d after the handover; "
          "from %s: %d before, %d after",
          qPrintable(leader.name()), qPrintable(standby.name()), handoverMs, qPrintable(leader.name()), leaderTotal,
          leaderAfter, qPrintable(standby.name()), standbyBefore, standbyAfter);
    QVERIFY2(leader.log().contains(u"stopped leading"_s), qPrintable(leader.log()));
    QCOMPARE(leaderAfter, 0); // never two writers
    QCOMPARE(standbyBefore, 0);
    QVERIFY(standbyAfter > 0);
    QVERIFY(leaderTotal > 0);
    // The new leader restores what the churn deleted.
    auto missing = [&] {
        int count = 0;
        for (const auto &[ns, name] : std::as_const(managed))
            count += store.get(*identities, ns, name).ok() ? 0 : 1;
        return count;
    };
    QTRY_COMPARE_WITH_TIMEOUT(missing(), 0, 20000);
    QCOMPARE(leader.process().state(), QProcess::Running);
}

QTEST_GUILESS_MAIN(TestLeaderHandover)
#include "tst_leaderhandover.moc"
