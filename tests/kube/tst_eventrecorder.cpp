// SPDX-License-Identifier: MIT
// The Event recorder against the simulator: both Event APIs, series, the spam filter and failures.
#include "kubetestenv.h"

#include "shared/kube/eventrecorder.h"
#include "shared/kube/eventspamfilter.h"
#include "shared/sandbox/faultrule.h"
#include "shared/util/logger.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <cstdio>

using namespace Qt::StringLiterals;
using Amo::ManualClock;
using Amo::Kube::EventRecorder;
using Amo::Kube::EventRecorderOptions;
using Amo::Kube::EventReference;
using Amo::Kube::EventSpamFilter;
using Amo::Kube::KubeClient;
using Amo::Kube::Resource;
using Amo::Sandbox::FaultKind;
using Amo::Sandbox::FaultRule;
using KubeTest::Env;

namespace {
const QString Ns = u"team-a"_s;
const QString Component = u"azure-msi-operator"_s;
const QString Instance = u"amo-7d9f_42"_s;
constexpr int Generous = 20000; // bounds only; nothing passes or fails on exact timings
const QDateTime Start(QDate(2024, 5, 1), QTime(12, 0, 0, 250), QTimeZone::utc());

EventReference identityRef(const QString &name)
{
    return {u"aadpodidentity.k8s.io/v1"_s, u"AzureIdentity"_s, Ns, name, u"uid-"_s + name, u"17"_s};
}
} // namespace

class TestEventRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void formats();
    void referenceFromObject();
    void spamFilterBuckets();
    void recordsEventsV1();
    void identicalEventsFormASeries();
    void seriesWindowExpires();
    void fallsBackToCoreEvents();
    void missingNamespaceKeepsEventsV1();
    void spamFilterDropsBeyondBurst();
    void boundsInFlightAndQueue();
    void serverErrorsAreCounted();

private:
    EventRecorder *recorder(const EventRecorderOptions &options = {}, const Amo::Logger *logger = nullptr);
    QJsonArray events(Resource resource);

    std::unique_ptr<Env> m_env;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<KubeClient> m_client;
    std::unique_ptr<EventRecorder> m_recorder;
};

void TestEventRecorder::init()
{
    m_env = std::make_unique<Env>(false);
    QCOMPARE(m_env->loadError, QString());
    m_clock = std::make_unique<ManualClock>(Start);
}

void TestEventRecorder::cleanup()
{
    m_recorder.reset();
    m_client.reset();
    m_env.reset();
    m_clock.reset();
}

EventRecorder *TestEventRecorder::recorder(const EventRecorderOptions &options, const Amo::Logger *logger)
{
    // Built by hand rather than with Env::client() to run on the manual clock.
    m_env->networks.push_back(std::make_unique<QNetworkAccessManager>());
    m_client = std::make_unique<KubeClient>(m_env->networks.back().get(),
                                            m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s)),
                                            Env::fastOptions(), *m_clock, logger);
    m_recorder = std::make_unique<EventRecorder>(m_client.get(), Component, Instance, options);
    return m_recorder.get();
}

QJsonArray TestEventRecorder::events(Resource resource)
{
    auto reader = m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s)));
    const Amo::Kube::ListResult r = KubeTest::run(reader->list(resource, Ns, {}));
    if (!r.ok())
        qWarning("list failed: %s", qPrintable(r.error.message));
    return r.items;
}

void TestEventRecorder::formats()
{
    QCOMPARE(EventRecorder::microTime(Start), u"2024-05-01T12:00:00.250000Z"_s);
    QCOMPARE(EventRecorder::rfc3339(Start), u"2024-05-01T12:00:00Z"_s);
    QCOMPARE(EventRecorder::typeName(EventRecorder::Type::Warning), u"Warning"_s);

    QCOMPARE(EventRecorder::truncateNote(u"short"_s), u"short"_s);
    const QString exact(1024, u'a');
    QCOMPARE(EventRecorder::truncateNote(exact), exact);
    const QString cut = EventRecorder::truncateNote(exact + u'b');
    QCOMPARE(cut.toUtf8().size(), 1024);
    QVERIFY(cut.endsWith(u"..."_s));
    // Two-byte characters: the cut never splits one.
    const QString umlauts(600, QChar(0xe4));
    const QString cutUmlauts = EventRecorder::truncateNote(umlauts);
    QVERIFY(cutUmlauts.toUtf8().size() <= 1024);
    QCOMPARE(cutUmlauts, QString(510, QChar(0xe4)) + u"..."_s);
}

void TestEventRecorder::referenceFromObject()
{
    QJsonObject object = KubeTest::identity(Ns, u"id1"_s);
    QJsonObject metadata = object[u"metadata"_s].toObject();
    metadata[u"uid"_s] = u"u-1"_s;
    metadata[u"resourceVersion"_s] = u"5"_s;
    object[u"metadata"_s] = metadata;
    const EventReference ref = EventReference::fromObject(object);
    QCOMPARE(ref.toJson(),
             (QJsonObject {{u"apiVersion"_s, u"aadpodidentity.k8s.io/v1"_s},
                           {u"kind"_s, u"AzureIdentity"_s},
                           {u"namespace"_s, Ns},
                           {u"name"_s, u"id1"_s},
                           {u"uid"_s, u"u-1"_s},
                           {u"resourceVersion"_s, u"5"_s}}));
    // A new resourceVersion is still the same object.
    EventReference newer = ref;
    newer.resourceVersion = u"6"_s;
    QCOMPARE(newer.key(), ref.key());
}

void TestEventRecorder::spamFilterBuckets()
{
    EventSpamFilter filter(3, 1000, *m_clock, 2);
    QVERIFY(filter.allow(u"a"_s));
    QVERIFY(filter.allow(u"a"_s));
    QVERIFY(filter.allow(u"a"_s));
    QVERIFY(!filter.allow(u"a"_s));
    QVERIFY(filter.allow(u"b"_s)); // buckets are per key
    m_clock->advanceMs(1000);
    QVERIFY(filter.allow(u"a"_s));
    QVERIFY(!filter.allow(u"a"_s));
    m_clock->advanceMs(60 * 1000);
    QCOMPARE(filter.tokens(u"a"_s), 3.0); // never above the burst
    m_clock->advanceMs(-3600 * 1000);
    QCOMPARE(filter.tokens(u"a"_s), 0.0); // a clock stepping back mints nothing
    QVERIFY(filter.allow(u"c"_s)); // a third key evicts the longest-idle one
    QCOMPARE(filter.size(), 2);
}

void TestEventRecorder::recordsEventsV1()
{
    EventRecorder *r = recorder();
    QSignalSpy idle(r, &EventRecorder::idle);
    r->record(identityRef(u"id1"_s), EventRecorder::Type::Warning, u"CreateFailed"_s, u"Create"_s,
              u"the managed identity could not be created"_s);
    QVERIFY(!r->isIdle()); // queued, never sent from inside record()
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    QVERIFY(idle.count() >= 1);
    QCOMPARE(r->sentCount(), 1);
    QCOMPARE(r->failedCount(), 0);
    QCOMPARE(r->droppedCount(), 0);
    QVERIFY(!r->usesCoreEvents());

    const QJsonArray items = events(Resource::EventsV1);
    QCOMPARE(items.size(), 1);
    const QJsonObject e = items.at(0).toObject();
    const QRegularExpression name(u"^id1\\.[0-9a-f]{16}$"_s);
    QVERIFY2(name.match(e[u"metadata"_s][u"name"_s].toString()).hasMatch(),
             qPrintable(e[u"metadata"_s][u"name"_s].toString()));
    QCOMPARE(e[u"metadata"_s][u"namespace"_s].toString(), Ns);
    QCOMPARE(e[u"eventTime"_s].toString(), u"2024-05-01T12:00:00.250000Z"_s);
    QCOMPARE(e[u"reportingController"_s].toString(), Component);
    QCOMPARE(e[u"reportingInstance"_s].toString(), Instance);
    QCOMPARE(e[u"action"_s].toString(), u"Create"_s);
    QCOMPARE(e[u"reason"_s].toString(), u"CreateFailed"_s);
    QCOMPARE(e[u"note"_s].toString(), u"the managed identity could not be created"_s);
    QCOMPARE(e[u"type"_s].toString(), u"Warning"_s);
    QVERIFY(!e.contains(u"series"_s));
    const QJsonObject regarding = e[u"regarding"_s].toObject();
    QCOMPARE(regarding[u"apiVersion"_s].toString(), u"aadpodidentity.k8s.io/v1"_s);
    QCOMPARE(regarding[u"kind"_s].toString(), u"AzureIdentity"_s);
    QCOMPARE(regarding[u"namespace"_s].toString(), Ns);
    QCOMPARE(regarding[u"name"_s].toString(), u"id1"_s);
    QCOMPARE(regarding[u"uid"_s].toString(), u"uid-id1"_s);
    QCOMPARE(regarding[u"resourceVersion"_s].toString(), u"17"_s);
    // One POST (sentCount above); as on a real server the core/v1 view shows the same stored Event.
    const QJsonArray core = events(Resource::Events);
    QCOMPARE(core.size(), 1);
    QCOMPARE(core.at(0)[u"metadata"_s][u"name"_s].toString(), e[u"metadata"_s][u"name"_s].toString());
    QCOMPARE(core.at(0)[u"involvedObject"_s][u"name"_s].toString(), u"id1"_s);
}

void TestEventRecorder::identicalEventsFormASeries()
{
    EventRecorder *r = recorder();
    const EventReference id1 = identityRef(u"id1"_s);
    r->record(id1, EventRecorder::Type::Normal, u"Created"_s, u"Create"_s, u"created"_s);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    m_clock->advanceMs(60 * 1000);
    r->record(id1, EventRecorder::Type::Normal, u"Created"_s, u"Create"_s, u"created"_s);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    QCOMPARE(r->sentCount(), 2); // a create and a patch

    QJsonArray items = events(Resource::EventsV1);
    QCOMPARE(items.size(), 1);
    QJsonObject series = items.at(0)[u"series"_s].toObject();
    QCOMPARE(series[u"count"_s].toInt(), 2);
    QCOMPARE(series[u"lastObservedTime"_s].toString(), u"2024-05-01T12:01:00.250000Z"_s);
    QCOMPARE(items.at(0)[u"eventTime"_s].toString(), u"2024-05-01T12:00:00.250000Z"_s);

    // Another message is another Event; a burst of repeats becomes one write with the whole count.
    r->record(id1, EventRecorder::Type::Normal, u"Created"_s, u"Create"_s, u"created again"_s);
    for (int i = 0; i < 3; ++i)
        r->record(id1, EventRecorder::Type::Warning, u"Failed"_s, u"Update"_s, u"boom"_s);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    QCOMPARE(r->failedCount(), 0);
    items = events(Resource::EventsV1);
    QCOMPARE(items.size(), 3);
    int boom = 0;
    for (const QJsonValue &v : std::as_const(items)) {
        if (v[u"note"_s].toString() == u"boom"_s) {
            ++boom;
            QCOMPARE(v[u"series"_s][u"count"_s].toInt(), 3);
        }
    }
    QCOMPARE(boom, 1);
}

void TestEventRecorder::seriesWindowExpires()
{
    EventRecorder *r = recorder();
    const EventReference id1 = identityRef(u"id1"_s);
    r->record(id1, EventRecorder::Type::Normal, u"Created"_s, u"Create"_s, u"created"_s);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    m_clock->advanceMs(11 * 60 * 1000); // past the 10 minutes
    r->record(id1, EventRecorder::Type::Normal, u"Created"_s, u"Create"_s, u"created"_s);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    const QJsonArray items = events(Resource::EventsV1);
    QCOMPARE(items.size(), 2);
    for (const QJsonValue &v : items)
        QVERIFY(!v.toObject().contains(u"series"_s));
}

void TestEventRecorder::fallsBackToCoreEvents()
{
    // The sandbox serves events.k8s.io, so hide it the way an old server would: 404 for the group.
    FaultRule hidden;
    hidden.path = u"/apis/events.k8s.io/*"_s;
    hidden.kind = FaultKind::Status;
    hidden.status = 404;
    m_env->server.faults().add(hidden);

    EventRecorder *r = recorder();
    const EventReference id1 = identityRef(u"id1"_s);
    r->record(id1, EventRecorder::Type::Normal, u"Created"_s, u"Create"_s, u"created"_s);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    QVERIFY(r->usesCoreEvents());
    QCOMPARE(r->sentCount(), 1);
    QCOMPARE(r->failedCount(), 0);

    QJsonArray items = events(Resource::Events);
    QCOMPARE(items.size(), 1);
    QJsonObject e = items.at(0).toObject();
    QVERIFY(QRegularExpression(u"^id1\\.[0-9a-f]{16}$"_s).match(e[u"metadata"_s][u"name"_s].toString()).hasMatch());
    QCOMPARE(e[u"involvedObject"_s].toObject(), id1.toJson());
    QCOMPARE(e[u"reason"_s].toString(), u"Created"_s);
    QCOMPARE(e[u"message"_s].toString(), u"created"_s);
    QCOMPARE(e[u"type"_s].toString(), u"Normal"_s);
    QCOMPARE(e[u"source"_s][u"component"_s].toString(), Component);
    QVERIFY(!e[u"source"_s][u"host"_s].toString().isEmpty());
    QCOMPARE(e[u"firstTimestamp"_s].toString(), u"2024-05-01T12:00:00Z"_s);
    QCOMPARE(e[u"lastTimestamp"_s].toString(), u"2024-05-01T12:00:00Z"_s);
    QCOMPARE(e[u"count"_s].toInt(), 1);
    QCOMPARE(e[u"reportingComponent"_s].toString(), Component);
    QCOMPARE(e[u"reportingInstance"_s].toString(), Instance);
    QCOMPARE(e[u"action"_s].toString(), u"Create"_s);

    // Permanently: the repeat goes straight to core/v1 and bumps count and lastTimestamp.
    m_env->recorder.requests.clear();
    m_clock->advanceMs(30 * 1000);
    r->record(id1, EventRecorder::Type::Normal, u"Created"_s, u"Create"_s, u"created"_s);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    QCOMPARE(r->sentCount(), 2);
    for (const QString &request : std::as_const(m_env->recorder.requests))
        QVERIFY2(!request.contains(u"events.k8s.io"_s), qPrintable(request));
    items = events(Resource::Events);
    QCOMPARE(items.size(), 1);
    e = items.at(0).toObject();
    QCOMPARE(e[u"count"_s].toInt(), 2);
    QCOMPARE(e[u"firstTimestamp"_s].toString(), u"2024-05-01T12:00:00Z"_s);
    QCOMPARE(e[u"lastTimestamp"_s].toString(), u"2024-05-01T12:00:30Z"_s);
}

void TestEventRecorder::missingNamespaceKeepsEventsV1()
{
    // A 404 naming the namespace is not a missing API group: count a failure, do not switch.
    EventRecorder *r = recorder();
    EventReference gone = identityRef(u"id1"_s);
    gone.ns = u"nowhere"_s;
    r->record(gone, EventRecorder::Type::Normal, u"Created"_s, u"Create"_s, u"created"_s);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    QCOMPARE(r->failedCount(), 1);
    QCOMPARE(r->sentCount(), 0);
    QVERIFY(!r->usesCoreEvents());
}

void TestEventRecorder::spamFilterDropsBeyondBurst()
{
    EventRecorderOptions options;
    options.burst = 3;
    options.refillIntervalMs = 60 * 1000;
    EventRecorder *r = recorder(options);
    const EventReference id1 = identityRef(u"id1"_s);
    for (int i = 0; i < 5; ++i)
        r->record(id1, EventRecorder::Type::Normal, u"Synced"_s, u"Sync"_s, u"pass %1"_s.arg(i));
    r->record(identityRef(u"id2"_s), EventRecorder::Type::Normal, u"Synced"_s, u"Sync"_s, u"other"_s);
    QCOMPARE(r->droppedCount(), 2); // decided at once, before anything is sent
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    QCOMPARE(r->sentCount(), 4);

    // One refill interval later the object has one token again.
    m_clock->advanceMs(60 * 1000);
    r->record(id1, EventRecorder::Type::Normal, u"Synced"_s, u"Sync"_s, u"pass 5"_s);
    r->record(id1, EventRecorder::Type::Normal, u"Synced"_s, u"Sync"_s, u"pass 6"_s);
    QCOMPARE(r->droppedCount(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    QCOMPARE(r->sentCount(), 5);
    QCOMPARE(events(Resource::EventsV1).size(), 5);
}

void TestEventRecorder::boundsInFlightAndQueue()
{
    FaultRule slow;
    slow.path = u"/apis/events.k8s.io/*"_s;
    slow.kind = FaultKind::Latency;
    slow.minDelayMs = 300;
    slow.maxDelayMs = 300;
    m_env->server.faults().add(slow);

    EventRecorderOptions options;
    options.maxInFlight = 2;
    options.maxQueued = 5;
    EventRecorder *r = recorder(options);
    int peak = 0;
    QTimer probe;
    connect(&probe, &QTimer::timeout, this, [&] { peak = qMax(peak, r->inFlight()); });
    probe.start(5);
    for (int i = 0; i < 8; ++i)
        r->record(identityRef(u"id%1"_s.arg(i)), EventRecorder::Type::Normal, u"Synced"_s, u"Sync"_s, u"ok"_s);
    QCOMPARE(r->queued(), 5);
    QCOMPARE(r->droppedCount(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(r->inFlight() == 2 && r->queued() == 3, Generous);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    probe.stop();
    QCOMPARE(peak, 2);
    QCOMPARE(r->sentCount(), 5);
    QCOMPARE(r->failedCount(), 0);
    m_env->server.faults().clear();
    QCOMPARE(events(Resource::EventsV1).size(), 5);
}

void TestEventRecorder::serverErrorsAreCounted()
{
    std::FILE *logFile = std::tmpfile();
    QVERIFY(logFile);
    Amo::Logger logger(Amo::Logger::Format::Text, Amo::Logger::Level::Warning, logFile, *m_clock);
    FaultRule broken;
    broken.path = u"/api*"_s;
    broken.kind = FaultKind::Status;
    broken.status = 500;
    m_env->server.faults().add(broken);

    EventRecorder *r = recorder({}, &logger);
    for (int i = 0; i < 3; ++i)
        r->record(identityRef(u"id%1"_s.arg(i)), EventRecorder::Type::Warning, u"Failed"_s, u"Sync"_s, u"x"_s);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    QCOMPARE(r->failedCount(), 3);
    QCOMPARE(r->sentCount(), 0);
    QVERIFY(!r->usesCoreEvents()); // a 500 is no reason to change APIs

    // Once the server recovers the same event is created afresh.
    m_env->server.faults().clear();
    r->record(identityRef(u"id0"_s), EventRecorder::Type::Warning, u"Failed"_s, u"Sync"_s, u"x"_s);
    QTRY_VERIFY_WITH_TIMEOUT(r->isIdle(), Generous);
    QCOMPARE(r->sentCount(), 1);
    QCOMPARE(r->failedCount(), 3);
    QCOMPARE(events(Resource::EventsV1).size(), 1);

    // One warning for the run of failures, not one per Event.
    std::fflush(logFile);
    std::rewind(logFile);
    QByteArray log;
    char buffer[4096];
    while (const size_t n = std::fread(buffer, 1, sizeof buffer, logFile))
        log.append(buffer, qsizetype(n));
    std::fclose(logFile);
    QCOMPARE(log.count("could not record an Event"), 1);
}

QTEST_MAIN(TestEventRecorder)
#include "tst_eventrecorder.moc"
