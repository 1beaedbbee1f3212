// SPDX-License-Identifier: MIT
// The sync engine end to end: the agent's OperatorService against the simulator, in-process, with
// the real clients. Each case builds its own small world; nothing passes or fails on timings.
#include "agent/demoenvironment.h"
#include "agent/operatorservice.h"
#include "agent/workqueuemetrics.h"
#include "shared/azure/retrypolicy.h"
#include "shared/config/operatorconfig.h"
#include "shared/kube/eventrecorder.h"
#include "shared/metrics/registry.h"
#include "shared/sandbox/clusterbridge.h"
#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/faultrule.h"
#include "shared/sandbox/httpexchange.h"
#include "shared/sandbox/httpserver.h"
#include "shared/sandbox/kubeapihandler.h"
#include "shared/sandbox/kuberesourcetype.h"
#include "shared/sandbox/kubestore.h"
#include "shared/sandbox/requestlog.h"
#include "shared/sandbox/sandbox.h"
#include "shared/sync/operatorclients.h"
#include "shared/sync/plantext.h"
#include "shared/sync/reconciler.h"
#include "shared/sync/workqueue.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using Amo::Sandbox::KubeResourceType;
using Amo::Sync::Action;
using Amo::Sync::SyncReport;

namespace {

const QString S1 = u"11111111-2222-3333-4444-555555555555"_s;
const QString S2 = u"66666666-7777-8888-9999-000000000000"_s;
const QString SeedClientId = u"df398181-f42f-41b4-b791-b1d4572be315"_s;
const QString SeedIdentity = u"foobar-"_s + SeedClientId;
constexpr int kWaitMs = 30000; // a bound for hangs only

QJsonObject msi(const QString &subscription, const QString &group, const QString &name, const QString &clientId,
                const QString &namespaces)
{
    return {{u"subscriptionId"_s, subscription},
            {u"resourceGroup"_s, group},
            {u"name"_s, name},
            {u"location"_s, u"westeurope"_s},
            {u"clientId"_s, clientId},
            {u"tags"_s, QJsonObject {{u"k8snamespace"_s, namespaces}}}};
}

QString clientIdFor(int i)
{
    return u"00000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
}

/** The seed README's MSI (foobar in barfoo, tag k8snamespace: test123) plus neighbours for the other cases. */
QJsonObject baseScenario()
{
    QJsonArray msis {
        msi(S1, u"barfoo"_s, u"foobar"_s, SeedClientId, u"test123"_s),
        msi(S1, u"rg"_s, u"later"_s, clientIdFor(1), u"later"_s),
        msi(S2, u"rg"_s, u"other"_s, clientIdFor(2), u"team-b"_s),
    };
    return {
        {u"tenants"_s, QJsonArray {QJsonObject {{u"id"_s, u"aaaaaaaa-0000-4000-8000-000000000001"_s}}}},
        {u"applications"_s,
         QJsonArray {QJsonObject {{u"clientId"_s, u"aaaaaaaa-0000-4000-8000-0000000000a1"_s},
                                  {u"secrets"_s, QJsonArray {u"test-secret"_s}}}}},
        {u"subscriptions"_s,
         QJsonArray {QJsonObject {{u"id"_s, S1}, {u"displayName"_s, u"one"_s}},
                     QJsonObject {{u"id"_s, S2}, {u"displayName"_s, u"two"_s}}}},
        {u"msis"_s, msis},
        {u"kubernetes"_s, QJsonObject {{u"namespaces"_s, QJsonArray {u"test123"_s, u"team-b"_s}}}},
    };
}

QJsonObject seedLabels()
{
    return {{u"msi.azure.k8s.io/name"_s, u"foobar"_s},
            {u"msi.azure.k8s.io/resourcegroup"_s, u"barfoo"_s},
            {u"msi.azure.k8s.io/subscription"_s, S1}};
}

/** Runs a hook on matching requests before the Kubernetes handler answers them. */
class RequestHook : public Amo::Sandbox::HttpHandler
{
public:
    std::function<void(const Amo::Sandbox::HttpRequest &)> onRequest;
    bool handle(const Amo::Sandbox::HttpRequest &request, Amo::Sandbox::HttpExchange &) override
    {
        if (onRequest)
            onRequest(request);
        return false;
    }
};

/** One simulator plus one agent service over it. */
class World
{
public:
    explicit World(const QJsonObject &scenario, std::FILE *log = stderr)
        : m_logger(Amo::Logger::Format::Text, Amo::Logger::Level::Warning, log, Amo::Clock::system())
    {
        m_file.setFileTemplate(QDir::tempPath() + u"/amo-scenario-XXXXXX.json"_s);
        if (!m_file.open()) {
            error = m_file.errorString();
            return;
        }
        m_file.write(QJsonDocument(scenario).toJson());
        m_file.flush();
        if (!m_sim.start(&error, m_file.fileName()))
            return;
        config.azureEnvironment = u"AZURESTACKCLOUD"_s;
        config.kubeconfig = m_sim.environment().value(u"KUBECONFIG"_s);
        config.syncLockTime = Amo::Config::GoDuration(0);
        config.kubernetesQps = 1000;
        config.kubernetesBurst = 1000;
    }

    bool start(QString *why)
    {
        if (!error.isEmpty()) {
            *why = error;
            return false;
        }
        Amo::Sync::ClientEnvironment env;
        env.environment = QProcessEnvironment();
        for (auto it = m_sim.environment().begin(); it != m_sim.environment().end(); ++it)
            env.environment.insert(it.key(), it.value());
        clients = Amo::Sync::OperatorClients::create(config, env, Amo::Clock::system(), m_logger, why);
        if (!clients)
            return false;
        service = std::make_unique<Amo::Agent::OperatorService>(config, clients.get(), m_logger);
        service->enableEvents(u"test-agent"_s);
        if (queueMetrics)
            service->setQueueMetrics(queueMetrics);
        QObject::connect(service.get(), &Amo::Agent::OperatorService::syncFinished,
                         [this](const SyncReport &report) { reports.append(report); });
        return service->start(false, why);
    }

    Amo::Sync::Reconciler &reconciler() { return *service->reconciler(); }
    Amo::Sandbox::Sandbox &sandbox() { return m_sim.sandbox(); }
    Amo::Sandbox::KubeStore &store()
    {
        return static_cast<Amo::Sandbox::KubeApiHandler *>(sandbox().cluster().native())->store();
    }

    /** Waits for the next finished sync of @p kind and returns it. */
    bool waitFor(SyncReport::Kind kind, SyncReport *out)
    {
        const qsizetype from = reports.size();
        return QTest::qWaitFor(
            [&] {
                for (qsizetype i = from; i < reports.size(); ++i) {
                    if (reports[i].kind == kind) {
                        *out = reports[i];
                        return true;
                    }
                }
                return false;
            },
            kWaitMs);
    }

    QJsonObject object(const QString &plural, const QString &ns, const QString &name)
    {
        const KubeResourceType *type = plural == u"namespaces"
            ? KubeResourceType::find({}, u"v1"_s, plural)
            : (plural == u"events" ? KubeResourceType::find(u"events.k8s.io"_s, u"v1"_s, plural)
                                   : KubeResourceType::find(u"aadpodidentity.k8s.io"_s, u"v1"_s, plural));
        const Amo::Sandbox::KubeResult result = store().get(*type, ns, name);
        return result.ok() ? result.object->json() : QJsonObject();
    }
    QJsonObject identity(const QString &ns, const QString &name) { return object(u"azureidentities"_s, ns, name); }

    void createNamespace(const QString &name)
    {
        store().create(*KubeResourceType::find({}, u"v1"_s, u"namespaces"_s), {},
                       QJsonObject {{u"apiVersion"_s, u"v1"_s},
                                    {u"kind"_s, u"Namespace"_s},
                                    {u"metadata"_s, QJsonObject {{u"name"_s, name}}}});
    }

    /** Writes the API server answered for AzureIdentities and bindings (creates, patches, updates). */
    int writes()
    {
        int count = 0;
        for (const Amo::Sandbox::RequestLogEntry &entry : m_sim.sandbox().requestLog().entries()) {
            const bool write = entry.method == "POST" || entry.method == "PATCH" || entry.method == "PUT";
            if (write && entry.path.contains(u"/apis/aadpodidentity.k8s.io/"_s))
                ++count;
        }
        return count;
    }
    /** ARM requests (listing subscriptions and identities). */
    int armRequests()
    {
        int count = 0;
        for (const Amo::Sandbox::RequestLogEntry &entry : m_sim.sandbox().requestLog().entries())
            count += entry.path.startsWith(u"/subscriptions"_s) ? 1 : 0;
        return count;
    }

    /** Requests the API server answered for @p method on paths containing @p path, with @p status (0: any). */
    int requests(const QByteArray &method, const QString &path, int status = 0)
    {
        int count = 0;
        for (const Amo::Sandbox::RequestLogEntry &entry : m_sim.sandbox().requestLog().entries()) {
            if (entry.method == method && entry.path.contains(path) && (status == 0 || entry.status == status))
                ++count;
        }
        return count;
    }

    Amo::Config::OperatorConfig config;
    Amo::Agent::WorkQueueMetrics *queueMetrics = nullptr; // set before start()
    std::unique_ptr<Amo::Sync::OperatorClients> clients;
    std::unique_ptr<Amo::Agent::OperatorService> service;
    QList<SyncReport> reports;
    QString error;

private:
    QTemporaryFile m_file;
    Amo::Agent::DemoEnvironment m_sim;
    Amo::Logger m_logger;
};

int countKind(const Amo::Sync::Plan &plan, Action::Kind kind)
{
    return plan.count(kind);
}

} // namespace

class TestOperatorSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedExampleEndToEnd();
    void secondSyncWritesNothing();
    void bindingIsRepointed();
    void takeOverIsRefusedAndReported();
    void newNamespaceGetsItsIdentity();
    void burstOfNamespacesIsNotDropped();
    void deletedIdentityIsRestored();
    void conflictIsRereadAndRetried();
    void failingSubscriptionKeepsItsMsis();
    void invalidTagIsSkippedWithEvent();
    void expiryIsRenewedOnlyWhenDue();
    void triggerInsideLockTimeIsPostponed();
    void failedWriteIsRetriedWithBackoff();
    void stalledAzureDoesNotHoldIncrementalWork();
    void failedFirstListingIsRetriedSoon();
    void notReadyWhileShuttingDown();
};

void TestOperatorSync::seedExampleEndToEnd()
{
    World world(baseScenario());
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport report;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &report));
    QVERIFY2(report.ok(), qPrintable(report.error));

    // The object of the original's README, field by field.
    const QJsonObject object = world.identity(u"test123"_s, SeedIdentity);
    QVERIFY2(!object.isEmpty(), "the seed AzureIdentity was not created");
    QCOMPARE(object.value(u"apiVersion"_s).toString(), u"aadpodidentity.k8s.io/v1"_s);
    QCOMPARE(object.value(u"kind"_s).toString(), u"AzureIdentity"_s);
    const QJsonObject metadata = object.value(u"metadata"_s).toObject();
    QCOMPARE(metadata.value(u"labels"_s).toObject(), seedLabels());
    QVERIFY(!metadata.contains(u"annotations"_s)); // neither namespaced mode nor expiry is on
    const QJsonObject spec = object.value(u"spec"_s).toObject();
    QCOMPARE(spec.value(u"type"_s).toInt(-1), 0);
    QCOMPARE(spec.value(u"clientID"_s).toString(), SeedClientId);
    QCOMPARE(spec.value(u"resourceID"_s).toString().toLower(),
             (u"/subscriptions/"_s + S1
              + u"/resourcegroups/barfoo/providers/Microsoft.ManagedIdentity/"
                u"userAssignedIdentities/foobar"_s)
                 .toLower());
    // "later" has no namespace yet: reported, not written.
    QCOMPARE(countKind(report.plan, Action::Kind::WaitForNamespace), 1);
    QVERIFY(world.identity(u"later"_s, u"later-"_s + clientIdFor(1)).isEmpty());
    QCOMPARE(countKind(report.plan, Action::Kind::CreateIdentity), 2);
    QCOMPARE(world.writes(), 2);
}

void TestOperatorSync::secondSyncWritesNothing()
{
    World world(baseScenario());
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport first;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &first));
    QCOMPARE(first.plan.writeCount(), 2);
    const int writesBefore = world.writes();

    world.reconciler().requestFullSync();
    SyncReport second;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &second));
    QVERIFY2(second.ok(), qPrintable(second.error));
    QCOMPARE(second.plan.writeCount(), 0);
    QCOMPARE(world.writes(), writesBefore);
}

void TestOperatorSync::bindingIsRepointed()
{
    QJsonObject scenario = baseScenario();
    QJsonObject kube = scenario.value(u"kubernetes"_s).toObject();
    const QJsonObject binding {
        {u"name"_s, u"foobar"_s},
        {u"namespace"_s, u"test123"_s},
        {u"labels"_s, seedLabels()},
        {u"spec"_s,
         QJsonObject {{u"azureIdentity"_s, u"foobar-old-client-id"_s}, {u"selector"_s, u"your-selector"_s}}}};
    const QJsonObject unlabelled {
        {u"name"_s, u"manual"_s},
        {u"namespace"_s, u"test123"_s},
        {u"spec"_s, QJsonObject {{u"azureIdentity"_s, u"something-else"_s}, {u"selector"_s, u"manual"_s}}}};
    kube.insert(u"azureIdentityBindings"_s, QJsonArray {binding, unlabelled});
    scenario.insert(u"kubernetes"_s, kube);
    World world(scenario);
    world.config.azureIdentityBindingSync = true;
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport report;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &report));
    QCOMPARE(countKind(report.plan, Action::Kind::RepointBinding), 1);

    const QJsonObject after = world.object(u"azureidentitybindings"_s, u"test123"_s, u"foobar"_s);
    QCOMPARE(after.value(u"spec"_s).toObject().value(u"azureIdentity"_s).toString(), SeedIdentity);
    QCOMPARE(after.value(u"spec"_s).toObject().value(u"selector"_s).toString(), u"your-selector"_s);
    // A binding without the lookup labels is not ours.
    const QJsonObject manual = world.object(u"azureidentitybindings"_s, u"test123"_s, u"manual"_s);
    QCOMPARE(manual.value(u"spec"_s).toObject().value(u"azureIdentity"_s).toString(), u"something-else"_s);
}

void TestOperatorSync::takeOverIsRefusedAndReported()
{
    // A namespace admin plants the name the operator will use for foobar, pointing at team-b's MSI, and
    // waits for the labelled binding to be re-pointed to it.
    const QString foreignId = u"/subscriptions/"_s + S2
        + u"/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/other"_s;
    QJsonObject scenario = baseScenario();
    QJsonObject kube = scenario.value(u"kubernetes"_s).toObject();
    kube.insert(
        u"azureIdentities"_s,
        QJsonArray {QJsonObject {
            {u"name"_s, SeedIdentity},
            {u"namespace"_s, u"test123"_s},
            {u"spec"_s, QJsonObject {{u"type"_s, 0}, {u"resourceID"_s, foreignId}, {u"clientID"_s, clientIdFor(2)}}}}});
    kube.insert(u"azureIdentityBindings"_s,
                QJsonArray {QJsonObject {{u"name"_s, u"foobar"_s},
                                         {u"namespace"_s, u"test123"_s},
                                         {u"labels"_s, seedLabels()},
                                         {u"spec"_s,
                                          QJsonObject {{u"azureIdentity"_s, u"foobar-old-client-id"_s},
                                                       {u"selector"_s, u"your-selector"_s}}}}});
    scenario.insert(u"kubernetes"_s, kube);
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> log(std::tmpfile(), &std::fclose);
    QVERIFY(log);
    World world(scenario, log.get());
    world.config.azureIdentityBindingSync = true;
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport report;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &report));
    QCOMPARE(countKind(report.plan, Action::Kind::RepointBinding), 0);

    const QJsonObject binding = world.object(u"azureidentitybindings"_s, u"test123"_s, u"foobar"_s);
    QCOMPARE(binding.value(u"spec"_s).toObject().value(u"azureIdentity"_s).toString(), u"foobar-old-client-id"_s);
    const QJsonObject planted = world.identity(u"test123"_s, SeedIdentity);
    QCOMPARE(planted.value(u"spec"_s).toObject().value(u"resourceID"_s).toString(), foreignId);

    // Both owners are told: a Warning Event on the planted identity and one on the binding left alone.
    const KubeResourceType *events = KubeResourceType::find(u"events.k8s.io"_s, u"v1"_s, u"events"_s);
    auto warningAbout = [&](const QString &kind, const QString &name) {
        for (const auto &event : world.store().objects(*events, u"test123"_s)) {
            const QJsonObject json = event->json();
            const QJsonObject regarding = json.value(u"regarding"_s).toObject();
            if (regarding.value(u"kind"_s).toString() == kind && regarding.value(u"name"_s).toString() == name
                && json.value(u"type"_s).toString() == u"Warning")
                return json.value(u"note"_s).toString();
        }
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!warningAbout(u"AzureIdentityBinding"_s, u"foobar"_s).isEmpty(), kWaitMs);
    QVERIFY2(warningAbout(u"AzureIdentityBinding"_s, u"foobar"_s).contains(foreignId),
             qPrintable(warningAbout(u"AzureIdentityBinding"_s, u"foobar"_s)));
    QVERIFY2(warningAbout(u"AzureIdentity"_s, SeedIdentity).contains(foreignId),
             qPrintable(warningAbout(u"AzureIdentity"_s, SeedIdentity)));

    // And the log says it at warning level, whatever --log.debug is.
    std::fflush(log.get());
    std::rewind(log.get());
    QByteArray text(1 << 16, '\0');
    text.truncate(qsizetype(std::fread(text.data(), 1, size_t(text.size()), log.get())));
    QVERIFY2(text.contains(QByteArray("not re-pointed to ").append(SeedIdentity.toUtf8())), text.constData());
    QVERIFY2(text.contains("code=IdentityNotOurs"), text.constData());
}

void TestOperatorSync::newNamespaceGetsItsIdentity()
{
    World world(baseScenario());
    world.config.syncWatch = true;
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport report;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &report));
    const int armBefore = world.armRequests();

    world.createNamespace(u"later"_s);
    const QString name = u"later-"_s + clientIdFor(1);
    QTRY_VERIFY_WITH_TIMEOUT(!world.identity(u"later"_s, name).isEmpty(), kWaitMs);
    QCOMPARE(world.armRequests(), armBefore); // planned from the caches, without Azure
    QCOMPARE(world.reconciler().fullSyncs(), 1);
    QVERIFY(world.reconciler().incrementalSyncs() >= 1);
}

void TestOperatorSync::burstOfNamespacesIsNotDropped()
{
    QJsonObject scenario = baseScenario();
    QJsonArray msis = scenario.value(u"msis"_s).toArray();
    constexpr int kBurst = 50;
    for (int i = 0; i < kBurst; ++i)
        msis.append(msi(S1, u"rg"_s, u"burst-%1"_s.arg(i), clientIdFor(100 + i), u"burst-%1"_s.arg(i)));
    scenario.insert(u"msis"_s, msis);
    World world(scenario);
    world.config.syncWatch = true;
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport report;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &report));
    QCOMPARE(countKind(report.plan, Action::Kind::WaitForNamespace), kBurst + 1);

    for (int i = 0; i < kBurst; ++i)
        world.createNamespace(u"burst-%1"_s.arg(i));
    auto created = [&] {
        int count = 0;
        for (int i = 0; i < kBurst; ++i)
            count += world.identity(u"burst-%1"_s.arg(i), u"burst-%1-%2"_s.arg(i).arg(clientIdFor(100 + i))).isEmpty()
                ? 0
                : 1;
        return count;
    };
    QTRY_COMPARE_WITH_TIMEOUT(created(), kBurst, kWaitMs);
    qInfo("50 namespaces in a burst were reconciled by %d incremental syncs", world.reconciler().incrementalSyncs());
    QCOMPARE(world.reconciler().fullSyncs(), 1);
}

void TestOperatorSync::deletedIdentityIsRestored()
{
    World world(baseScenario());
    world.config.syncWatch = true;
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport report;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &report));
    const QString uidBefore
        = world.identity(u"test123"_s, SeedIdentity).value(u"metadata"_s).toObject().value(u"uid"_s).toString();
    QVERIFY(!uidBefore.isEmpty());

    const KubeResourceType *type = KubeResourceType::find(u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentities"_s);
    QVERIFY(world.store().remove(*type, u"test123"_s, SeedIdentity).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!world.identity(u"test123"_s, SeedIdentity).isEmpty(), kWaitMs);
    const QJsonObject restored = world.identity(u"test123"_s, SeedIdentity);
    QVERIFY(restored.value(u"metadata"_s).toObject().value(u"uid"_s).toString() != uidBefore);
    QCOMPARE(restored.value(u"spec"_s).toObject().value(u"clientID"_s).toString(), SeedClientId);

    // An edit of an owned field is put back as well.
    QJsonObject edited = restored;
    QJsonObject spec = edited.value(u"spec"_s).toObject();
    spec.insert(u"clientID"_s, u"tampered"_s);
    edited.insert(u"spec"_s, spec);
    QVERIFY(world.store().update(*type, u"test123"_s, SeedIdentity, edited).ok());
    QTRY_COMPARE_WITH_TIMEOUT(
        world.identity(u"test123"_s, SeedIdentity).value(u"spec"_s).toObject().value(u"clientID"_s).toString(),
        SeedClientId, kWaitMs);
}

void TestOperatorSync::conflictIsRereadAndRetried()
{
    // team-b holds "other" with a stale clientID, so the sync plans an update of it.
    QJsonObject scenario = baseScenario();
    QJsonObject kube = scenario.value(u"kubernetes"_s).toObject();
    const QString name = u"other-"_s + clientIdFor(2);
    const QJsonObject labels {{u"msi.azure.k8s.io/name"_s, u"other"_s},
                              {u"msi.azure.k8s.io/resourcegroup"_s, u"rg"_s},
                              {u"msi.azure.k8s.io/subscription"_s, S2}};
    const QString resourceId = u"/subscriptions/"_s + S2
        + u"/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/other"_s;
    const QJsonObject spec {{u"type"_s, 0}, {u"clientID"_s, u"stale"_s}, {u"resourceID"_s, resourceId}};
    const QJsonObject stale {
        {u"name"_s, name}, {u"namespace"_s, u"team-b"_s}, {u"labels"_s, labels}, {u"spec"_s, spec}};
    kube.insert(u"azureIdentities"_s, QJsonArray {stale});
    scenario.insert(u"kubernetes"_s, kube);
    World world(scenario);

    // Between our read and our write someone else changes the object: the first PATCH meets a
    // newer resourceVersion and gets a real 409 from the API server.
    RequestHook hook;
    bool changed = false;
    const KubeResourceType *type = KubeResourceType::find(u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentities"_s);
    hook.onRequest = [&](const Amo::Sandbox::HttpRequest &request) {
        if (changed || request.method != "PATCH" || !request.path.endsWith(u'/' + name))
            return;
        changed = true;
        QJsonObject current = world.identity(u"team-b"_s, name);
        QJsonObject metadata = current.value(u"metadata"_s).toObject();
        QJsonObject theirLabels = metadata.value(u"labels"_s).toObject();
        theirLabels.insert(u"team"_s, u"blue"_s);
        metadata.insert(u"labels"_s, theirLabels);
        current.insert(u"metadata"_s, metadata);
        world.store().update(*type, u"team-b"_s, name, current);
    };
    Amo::Sandbox::HttpHandler *kubeHandler = world.sandbox().kubernetesHandler();
    world.sandbox().server().removeHandler(kubeHandler);
    world.sandbox().server().addHandler(&hook);
    world.sandbox().server().addHandler(kubeHandler);

    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport report;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &report));
    world.sandbox().server().removeHandler(&hook);
    QVERIFY(changed);

    const Amo::Sync::ActionResult *update = nullptr;
    for (const Amo::Sync::ActionResult &result : report.results) {
        if (result.action.kind == Action::Kind::UpdateIdentity && result.action.name == name)
            update = &result;
    }
    QVERIFY(update);
    QCOMPARE(update->outcome, Amo::Sync::ActionResult::Outcome::Applied);
    QVERIFY2(update->attempts >= 2, "the conflict was not retried");
    const QJsonObject after = world.identity(u"team-b"_s, name);
    QCOMPARE(after.value(u"spec"_s).toObject().value(u"clientID"_s).toString(), clientIdFor(2));
    // Their concurrent change survived ours.
    QCOMPARE(after.value(u"metadata"_s).toObject().value(u"labels"_s).toObject().value(u"team"_s).toString(),
             u"blue"_s);
}

void TestOperatorSync::failingSubscriptionKeepsItsMsis()
{
    World world(baseScenario());
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport first;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &first));
    const QString otherName = u"other-"_s + clientIdFor(2);
    QVERIFY(!world.identity(u"team-b"_s, otherName).isEmpty());

    // Subscription two now fails to list; subscription one has work to do (a deleted identity).
    Amo::Sandbox::FaultRule rule;
    rule.id = u"s2-down"_s;
    rule.kind = Amo::Sandbox::FaultKind::Status;
    rule.status = 500;
    rule.path = u"/subscriptions/"_s + S2 + u"/*"_s;
    rule.times = -1;
    world.sandbox().faults().add(rule);
    const KubeResourceType *type = KubeResourceType::find(u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentities"_s);
    QVERIFY(world.store().remove(*type, u"test123"_s, SeedIdentity).ok());

    world.reconciler().requestFullSync();
    SyncReport second;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &second));
    QCOMPARE(second.failedSubscriptions, QStringList {S2});
    QVERIFY(second.listedSubscriptions.contains(S1));
    QVERIFY(second.error.isEmpty());
    // Nothing of subscription two looks deleted: no orphan, no write, the object is untouched.
    QCOMPARE(countKind(second.plan, Action::Kind::Orphan), 0);
    for (const Action &action : second.plan.actions)
        QVERIFY2(action.namespaceName != u"team-b", qPrintable(action.name));
    QVERIFY(!world.identity(u"team-b"_s, otherName).isEmpty());
    // Subscription one went on.
    QVERIFY(!world.identity(u"test123"_s, SeedIdentity).isEmpty());
    QVERIFY(world.reconciler().catalog().subscriptions().value(S2.toLower()).isFailing());
    QCOMPARE(world.reconciler().catalog().subscriptions().value(S2.toLower()).msis.size(), 1);
}

void TestOperatorSync::invalidTagIsSkippedWithEvent()
{
    World world(baseScenario());
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport first;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &first));
    const QString otherName = u"other-"_s + clientIdFor(2);
    QVERIFY(!world.identity(u"team-b"_s, otherName).isEmpty());

    // Someone breaks the tag of "other": it must be skipped with its reason, and its existing
    // AzureIdentity must be kept and told why.
    for (Amo::Sandbox::ScenarioMsi &entry : world.sandbox().mutableScenario().msis) {
        if (entry.name == u"other")
            entry.tags.insert(u"k8snamespace"_s, u"Team_B!"_s);
    }
    world.reconciler().requestFullSync();
    SyncReport second;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &second));
    bool skipped = false;
    for (const Action &action : second.plan.actions) {
        if (action.kind == Action::Kind::Skip && action.reason.contains(u"Team_B!"_s, Qt::CaseInsensitive))
            skipped = true;
    }
    QVERIFY2(skipped, qPrintable(Amo::Sync::PlanText::render(second.plan)));
    QCOMPARE(second.plan.writeCount(), 0);
    QVERIFY(!world.identity(u"team-b"_s, otherName).isEmpty()); // never deleted

    const KubeResourceType *events = KubeResourceType::find(u"events.k8s.io"_s, u"v1"_s, u"events"_s);
    auto warningAbout = [&](const QString &objectName) {
        for (const auto &event : world.store().objects(*events, u"team-b"_s)) {
            const QJsonObject json = event->json();
            if (json.value(u"regarding"_s).toObject().value(u"name"_s).toString() == objectName
                && json.value(u"type"_s).toString() == u"Warning")
                return json.value(u"note"_s).toString();
        }
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!warningAbout(otherName).isEmpty(), kWaitMs);
    QVERIFY2(warningAbout(otherName).contains(u"team_b!"_s),
             qPrintable(warningAbout(otherName))); // trimmed + lower-cased, as the original compares
    // The creates of the first sync got Normal events too.
    bool created = false;
    for (const auto &event : world.store().objects(*events, u"test123"_s))
        created = created || event->json().value(u"reason"_s).toString() == u"Created";
    QVERIFY(created);
}

void TestOperatorSync::expiryIsRenewedOnlyWhenDue()
{
    QJsonObject scenario = baseScenario();
    QJsonArray msis = scenario.value(u"msis"_s).toArray();
    const QStringList cases {u"far"_s, u"near"_s, u"garbled"_s, u"missing"_s};
    for (int i = 0; i < cases.size(); ++i)
        msis.append(msi(S1, u"rg"_s, u"exp-"_s + cases[i], clientIdFor(200 + i), u"test123"_s));
    scenario.insert(u"msis"_s, msis);
    World world(scenario);
    world.config.azureIdentityExpiry = true; // default duration 2190h, renewal below half of it
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport first;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &first));

    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QString fresh = QDateTime::currentDateTimeUtc().addSecs(2190LL * 3600).date().toString(u"yyyy-MM-dd"_s);
    const QString far = today.addDays(80).toString(u"yyyy-MM-dd"_s); // > 45.6 days left: kept
    const QString near = today.addDays(10).toString(u"yyyy-MM-dd"_s); // < half left: renewed
    const KubeResourceType *type = KubeResourceType::find(u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentities"_s);
    auto nameOf = [&](int i) -> QString {
        return u"exp-"_s + cases[i] + u'-' + clientIdFor(200 + i);
    };
    auto setExpiry = [&](int i, const QString &value) {
        QJsonObject object = world.identity(u"test123"_s, nameOf(i));
        QJsonObject metadata = object.value(u"metadata"_s).toObject();
        QJsonObject annotations = metadata.value(u"annotations"_s).toObject();
        QCOMPARE(annotations.value(u"janitor/expires"_s).toString(), fresh); // stamped at creation
        if (value.isNull())
            annotations.remove(u"janitor/expires"_s);
        else
            annotations.insert(u"janitor/expires"_s, value);
        metadata.insert(u"annotations"_s, annotations);
        object.insert(u"metadata"_s, metadata);
        QVERIFY(world.store().update(*type, u"test123"_s, nameOf(i), object).ok());
    };
    setExpiry(0, far);
    setExpiry(1, near);
    setExpiry(2, u"some day"_s);
    setExpiry(3, QString());

    world.reconciler().requestFullSync();
    SyncReport second;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &second));
    QCOMPARE(second.plan.count(Action::Kind::UpdateIdentity), 3);
    auto expiryOf = [&](int i) {
        return world.identity(u"test123"_s, nameOf(i))
            .value(u"metadata"_s)
            .toObject()
            .value(u"annotations"_s)
            .toObject()
            .value(u"janitor/expires"_s)
            .toString();
    };
    QCOMPARE(expiryOf(0), far);
    QCOMPARE(expiryOf(1), fresh);
    QCOMPARE(expiryOf(2), fresh);
    QCOMPARE(expiryOf(3), fresh);
}

void TestOperatorSync::triggerInsideLockTimeIsPostponed()
{
    World world(baseScenario());
    world.config.syncLockTime = Amo::Config::GoDuration::fromSeconds(1);
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport first;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &first));
    // Three triggers inside the lock time become one sync at its end: none is dropped, none doubles.
    world.reconciler().requestFullSync();
    world.reconciler().requestFullSync();
    world.reconciler().requestFullSync();
    QCOMPARE(world.reconciler().fullSyncs(), 1);
    SyncReport second;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &second));
    QVERIFY(first.startedAt.msecsTo(second.startedAt) >= 1000);
    QTest::qWait(300);
    QCOMPARE(world.reconciler().fullSyncs(), 2);
}

void TestOperatorSync::failedWriteIsRetriedWithBackoff()
{
    // The seed identity's create fails twice with 500, then lands: the work queue retries that one
    // namespace after 5 ms and 10 ms, long before the next full sync (an hour away).
    World world(baseScenario());
    Amo::Metrics::Registry registry;
    Amo::Agent::WorkQueueMetrics queueMetrics(registry);
    world.queueMetrics = &queueMetrics;
    Amo::Sandbox::FaultRule rule;
    rule.id = u"create-500"_s;
    rule.kind = Amo::Sandbox::FaultKind::Status;
    rule.status = 500;
    rule.method = "POST";
    rule.path = u"/apis/aadpodidentity.k8s.io/v1/namespaces/test123/azureidentities*"_s;
    rule.times = 2;
    world.sandbox().faults().add(rule);
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport first;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &first));
    QCOMPARE(first.failures(), 1); // the full sync saw the first 500 and went on with the rest
    QVERIFY(!world.identity(u"team-b"_s, u"other-"_s + clientIdFor(2)).isEmpty());

    QTRY_VERIFY_WITH_TIMEOUT(!world.identity(u"test123"_s, SeedIdentity).isEmpty(), kWaitMs);
    const QDateTime landed = QDateTime::currentDateTimeUtc();
    QCOMPARE(world.reconciler().fullSyncs(), 1); // it did not wait for the next interval
    const QString path = u"/namespaces/test123/azureidentities"_s;
    QCOMPARE(world.requests("POST", path, 500), 2);
    QCOMPARE(world.requests("POST", path, 201), 1);
    QCOMPARE(world.reconciler().queue().retries(), 2);
    QCOMPARE(registry.counter(u"azuremsi_workqueue_retries_total"_s, {}, {u"name"_s}).value({u"sync"_s}), 2.0);
    QVERIFY(registry.exposition().contains("azuremsi_workqueue_retries_total{name=\"sync\"} 2"));
    QVERIFY(registry.exposition().contains("azuremsi_workqueue_depth{name=\"sync\"} 0"));
    // Success cleared the key's backoff.
    QTRY_COMPARE_WITH_TIMEOUT(world.reconciler().queue().numRequeues(u"test123"_s), 0, kWaitMs);
    qInfo("a create failing twice with 500 landed %lld ms after the first full sync started",
          first.startedAt.msecsTo(landed));
}

void TestOperatorSync::stalledAzureDoesNotHoldIncrementalWork()
{
    World world(baseScenario());
    world.config.syncWatch = true;
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport first;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &first));

    // Azure stops answering, and a full sync starts listing into the stall.
    Amo::Sandbox::FaultRule stall;
    stall.id = u"arm-stall"_s;
    stall.kind = Amo::Sandbox::FaultKind::Stall;
    stall.path = u"/subscriptions*"_s;
    world.sandbox().faults().add(stall);
    const qsizetype reportsBefore = world.reports.size();
    world.reconciler().requestFullSync();
    QCOMPARE(world.reconciler().fullSyncs(), 2);
    QVERIFY(world.reconciler().isBusy()); // listing

    // A namespace created meanwhile gets its identity from the caches while the listing still hangs.
    QElapsedTimer timer;
    timer.start();
    world.createNamespace(u"later"_s);
    const QString name = u"later-"_s + clientIdFor(1);
    QTRY_VERIFY_WITH_TIMEOUT(!world.identity(u"later"_s, name).isEmpty(), kWaitMs);
    const qint64 latencyMs = timer.elapsed();
    bool fullFinished = false;
    for (qsizetype i = reportsBefore; i < world.reports.size(); ++i)
        fullFinished = fullFinished || world.reports[i].kind == SyncReport::Kind::Full;
    QVERIFY2(!fullFinished, "the identity came only after the stalled full sync");
    qInfo("with the ARM listing stalled, a new namespace got its identity after %lld ms", latencyMs);
    world.sandbox().faults().clear();
}

void TestOperatorSync::failedFirstListingIsRetriedSoon()
{
    // A token request answered 503 through all of its retries fails the first listing; it is tried
    // again within seconds, not at the next interval an hour later.
    World world(baseScenario());
    Amo::Sandbox::FaultRule rule;
    rule.id = u"token-503"_s;
    rule.kind = Amo::Sandbox::FaultKind::Status;
    rule.status = 503;
    rule.method = "POST";
    rule.path = u"*/oauth2/*token"_s;
    rule.times = Amo::Azure::RetryPolicy().maxRetries + 1;
    world.sandbox().faults().add(rule);
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport failed;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &failed));
    QVERIFY2(!failed.error.isEmpty(), "the token fault did not fail the listing");
    QVERIFY(!world.reconciler().isReady());
    // /readyz says why: the listing's own error, not just "not ready".
    QVERIFY2(world.reconciler().notReadyReason().contains(u"the last one failed: "_s + failed.error),
             qPrintable(world.reconciler().notReadyReason()));
    SyncReport retried;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &retried));
    QVERIFY2(retried.ok(), qPrintable(retried.error));
    QCOMPARE(world.reconciler().fullSyncs(), 2);
    QVERIFY(!world.identity(u"test123"_s, SeedIdentity).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(world.reconciler().isReady(), kWaitMs);
    qInfo("the failed first listing was retried %lld ms after it failed", failed.finishedAt.msecsTo(retried.startedAt));
}

void TestOperatorSync::notReadyWhileShuttingDown()
{
    World world(baseScenario());
    world.config.syncWatch = true;
    QString error;
    QVERIFY2(world.start(&error), qPrintable(error));
    SyncReport first;
    QVERIFY(world.waitFor(SyncReport::Kind::Full, &first));
    QTRY_VERIFY_WITH_TIMEOUT(world.reconciler().isReady(), kWaitMs);
    QSignalSpy ready(&world.reconciler(), &Amo::Sync::Reconciler::readyChanged);
    QSignalSpy finished(world.service.get(), &Amo::Agent::OperatorService::finished);
    world.service->shutdown();
    QVERIFY(!world.reconciler().isReady());
    QCOMPARE(world.reconciler().notReadyReason(), u"shutting down"_s);
    world.createNamespace(u"later"_s); // a watch event during shutdown must not make it ready again
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(!world.reconciler().isReady());
    for (const QList<QVariant> &change : std::as_const(ready))
        QVERIFY(!change.at(0).toBool());
}

QTEST_GUILESS_MAIN(TestOperatorSync)
#include "tst_operatorsync.moc"
