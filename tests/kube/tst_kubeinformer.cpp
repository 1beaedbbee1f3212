// SPDX-License-Identifier: MIT
// Watch streams and informer caches: parsing, resuming from a resourceVersion, re-listing on
// 410, and a randomised run of writes and faults after which the cache (the ClusterStateSink that
// production uses) must equal the server. AMO_TEST_SEED=<n> replays one randomised run.
#include "kubetestenv.h"

#include "shared/kube/informer.h"
#include "shared/kube/watchstreamparser.h"
#include "shared/model/clusterstate.h"
#include "shared/sandbox/faultrule.h"
#include "shared/sandbox/kuberesourcetype.h"
#include "shared/sync/clusterstatesink.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Kube;
using Amo::Model::ClusterState;
using Amo::Sandbox::FaultKind;
using Amo::Sandbox::FaultRule;
using Amo::Sync::ClusterStateSink;
using KubeTest::Env;

namespace {

/** A ClusterState fed by one Informer, as the reconciler holds it. */
struct Cache
{
    explicit Cache(ClusterStateSink::Kind kind)
        : sink(kind, &state)
    {
    }
    qsizetype identities() const { return state.identities().size(); }

    ClusterState state;
    ClusterStateSink sink;
};

} // namespace

class TestKubeInformer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parserSplitsAnywhere();
    void parserManyEventsAndLargeObjects();
    void parserRejectsGarbage();
    void resumesFromResourceVersion();
    void goneForcesRelist();
    void namespacesAndBindings();
    void randomisedCacheEqualsServer();
};

void TestKubeInformer::parserSplitsAnywhere()
{
    const QByteArray stream
        = R"({"type":"ADDED","object":{"metadata":{"name":"a{b}","resourceVersion":"5"},"x":"q\"}"}})"
          "\n"
          R"({"type":"BOOKMARK","object":{"kind":"AzureIdentity","metadata":{"resourceVersion":"9"}}})"
          "\n";
    for (int cut = 1; cut < stream.size(); ++cut) {
        WatchStreamParser parser;
        QList<WatchEvent> events = parser.feed(stream.left(cut));
        events += parser.feed(stream.mid(cut));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].object[u"metadata"_s][u"name"_s].toString(), u"a{b}"_s);
        QCOMPARE(events[0].object[u"x"_s].toString(), u"q\"}"_s);
        QCOMPARE(events[1].type, WatchEvent::Type::Bookmark);
        QCOMPARE(events[1].resourceVersion, u"9"_s);
        QVERIFY(!parser.hasPartialEvent());
    }
}

void TestKubeInformer::parserManyEventsAndLargeObjects()
{
    QByteArray stream;
    for (int i = 0; i < 1000; ++i)
        stream += R"({"type":"MODIFIED","object":{"metadata":{"resourceVersion":")" + QByteArray::number(i)
            + R"("}}})"
              "\n";
    const QByteArray big(2 * 1024 * 1024, 'z');
    stream += R"({"type":"DELETED","object":{"data":")" + big + R"("}})";
    WatchStreamParser parser;
    QList<WatchEvent> events;
    for (qsizetype i = 0; i < stream.size(); i += 65536)
        events += parser.feed(stream.mid(i, 65536));
    QCOMPARE(events.size(), 1001);
    QCOMPARE(events.last().type, WatchEvent::Type::Deleted);
    QCOMPARE(events.last().object[u"data"_s].toString().size(), big.size());
    // A stream cut inside an event is recognisable, so the watch reports a break, not an end.
    parser.feed(R"({"type":"ADDED","obj)");
    QVERIFY(parser.hasPartialEvent());
}

void TestKubeInformer::parserRejectsGarbage()
{
    WatchStreamParser parser;
    parser.feed("<html>");
    QVERIFY(parser.error().contains(u"<html>"_s));
    WatchStreamParser unknown;
    unknown.feed(R"({"type":"SOMETHING","object":{}})");
    QVERIFY(!unknown.error().isEmpty());
}

namespace {

bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 15000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(5);
    }
    return true;
}

} // namespace

void TestKubeInformer::resumesFromResourceVersion()
{
    Env env(false);
    auto client = env.client(env.load(env.kubeconfig(u"    token: t-admin\n"_s)));
    env.store().put(KubeTest::identity(u"team-a"_s, u"one"_s));
    Cache cache(ClusterStateSink::Kind::Identity);
    int added = 0;
    cache.sink.onChange = [&](const ClusterStateSink::Change &change) {
        added += change.deleted ? 0 : 1;
    };
    Informer informer(client.get(), Resource::AzureIdentities, {}, &cache.sink);
    informer.start();
    QVERIFY(waitUntil([&] { return informer.hasSynced() && env.store().watchCount() == 1; }));
    const QString listedAt = informer.lastResourceVersion();
    env.store().dropAllWatches(); // the stream breaks without a final event
    env.store().put(KubeTest::identity(u"team-a"_s, u"two"_s)); // while nobody watches
    QVERIFY(waitUntil([&] { return cache.identities() == 2; }));
    QCOMPARE(added, 2);
    QCOMPARE(informer.lists(), 1); // resumed, not re-listed
    QVERIFY(informer.watches() >= 2);
    bool resumedAt = false;
    for (const QString &r : env.recorder.requests)
        resumedAt |= r.contains(u"watch=1"_s) && r.contains(u"resourceVersion="_s + listedAt);
    QVERIFY(resumedAt);
}

void TestKubeInformer::goneForcesRelist()
{
    Env env(false);
    auto client = env.client(env.load(env.kubeconfig(u"    token: t-admin\n"_s)));
    env.store().put(KubeTest::identity(u"team-a"_s, u"one"_s));
    Cache cache(ClusterStateSink::Kind::Identity);
    int deleted = 0;
    cache.sink.onChange = [&](const ClusterStateSink::Change &change) {
        deleted += change.deleted ? 1 : 0;
    };
    Informer informer(client.get(), Resource::AzureIdentities, {}, &cache.sink);
    informer.start();
    QVERIFY(waitUntil([&] { return informer.hasSynced() && env.store().watchCount() == 1; }));
    // Changes the watch never sees, then history compacted away: only a re-list can recover.
    env.store().dropAllWatches();
    env.store().remove(*Amo::Sandbox::KubeResourceType::find(u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentities"_s),
                       u"team-a"_s, u"one"_s);
    env.store().put(KubeTest::identity(u"team-b"_s, u"fresh"_s));
    env.store().compactNow();
    QVERIFY(waitUntil([&] { return cache.state.findIdentity(u"team-b"_s, u"fresh"_s) && cache.identities() == 1; }));
    QCOMPARE(informer.lists(), 2);
    QVERIFY(cache.state.findIdentity(u"team-b"_s, u"fresh"_s));
    QCOMPARE(deleted, 1); // the re-list reported what disappeared
}

void TestKubeInformer::namespacesAndBindings()
{
    Env env(false);
    auto client = env.client(env.load(env.kubeconfig(u"    token: t-admin\n"_s)));
    env.store().put(QJsonObject {{u"apiVersion"_s, u"aadpodidentity.k8s.io/v1"_s},
                                 {u"kind"_s, u"AzureIdentityBinding"_s},
                                 {u"metadata"_s,
                                  QJsonObject {{u"name"_s, u"b"_s},
                                               {u"namespace"_s, u"team-a"_s},
                                               {u"labels"_s, QJsonObject {{u"k"_s, u"v"_s}}}}},
                                 {u"spec"_s, QJsonObject {{u"azureIdentity"_s, u"id"_s}, {u"selector"_s, u"sel"_s}}}});
    ClusterState state;
    ClusterStateSink namespaces(ClusterStateSink::Kind::Namespace, &state);
    ClusterStateSink bindings(ClusterStateSink::Kind::Binding, &state);
    Informer nsInformer(client.get(), Resource::Namespaces, {}, &namespaces);
    Informer bindingInformer(client.get(), Resource::AzureIdentityBindings, {}, &bindings);
    nsInformer.start();
    bindingInformer.start();
    QVERIFY(waitUntil([&] { return namespaces.isSynced() && bindings.isSynced(); }));
    QVERIFY(state.findNamespace(u"team-a"_s));
    QVERIFY(state.isNamespaceReady(u"team-a"_s));
    const Amo::Model::ObservedBinding *b = state.findBinding(u"team-a"_s, u"b"_s);
    QVERIFY(b);
    QCOMPARE(b->azureIdentity, u"id"_s);
    QCOMPARE(b->selector, u"sel"_s);
    QCOMPARE(b->labels.value(u"k"_s), u"v"_s);
}

void TestKubeInformer::randomisedCacheEqualsServer()
{
    bool fixedSeed = false;
    const uint envSeed = qEnvironmentVariable("AMO_TEST_SEED").toUInt(&fixedSeed);
    const quint32 seed = fixedSeed ? quint32(envSeed) : QRandomGenerator::global()->generate();
    qInfo("seed %u (AMO_TEST_SEED=%u replays this run)", seed, seed);
    QRandomGenerator random(seed);
    Env env(false);
    env.server.faults().setSeed(seed);
    Amo::Sandbox::KubeStoreOptions storeOptions = env.store().options();
    storeOptions.bookmarkIntervalMs = 50;
    env.store().setOptions(storeOptions);
    ClientOptions options = Env::fastOptions();
    auto client = env.client(env.load(env.kubeconfig(u"    token: t-admin\n"_s)), options);
    Cache cache(ClusterStateSink::Kind::Identity);
    InformerOptions informerOptions;
    informerOptions.backoffBaseMs = 5;
    informerOptions.backoffCapMs = 50;
    informerOptions.watchTimeoutMinSeconds = 1; // short watches: many normal ends and resumes
    informerOptions.watchTimeoutMaxSeconds = 3;
    Informer informer(client.get(), Resource::AzureIdentities, {}, &cache.sink, informerOptions);
    const auto &type = *Amo::Sandbox::KubeResourceType::find(u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentities"_s);
    for (int i = 0; i < 40; ++i)
        env.store().put(KubeTest::identity(i % 2 ? u"team-a"_s : u"team-b"_s, u"id-%1"_s.arg(i)));
    informer.start();
    const QString watchPath = u"/apis/aadpodidentity.k8s.io/v1/azureidentities"_s;
    for (int round = 0; round < 60; ++round) {
        const int writes = int(random.bounded(1, 8));
        for (int w = 0; w < writes; ++w) {
            const QString ns = random.bounded(2) ? u"team-a"_s : u"team-b"_s;
            const QString name = u"id-%1"_s.arg(random.bounded(60));
            if (random.bounded(4) == 0)
                env.store().remove(type, ns, name);
            else
                env.store().put(KubeTest::identity(ns, name, u"c%1"_s.arg(random.bounded(1000))));
        }
        FaultRule rule;
        rule.path = watchPath;
        rule.times = 1;
        switch (random.bounded(7)) {
        case 0:
            env.store().dropAllWatches();
            break;
        case 1:
            env.store().expireAllWatches();
            break; // ERROR 410 on the stream
        case 2:
            env.store().compactNow();
            env.store().dropAllWatches();
            break; // resume hits 410
        case 3:
            rule.kind = FaultKind::Status;
            rule.status = random.bounded(2) ? 500 : 503;
            env.server.faults().add(rule);
            break;
        case 4:
            rule.kind = FaultKind::Reset;
            env.server.faults().add(rule);
            break;
        case 5:
            rule.kind = FaultKind::DropWatch;
            rule.dropAfterEvents = int(random.bounded(3));
            env.server.faults().add(rule);
            break;
        default:
            break;
        }
        QTest::qWait(int(random.bounded(5, 40)));
    }
    env.server.faults().clear();
    // Quiet now: once the cache has caught up it must equal a fresh list, field by field.
    auto fresh = [&] {
        ClusterState server;
        for (const auto &object : env.store().objects(type))
            server.insert(Amo::Model::ObservedIdentity::fromJson(object->json()));
        return server.identities();
    };
    QVERIFY2(waitUntil([&] { return cache.sink.isSynced() && cache.state.identities() == fresh(); }, 20000),
             qPrintable(u"seed %1: cache %2 vs server %3"_s.arg(seed).arg(cache.identities()).arg(fresh().size())));
    const ListResult listed = KubeTest::run(client->list(Resource::AzureIdentities, {}, {}));
    QCOMPARE(listed.items.size(), cache.identities());
    qInfo("lists %d, watches %d", informer.lists(), informer.watches());
}

QTEST_GUILESS_MAIN(TestKubeInformer)
#include "tst_kubeinformer.moc"
