// SPDX-License-Identifier: MIT
// Leader election on a Lease against the simulated API server, with short durations and loose bounds.
#include "../kube/kubetestenv.h"

#include "shared/sandbox/faultrule.h"
#include "shared/sandbox/requestlog.h"
#include "shared/sync/leaderelector.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Amo::Kube::KubeClient;
using Amo::Kube::Resource;
using Amo::Sandbox::FaultKind;
using Amo::Sandbox::FaultRule;
using Amo::Sync::LeaderElector;
using Amo::Sync::LeaderElectorConfig;
using KubeTest::Env;

namespace {
const QString Ns = u"team-a"_s;
const QString LeaseName = u"amo-leader"_s;
constexpr int Generous = 15000; // bounds only; nothing passes or fails on exact timings
} // namespace

class TestLeaderElector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void validatesDurations();
    void microTimeFormat();
    void firstAcquireCreatesLease();
    void standbyWhileLeaderRenews();
    void releaseHandsOver();
    void failedRenewalsLoseLeadership();
    void takeoverAfterExpiryOnLocalClock();
    void takeoverAfterHolderStops();
    void raceEndsWithOneLeader();

private:
    LeaderElector *elector(const QString &identity, std::chrono::milliseconds lease = 1500ms,
                           std::chrono::milliseconds renew = 1000ms);
    QJsonObject readSpec();
    void createLease(const QJsonObject &spec);

    std::unique_ptr<Env> m_env;
    std::vector<std::unique_ptr<KubeClient>> m_clients;
    std::vector<std::unique_ptr<LeaderElector>> m_electors;
};

void TestLeaderElector::init()
{
    m_env = std::make_unique<Env>(false);
    QCOMPARE(m_env->loadError, QString());
}

void TestLeaderElector::cleanup()
{
    m_electors.clear();
    m_clients.clear();
    m_env.reset();
}

LeaderElector *TestLeaderElector::elector(const QString &identity, std::chrono::milliseconds lease,
                                          std::chrono::milliseconds renew)
{
    m_clients.push_back(m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s))));
    LeaderElectorConfig config;
    config.ns = Ns;
    config.name = LeaseName;
    config.identity = identity;
    config.leaseDuration = lease;
    config.renewDeadline = renew;
    config.retryPeriod = 200ms;
    if (!config.validate(true).isEmpty())
        qFatal("bad test config");
    m_electors.push_back(std::make_unique<LeaderElector>(m_clients.back().get(), config));
    return m_electors.back().get();
}

QJsonObject TestLeaderElector::readSpec()
{
    auto reader = m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s)));
    const Amo::Kube::KubeResponse r = KubeTest::run(reader->get(Resource::Leases, Ns, LeaseName));
    return r.object.value(u"spec"_s).toObject();
}

void TestLeaderElector::createLease(const QJsonObject &spec)
{
    auto writer = m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s)));
    const QJsonObject lease {{u"apiVersion"_s, u"coordination.k8s.io/v1"_s},
                             {u"kind"_s, u"Lease"_s},
                             {u"metadata"_s, QJsonObject {{u"name"_s, LeaseName}, {u"namespace"_s, Ns}}},
                             {u"spec"_s, spec}};
    const Amo::Kube::KubeResponse r = KubeTest::run(writer->create(Resource::Leases, Ns, lease));
    QVERIFY2(r.ok(), qPrintable(r.error.message));
}

void TestLeaderElector::validatesDurations()
{
    LeaderElectorConfig c;
    c.ns = Ns;
    c.name = LeaseName;
    c.identity = u"a"_s;
    QCOMPARE(c.validate(), QString());
    c.renewDeadline = 15s;
    QVERIFY(!c.validate().isEmpty());
    c.renewDeadline = 2s;
    QVERIFY(!c.validate().isEmpty()); // not above 1.2 × retry period
    c.renewDeadline = 10s;
    c.retryPeriod = 500ms;
    QVERIFY(!c.validate().isEmpty());
    QCOMPARE(c.validate(true), QString());
    c.identity.clear();
    QVERIFY(!c.validate(true).isEmpty());
}

void TestLeaderElector::microTimeFormat()
{
    const QDateTime t(QDate(2024, 5, 1), QTime(12, 34, 56, 123), QTimeZone::utc());
    QCOMPARE(LeaderElector::microTime(t), u"2024-05-01T12:34:56.123000Z"_s);
}

void TestLeaderElector::firstAcquireCreatesLease()
{
    LeaderElector *a = elector(u"a"_s);
    QSignalSpy changed(a, &LeaderElector::leadershipChanged);
    QSignalSpy holder(a, &LeaderElector::observedHolderChanged);
    a->start();
    QTRY_VERIFY_WITH_TIMEOUT(a->isLeader(), Generous);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toBool(), true);
    QCOMPARE(holder.count(), 1);
    QCOMPARE(holder.at(0).at(0).toString(), u"a"_s);

    const QJsonObject spec = readSpec();
    QCOMPARE(spec.value(u"holderIdentity"_s).toString(), u"a"_s);
    QCOMPARE(spec.value(u"leaseTransitions"_s).toInt(), 0);
    QCOMPARE(spec.value(u"leaseDurationSeconds"_s).toInt(), 2);
    const QRegularExpression micro(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"_s);
    QVERIFY(micro.match(spec.value(u"renewTime"_s).toString()).hasMatch());
    QVERIFY(micro.match(spec.value(u"acquireTime"_s).toString()).hasMatch());
}

void TestLeaderElector::standbyWhileLeaderRenews()
{
    LeaderElector *a = elector(u"a"_s);
    LeaderElector *b = elector(u"b"_s);
    a->start();
    QTRY_VERIFY_WITH_TIMEOUT(a->isLeader(), Generous);
    QSignalSpy bChanged(b, &LeaderElector::leadershipChanged);
    b->start();
    QTRY_COMPARE_WITH_TIMEOUT(b->observedHolder(), u"a"_s, Generous);
    const QString firstRenew = readSpec().value(u"renewTime"_s).toString();

    // Well past the lease duration: the leader keeps renewing, so the standby never takes over.
    QTRY_VERIFY_WITH_TIMEOUT(readSpec().value(u"renewTime"_s).toString() != firstRenew, Generous);
    QTest::qWait(3000);
    QVERIFY(a->isLeader());
    QVERIFY(!b->isLeader());
    QCOMPARE(bChanged.count(), 0);
    QCOMPARE(readSpec().value(u"holderIdentity"_s).toString(), u"a"_s);
}

void TestLeaderElector::releaseHandsOver()
{
    LeaderElector *a = elector(u"a"_s);
    LeaderElector *b = elector(u"b"_s);
    a->start();
    QTRY_VERIFY_WITH_TIMEOUT(a->isLeader(), Generous);
    b->start();
    QTRY_COMPARE_WITH_TIMEOUT(b->observedHolder(), u"a"_s, Generous);

    QStringList order;
    connect(a, &LeaderElector::leadershipChanged, this,
            [&order](bool leader) { order << (leader ? u"leading"_s : u"stopped"_s); });
    connect(a, &LeaderElector::released, this, [&order] { order << u"released"_s; });
    QElapsedTimer elapsed;
    elapsed.start();
    a->release();
    QVERIFY(!a->isLeader()); // at once, before the Lease is written
    QTRY_VERIFY_WITH_TIMEOUT(b->isLeader(), Generous);
    QTRY_COMPARE_WITH_TIMEOUT(order, (QStringList {u"stopped"_s, u"released"_s}), Generous);
    // Handed over well before the 1.5 s lease could have expired (2.2 retry periods at most, plus load).
    qInfo("handover after %lld ms", elapsed.elapsed());

    const QJsonObject spec = readSpec();
    QCOMPARE(spec.value(u"holderIdentity"_s).toString(), u"b"_s);
    QCOMPARE(spec.value(u"leaseTransitions"_s).toInt(), 1);
    QVERIFY(!a->isRunning());
}

void TestLeaderElector::failedRenewalsLoseLeadership()
{
    LeaderElector *a = elector(u"a"_s);
    a->start();
    QTRY_VERIFY_WITH_TIMEOUT(a->isLeader(), Generous);
    QSignalSpy changed(a, &LeaderElector::leadershipChanged);

    FaultRule rule;
    rule.path = u"/apis/coordination.k8s.io/*"_s;
    rule.kind = FaultKind::Status;
    rule.status = 500;
    m_env->server.faults().add(rule);
    QElapsedTimer elapsed;
    elapsed.start();
    QTRY_VERIFY_WITH_TIMEOUT(!a->isLeader(), Generous);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toBool(), false);
    qInfo("lost leadership after %lld ms (renew deadline 1000 ms)", elapsed.elapsed());

    // Once the server answers again it competes and, holding the record itself, leads again.
    m_env->server.faults().clear();
    QTRY_VERIFY_WITH_TIMEOUT(a->isLeader(), Generous);
}

void TestLeaderElector::takeoverAfterExpiryOnLocalClock()
{
    // A record renewed "long ago" by the holder's clock: only our own observation time counts.
    createLease(QJsonObject {{u"holderIdentity"_s, u"ghost"_s},
                             {u"leaseDurationSeconds"_s, 2},
                             {u"acquireTime"_s, u"2000-01-01T00:00:00.000000Z"_s},
                             {u"renewTime"_s, u"2000-01-01T00:00:00.000000Z"_s},
                             {u"leaseTransitions"_s, 4}});
    LeaderElector *b = elector(u"b"_s);
    b->start();
    QTRY_COMPARE_WITH_TIMEOUT(b->observedHolder(), u"ghost"_s, Generous);
    // Observed just now, so it cannot be expired yet whatever renewTime says.
    QVERIFY(!b->isLeader());
    QCOMPARE(readSpec().value(u"holderIdentity"_s).toString(), u"ghost"_s);
    QTRY_VERIFY_WITH_TIMEOUT(b->isLeader(), Generous);
    const QJsonObject spec = readSpec();
    QCOMPARE(spec.value(u"holderIdentity"_s).toString(), u"b"_s);
    QCOMPARE(spec.value(u"leaseTransitions"_s).toInt(), 5);
}

void TestLeaderElector::takeoverAfterHolderStops()
{
    LeaderElector *a = elector(u"a"_s);
    LeaderElector *b = elector(u"b"_s);
    a->start();
    QTRY_VERIFY_WITH_TIMEOUT(a->isLeader(), Generous);
    b->start();
    QTRY_COMPARE_WITH_TIMEOUT(b->observedHolder(), u"a"_s, Generous);

    a->stop(); // as if killed: no release
    QTRY_VERIFY_WITH_TIMEOUT(b->isLeader(), Generous);
    QCOMPARE(readSpec().value(u"holderIdentity"_s).toString(), u"b"_s);
    QCOMPARE(readSpec().value(u"leaseTransitions"_s).toInt(), 1);
}

void TestLeaderElector::raceEndsWithOneLeader()
{
    createLease(
        QJsonObject {{u"holderIdentity"_s, QString()}, {u"leaseDurationSeconds"_s, 1}, {u"leaseTransitions"_s, 0}});
    // B's takeover is held at the server until A has read the same version and taken it, so B's
    // write is certainly stale. Long enough deadlines that the held write does not time out.
    FaultRule slow;
    slow.method = "PUT";
    slow.path = u"/apis/coordination.k8s.io/*"_s;
    slow.kind = FaultKind::Latency;
    slow.minDelayMs = 3000;
    slow.maxDelayMs = 3000;
    slow.times = 1;
    m_env->server.faults().add(slow);
    int conflicts = 0;
    connect(&m_env->server, &Amo::Sandbox::HttpServer::requestLogged, this,
            [&conflicts](const Amo::Sandbox::RequestLogEntry &entry) {
                if (entry.method == "PUT" && entry.status == 409)
                    ++conflicts;
            });

    LeaderElector *a = elector(u"a"_s, 12000ms, 10000ms);
    LeaderElector *b = elector(u"b"_s, 12000ms, 10000ms);
    b->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_env->server.faults().rules().value(0).fired == 1, Generous);
    a->start();
    QTRY_VERIFY_WITH_TIMEOUT(a->isLeader(), Generous);
    QTRY_COMPARE_WITH_TIMEOUT(conflicts, 1, Generous);
    QTRY_COMPARE_WITH_TIMEOUT(b->observedHolder(), u"a"_s, Generous);
    QVERIFY(!b->isLeader());
    QCOMPARE(readSpec().value(u"holderIdentity"_s).toString(), u"a"_s);
    QCOMPARE(readSpec().value(u"leaseTransitions"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestLeaderElector)
#include "tst_leaderelector.moc"
