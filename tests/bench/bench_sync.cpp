// SPDX-License-Identifier: MIT
// Not a test: runs the agent's sync engine (Reconciler over the real OperatorClients) against the
// in-process simulator and prints a Markdown table. Each size runs in a child process of its own, so
// the simulator is fresh and the peak resident size belongs to that size alone. See docs/benchmark.md.
#include "agent/demoenvironment.h"

#include "shared/azure/armclient.h"
#include "shared/azure/tokencache.h"
#include "shared/config/operatorconfig.h"
#include "shared/kube/kubeclient.h"
#include "shared/sandbox/clusterbridge.h"
#include "shared/sandbox/httpserver.h"
#include "shared/sandbox/kubeapihandler.h"
#include "shared/sandbox/requestlog.h"
#include "shared/sandbox/sandbox.h"
#include "shared/sandbox/scenariogenerator.h"
#include "shared/sync/operatorclients.h"
#include "shared/sync/planbuilder.h"
#include "shared/sync/reconciler.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryFile>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace Amo;

namespace {

constexpr int kFutureNamespaces = 100; // created in one burst while the engine watches
const QStringList kVerbs {u"GET"_s, u"LIST"_s, u"WATCH"_s, u"POST"_s, u"PATCH"_s, u"PUT"_s, u"DELETE"_s};

struct Settings
{
    QList<int> sizes {100, 1000, 10000};
    int latencyMs = 2;
    double qps = 10; // the agent's defaults
    int burst = 50;
    int throttleMax = 1000; // larger sizes run without a client-side limit
    bool alsoUnthrottled = false;
};

// ---------------------------------------------------------------------------------------------
// The world: MSIs tagged with 1 to 3 namespaces, labelled bindings, namespaces still to come.

struct World
{
    int msis = 0;
    int namespaces = 0; // existing at the start
    int pairs = 0; // (MSI, namespace) pairs, the future namespaces included
    int futurePairs = 0; // pairs whose namespace is created in the burst
    int bindings = 0;
    int drifted = 0; // bindings pointing at an old AzureIdentity name
    QStringList futureNamespaces;
    QHash<QString, int> expectedIn; // AzureIdentities each future namespace should get
    QJsonObject scenario;

    QJsonObject stats() const
    {
        return {{u"msis"_s, msis},         {u"namespaces"_s, namespaces},
                {u"pairs"_s, pairs},       {u"futurePairs"_s, futurePairs},
                {u"bindings"_s, bindings}, {u"drifted"_s, drifted}};
    }
};

QString uuidFor(const QString &name)
{
    static const QUuid ns(u"5d0f3a52-7b1e-4c6a-9d38-0e2b71c4f8a9"_s);
    return QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces);
}

World buildWorld(int n, int latencyMs)
{
    World w;
    w.msis = n;
    // Tenant, application and subscriptions from the generator; MSIs and cluster our own.
    Sandbox::ScenarioGenerator::Parameters p;
    p.msis = 0;
    p.namespaces = 1;
    p.bindings = 0;
    p.subscriptions = 3;
    w.scenario = Sandbox::ScenarioGenerator::generate(p);
    QStringList subscriptions;
    for (const QJsonValue &s : w.scenario.value(u"subscriptions"_s).toArray())
        subscriptions << s.toObject().value(u"id"_s).toString();

    w.namespaces = std::max(10, n / 20);
    QStringList existing;
    for (int k = 0; k < w.namespaces; ++k)
        existing << u"team-%1"_s.arg(k);
    for (int k = 0; k < kFutureNamespaces; ++k)
        w.futureNamespaces << u"new-%1"_s.arg(k);
    // Every future namespace gets at least one MSI; larger worlds spread n / 20 pairs over them.
    const int futureTarget = std::max(kFutureNamespaces, n / 20);
    const int stride = std::max(1, n / futureTarget);
    const int spread = w.namespaces / 3 + 1; // distinct offsets for the 2nd and 3rd namespace

    QJsonArray msis;
    QJsonArray bindings;
    const int bindingTarget = n / 5;
    for (int i = 0; i < n; ++i) {
        const int count = 1 + i % 3;
        const bool future = i % stride == 0 && i / stride < futureTarget;
        QStringList targets;
        for (int j = 0; j < (future ? count - 1 : count); ++j)
            targets << existing.at((i + j * spread) % w.namespaces);
        if (future) {
            const QString ns = w.futureNamespaces.at((i / stride) % kFutureNamespaces);
            targets << ns;
            w.expectedIn[ns] += 1;
            ++w.futurePairs;
        }
        w.pairs += int(targets.size());
        const QString name = u"id-%1"_s.arg(i, 5, 10, QChar(u'0'));
        const QString subscription = subscriptions.at(i % subscriptions.size());
        const QString group = u"rg-%1"_s.arg(i % 20);
        const QString clientId = uuidFor(name);
        msis.append(QJsonObject {{u"subscriptionId"_s, subscription},
                                 {u"resourceGroup"_s, group},
                                 {u"name"_s, name},
                                 {u"location"_s, u"westeurope"_s},
                                 {u"clientId"_s, clientId},
                                 {u"tags"_s, QJsonObject {{u"k8snamespace"_s, targets.join(u',')}}}});
        // Every fifth MSI has a binding in its first namespace (when that one exists already);
        // a quarter of them point at an old name and are re-pointed by the cold sync.
        if (i % 5 == 1 && w.bindings < bindingTarget && !targets.first().startsWith(u"new-"_s)) {
            const bool drifted = w.bindings % 4 == 0;
            const QString identity = drifted ? QString(name + u"-old"_s) : QString(name + u'-' + clientId);
            bindings.append(
                QJsonObject {{u"name"_s, QString(name + u"-binding"_s)},
                             {u"namespace"_s, targets.first()},
                             {u"labels"_s,
                              QJsonObject {{u"msi.azure.k8s.io/name"_s, name},
                                           {u"msi.azure.k8s.io/resourcegroup"_s, group},
                                           {u"msi.azure.k8s.io/subscription"_s, subscription}}},
                             {u"spec"_s, QJsonObject {{u"azureIdentity"_s, identity}, {u"selector"_s, name}}}});
            ++w.bindings;
            w.drifted += drifted ? 1 : 0;
        }
    }
    w.scenario.insert(u"msis"_s, msis);
    w.scenario.insert(
        u"kubernetes"_s,
        QJsonObject {{u"namespaces"_s, QJsonArray::fromStringList(existing)}, {u"azureIdentityBindings"_s, bindings}});
    w.scenario.insert(u"faults"_s,
                      QJsonObject {{u"seed"_s, 1},
                                   {u"rules"_s,
                                    QJsonArray {QJsonObject {{u"id"_s, u"latency"_s},
                                                             {u"kind"_s, u"latency"_s},
                                                             {u"path"_s, u"*"_s},
                                                             {u"delayMs"_s, latencyMs}}}}});
    return w;
}

// ---------------------------------------------------------------------------------------------
// Measuring.

/** Sees every Kubernetes request before the API handler and counts it by verb. */
class KubeVerbCounter : public Sandbox::HttpHandler
{
public:
    QHash<QString, int> counts;

    bool handle(const Sandbox::HttpRequest &request, Sandbox::HttpExchange &) override
    {
        const QString verb = verbOf(request);
        if (!verb.isEmpty())
            ++counts[verb];
        return false;
    }

private:
    static QString verbOf(const Sandbox::HttpRequest &request)
    {
        QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
        if (segments.isEmpty())
            return {};
        if (segments.first() == u"api")
            segments = segments.mid(2); // api, v1
        else if (segments.first() == u"apis")
            segments = segments.mid(3); // apis, group, version
        else
            segments.clear(); // /version, /openapi
        if (segments.isEmpty())
            return u"discovery"_s;
        if (segments.first() == u"namespaces" && segments.size() >= 3)
            segments = segments.mid(2);
        const bool collection = segments.size() == 1;
        const QByteArray &m = request.method;
        if (m == "GET") {
            const QString watch = request.query.queryItemValue(u"watch"_s);
            if (watch == u"1" || watch == u"true")
                return u"WATCH"_s;
            return collection ? u"LIST"_s : u"GET"_s;
        }
        return QString::fromLatin1(m);
    }
};

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/** Resets the kernel's peak resident size of this process; false when the kernel does not let us. */
bool resetPeakResident()
{
    QFile f(u"/proc/self/clear_refs"_s);
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

qint64 peakResidentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

bool waitUntil(const std::function<bool()> &done, qint64 timeoutMs)
{
    if (done())
        return true;
    // A local loop woken by a short timer: the timed processEvents() overload would spin.
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QTimer poll;
    bool ok = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        ok = done();
        if (ok || timer.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start(2);
    loop.exec();
    return ok;
}

class Meter
{
public:
    Meter(Sandbox::Sandbox &sandbox, const KubeVerbCounter &kube)
        : m_sandbox(sandbox)
        , m_kube(kube)
    {
    }

    void begin()
    {
        resetPeakResident();
        m_kubeBefore = m_kube.counts;
        m_azureBefore = azure();
        m_cpu = cpuSeconds();
        m_timer.start();
    }

    qint64 elapsedMs() const { return m_timer.elapsed(); }

    QJsonObject end(const QString &phase, qint64 wallMs = -1) const
    {
        const double cpu = cpuSeconds() - m_cpu;
        QJsonObject kube;
        int writes = 0;
        for (const QString &verb : kVerbs) {
            const int n = m_kube.counts.value(verb) - m_kubeBefore.value(verb);
            kube.insert(verb, n);
            if (verb != u"GET" && verb != u"LIST" && verb != u"WATCH")
                writes += n;
        }
        const auto [arm, token] = azure();
        return {{u"phase"_s, phase},
                {u"wallMs"_s, wallMs >= 0 ? wallMs : m_timer.elapsed()},
                {u"cpuS"_s, cpu},
                {u"peakKiB"_s, peakResidentKiB()},
                {u"kube"_s, kube},
                {u"writes"_s, writes},
                {u"arm"_s, arm - m_azureBefore.first},
                {u"token"_s, token - m_azureBefore.second}};
    }

private:
    /** ARM and token requests the simulator answered (Kubernetes routes left out). */
    std::pair<int, int> azure() const
    {
        int arm = 0;
        int token = 0;
        const auto counters = m_sandbox.requestLog().counters();
        for (auto it = counters.cbegin(); it != counters.cend(); ++it) {
            const QString &route = it.key().route;
            if (route.startsWith(u"/subscriptions"))
                arm += it.value();
            else if (route.contains(u"/oauth2/") || route.contains(u"token"))
                token += it.value();
        }
        return {arm, token};
    }

    Sandbox::Sandbox &m_sandbox;
    const KubeVerbCounter &m_kube;
    QHash<QString, int> m_kubeBefore;
    std::pair<int, int> m_azureBefore;
    double m_cpu = 0;
    QElapsedTimer m_timer;
};

/** Sums what the sync reports of a phase say. */
struct ReportTally
{
    int syncs = 0;
    int planned = 0; // writes in the plans
    int failed = 0;
    QStringList errors;

    void add(const Sync::SyncReport &report)
    {
        ++syncs;
        for (const Sync::Action &action : report.plan.actions)
            planned += action.isWrite() ? 1 : 0;
        failed += report.failures();
        if (!report.error.isEmpty())
            errors << report.error;
    }
    void addTo(QJsonObject &phase) const
    {
        phase.insert(u"syncs"_s, syncs);
        phase.insert(u"planned"_s, planned);
        phase.insert(u"failed"_s, failed);
        phase.insert(u"errors"_s, QJsonArray::fromStringList(errors));
    }
};

double percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p * double(values.size())));
    return double(values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1)));
}

// ---------------------------------------------------------------------------------------------
// One size, in a child process.

int runChild(int n, const Settings &settings)
{
    const Logger logger(Logger::Format::Text, Logger::Level::Warning, stderr, Clock::system());
    const World world = buildWorld(n, settings.latencyMs);
    QTemporaryFile scenarioFile;
    if (!scenarioFile.open()) {
        std::fprintf(stderr, "cannot write the scenario file\n");
        return 1;
    }
    scenarioFile.write(QJsonDocument(world.scenario).toJson(QJsonDocument::Compact));
    scenarioFile.close();

    Agent::DemoEnvironment demo;
    QString error;
    if (!demo.start(&error, scenarioFile.fileName())) {
        std::fprintf(stderr, "simulator: %s\n", qPrintable(error));
        return 1;
    }
    Sandbox::Sandbox &sandbox = demo.sandbox();
    sandbox.requestLog().setCapacity(0); // counters only
    KubeVerbCounter kubeCounter;
    Sandbox::HttpHandler *kubeHandler = sandbox.kubernetesHandler();
    sandbox.server().removeHandler(kubeHandler);
    sandbox.server().addHandler(&kubeCounter);
    sandbox.server().addHandler(kubeHandler);
    auto *api = static_cast<Sandbox::KubeApiHandler *>(sandbox.cluster().native());

    Config::OperatorConfig config;
    config.azureEnvironment = demo.environment().value(u"AZURE_ENVIRONMENT"_s);
    config.kubeconfig = demo.environment().value(u"KUBECONFIG"_s);
    config.kubernetesQps = settings.qps;
    config.kubernetesBurst = settings.burst;
    config.azureIdentityBindingSync = true;
    Sync::ClientEnvironment clientEnvironment;
    clientEnvironment.environment = QProcessEnvironment();
    for (auto it = demo.environment().cbegin(); it != demo.environment().cend(); ++it)
        clientEnvironment.environment.insert(it.key(), it.value());
    clientEnvironment.serviceAccountDir = demo.directory() + u"/no-service-account"_s;
    const std::unique_ptr<Sync::OperatorClients> clients
        = Sync::OperatorClients::create(config, clientEnvironment, Clock::system(), logger, &error);
    if (!clients) {
        std::fprintf(stderr, "clients: %s\n", qPrintable(error));
        return 1;
    }
    const Sync::PlanBuilder builder(config);
    if (!builder.isValid()) {
        std::fprintf(stderr, "options: %s\n", qPrintable(builder.error()));
        return 1;
    }

    Meter meter(sandbox, kubeCounter);
    QJsonArray phases;
    QList<Sync::SyncReport> reports;
    int started = 0;
    const qint64 timeoutMs = 3600 * 1000;
    auto waitForReports = [&](qsizetype count) {
        return waitUntil([&] { return reports.size() >= count; }, timeoutMs);
    };
    auto tally = [&](qsizetype from) {
        ReportTally t;
        for (qsizetype i = from; i < reports.size(); ++i)
            t.add(reports.at(i));
        return t;
    };
    auto attach = [&](Sync::Reconciler &r) {
        QObject::connect(&r, &Sync::Reconciler::syncFinished, &r,
                         [&](const Sync::SyncReport &report) { reports.append(report); });
        QObject::connect(&r, &Sync::Reconciler::syncStarted, &r, [&] { ++started; });
    };

    Sync::ReconcilerOptions options; // the agent's, but no lock time: resyncs follow at once
    options.interval = std::chrono::hours(24);
    options.lockTime = std::chrono::milliseconds(0);

    // 1. Without watches (the agent's default): a cold sync, then a resync of an unchanged world.
    {
        Sync::Reconciler poll(clients->arm(), clients->kube(), builder, options, logger);
        attach(poll);
        meter.begin();
        poll.start();
        waitForReports(1);
        QJsonObject cold = meter.end(u"cold"_s);
        tally(0).addTo(cold);
        phases.append(cold);

        meter.begin();
        poll.requestFullSync();
        waitForReports(2);
        QJsonObject steady = meter.end(u"resync"_s);
        tally(1).addTo(steady);
        phases.append(steady);

        bool stopped = false;
        QObject::connect(&poll, &Sync::Reconciler::stopped, &poll, [&] { stopped = true; });
        poll.stop();
        waitUntil([&] { return stopped; }, 60000);
    }

    // 2. With --sync.watch: start (informers list, one full sync), a resync, then the burst.
    reports.clear();
    options.watch = true;
    Sync::Reconciler watch(clients->arm(), clients->kube(), builder, options, logger);
    attach(watch);
    meter.begin();
    const int watchesBefore = kubeCounter.counts.value(u"WATCH"_s);
    watch.start();
    waitForReports(1);
    // The phase includes opening the three watches, which the client limit may hold back.
    waitUntil([&] { return kubeCounter.counts.value(u"WATCH"_s) >= watchesBefore + 3; }, 60000);
    QJsonObject first = meter.end(u"watch-start"_s);
    tally(0).addTo(first);
    phases.append(first);

    meter.begin();
    watch.requestFullSync();
    waitForReports(2);
    QJsonObject resync = meter.end(u"watch-resync"_s);
    tally(1).addTo(resync);
    phases.append(resync);

    // The burst: 100 namespaces straight into the store; each is done once all its AzureIdentities are.
    QElapsedTimer burstClock;
    burstClock.start();
    QHash<QString, qint64> createdAt;
    QHash<QString, int> seen;
    QList<qint64> latencies;
    const QString prefix = u"/apis/aadpodidentity.k8s.io/v1/namespaces/"_s;
    qint64 lastDone = 0;
    const QMetaObject::Connection logged = QObject::connect(
        &sandbox.server(), &Sandbox::HttpServer::requestLogged, &sandbox, [&](const Sandbox::RequestLogEntry &entry) {
            if (entry.method != "POST" || entry.status != 201 || !entry.path.startsWith(prefix)
                || !entry.path.endsWith(u"/azureidentities"))
                return;
            const QString ns = entry.path.mid(prefix.size()).section(u'/', 0, 0);
            if (!createdAt.contains(ns))
                return;
            if (++seen[ns] == world.expectedIn.value(ns)) {
                lastDone = burstClock.elapsed();
                latencies << lastDone - createdAt.value(ns);
            }
        });
    const qsizetype before = reports.size();
    meter.begin();
    const qint64 burstStart = burstClock.elapsed();
    for (const QString &ns : world.futureNamespaces) {
        createdAt.insert(ns, burstClock.elapsed());
        const Sandbox::KubeResult r = api->store().put(QJsonObject {
            {u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"Namespace"_s}, {u"metadata"_s, QJsonObject {{u"name"_s, ns}}}});
        if (!r.ok())
            std::fprintf(stderr, "namespace %s: %s\n", qPrintable(ns),
                         QJsonDocument(r.error.status).toJson(QJsonDocument::Compact).constData());
    }
    const bool allDone = waitUntil([&] { return latencies.size() >= world.futureNamespaces.size(); }, timeoutMs);
    // Then until the engine is quiet: the identities' own watch events plan once more (nothing to do).
    QElapsedTimer quiet;
    quiet.start();
    int startedSeen = started;
    waitUntil(
        [&] {
            if (started != startedSeen || watch.isBusy()) {
                startedSeen = started;
                quiet.restart();
            }
            return quiet.elapsed() > 1000;
        },
        timeoutMs);
    QJsonObject burst = meter.end(u"burst"_s, lastDone - burstStart);
    tally(before).addTo(burst);
    burst.insert(u"namespacesDone"_s, int(latencies.size()));
    burst.insert(u"allDone"_s, allDone);
    burst.insert(u"p50Ms"_s, percentile(latencies, 0.50));
    burst.insert(u"p99Ms"_s, percentile(latencies, 0.99));
    phases.append(burst);

    QObject::disconnect(logged);

    bool stopped = false;
    QObject::connect(&watch, &Sync::Reconciler::stopped, &watch, [&] { stopped = true; });
    watch.stop();
    waitUntil([&] { return stopped; }, 60000);
    sandbox.server().removeHandler(&kubeCounter);

    const QJsonObject result {{u"n"_s, n},
                              {u"qps"_s, settings.qps},
                              {u"burst"_s, settings.burst},
                              {u"world"_s, world.stats()},
                              {u"phases"_s, phases}};
    std::printf("RESULT %s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0;
}

// ---------------------------------------------------------------------------------------------
// The parent: one child per size and client limit, then the table.

QString seconds(double ms)
{
    return ms < 0 ? u"–"_s : QString::number(ms / 1000.0, 'f', ms < 10000 ? 2 : 1);
}

QString count(int n)
{
    return QLocale(QLocale::English).toString(n);
}

/** The original's requests for one full sync: GET + write per pair, LIST per pair + write per binding. */
int originalFullSync(const QJsonObject &world)
{
    return 3 * world.value(u"pairs"_s).toInt() + world.value(u"bindings"_s).toInt();
}

QString phaseTitle(const QString &phase)
{
    if (phase == u"cold")
        return u"cold sync"_s;
    if (phase == u"resync")
        return u"resync, unchanged"_s;
    if (phase == u"watch-start")
        return u"restart with watch"_s;
    if (phase == u"watch-resync")
        return u"resync with watch"_s;
    return u"%1 namespaces created"_s.arg(kFutureNamespaces);
}

void printTable(const QList<QJsonObject> &results, const Settings &settings)
{
    std::printf("\n## Sync benchmark\n\n");
    std::printf("- build: %s; %d cores; Qt %s\n", AMO_BENCH_BUILD_TYPE, QThread::idealThreadCount(), qVersion());
    std::printf("- simulator latency: %d ms added to every request (a `latency` fault rule on `*`)\n",
                settings.latencyMs);
    std::printf("- engine: Reconciler with the agent's clients, 4 writes in flight, --azureidentity.binding.sync, "
                "lock time 0 (resyncs run back to back), watch coalescing 100 ms\n");
    std::printf("- world per N: MSIs in 3 subscriptions, tagged with 1, 2 or 3 namespaces "
                "(`k8snamespace: a,b,c`); bindings on every fifth MSI, a quarter of them pointing at an old name; "
                "%d namespaces that do not exist until the burst\n",
                kFutureNamespaces);
    QSet<int> described; // the world is the same for both client limits
    for (const QJsonObject &r : results) {
        const QJsonObject w = r.value(u"world"_s).toObject();
        if (described.contains(r.value(u"n"_s).toInt()))
            continue;
        described.insert(r.value(u"n"_s).toInt());
        std::printf(
            "  - N = %s: %s namespaces, %s (MSI, namespace) pairs of which %s in the new namespaces, "
            "%s bindings (%s drifted)\n",
            qPrintable(count(r.value(u"n"_s).toInt())), qPrintable(count(w.value(u"namespaces"_s).toInt())),
            qPrintable(count(w.value(u"pairs"_s).toInt())), qPrintable(count(w.value(u"futurePairs"_s).toInt())),
            qPrintable(count(w.value(u"bindings"_s).toInt())), qPrintable(count(w.value(u"drifted"_s).toInt())));
    }
    std::printf("- CPU time and peak RSS are the whole process: the engine and the simulator (which also "
                "parses, stores and serves every object) share it; peak RSS is reset at the start of each phase\n");
    std::printf("- original: its code does one GET and one write per pair, one LIST per pair and one write per "
                "binding with binding sync, every full sync; a namespace event upserts that namespace's pairs "
                "(GET + write, no bindings). Minimum wall = requests / 5 (client-go's default 5 QPS)\n\n");

    std::printf("| N | client limit | phase | wall s | CPU s | peak RSS MiB | GET | LIST | WATCH | POST | PATCH | PUT "
                "| writes | ARM + token | namespace ready p50 / p99 ms | original requests | original min wall s |\n");
    std::printf("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    QStringList warnings;
    for (const QJsonObject &r : results) {
        const int n = r.value(u"n"_s).toInt();
        const double qps = r.value(u"qps"_s).toDouble();
        const QString limit = qps > 0 ? u"qps %1, burst %2"_s.arg(qps).arg(r.value(u"burst"_s).toInt()) : u"none"_s;
        const QJsonObject w = r.value(u"world"_s).toObject();
        for (const QJsonValue &v : r.value(u"phases"_s).toArray()) {
            const QJsonObject p = v.toObject();
            const QString phase = p.value(u"phase"_s).toString();
            const QJsonObject kube = p.value(u"kube"_s).toObject();
            const bool isBurst = phase == u"burst";
            const int original = isBurst ? 2 * w.value(u"futurePairs"_s).toInt() : originalFullSync(w);
            const QString ready = isBurst
                ? u"%1 / %2"_s.arg(p.value(u"p50Ms"_s).toDouble()).arg(p.value(u"p99Ms"_s).toDouble())
                : u"–"_s;
            std::printf(
                "| %s | %s | %s | %s | %.2f | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                qPrintable(count(n)), qPrintable(limit), qPrintable(phaseTitle(phase)),
                qPrintable(seconds(p.value(u"wallMs"_s).toDouble())), p.value(u"cpuS"_s).toDouble(),
                p.value(u"peakKiB"_s).toDouble() / 1024.0, qPrintable(count(kube.value(u"GET"_s).toInt())),
                qPrintable(count(kube.value(u"LIST"_s).toInt())), qPrintable(count(kube.value(u"WATCH"_s).toInt())),
                qPrintable(count(kube.value(u"POST"_s).toInt())), qPrintable(count(kube.value(u"PATCH"_s).toInt())),
                qPrintable(count(kube.value(u"PUT"_s).toInt())), qPrintable(count(p.value(u"writes"_s).toInt())),
                qPrintable(u"%1 + %2"_s.arg(p.value(u"arm"_s).toInt()).arg(p.value(u"token"_s).toInt())),
                qPrintable(ready), qPrintable(count(original)), qPrintable(seconds(original * 200.0)));
            const QString where = u"N = %1, %2, %3"_s.arg(n).arg(limit, phaseTitle(phase));
            if ((phase == u"resync" || phase == u"watch-start" || phase == u"watch-resync")
                && p.value(u"writes"_s).toInt() != 0)
                warnings << u"%1: %2 writes where none were due"_s.arg(where).arg(p.value(u"writes"_s).toInt());
            if (p.value(u"failed"_s).toInt() != 0)
                warnings << u"%1: %2 failed writes"_s.arg(where).arg(p.value(u"failed"_s).toInt());
            for (const QJsonValue &e : p.value(u"errors"_s).toArray())
                warnings << u"%1: %2"_s.arg(where, e.toString());
            if (isBurst && !p.value(u"allDone"_s).toBool())
                warnings << u"%1: only %2 of %3 namespaces got all their AzureIdentities"_s.arg(where)
                                .arg(p.value(u"namespacesDone"_s).toInt())
                                .arg(kFutureNamespaces);
        }
    }
    if (!warnings.isEmpty()) {
        std::printf("\nUnexpected:\n");
        for (const QString &warning : std::as_const(warnings))
            std::printf("- %s\n", qPrintable(warning));
    }
}

int runParent(const Settings &settings)
{
    QList<QJsonObject> results;
    for (const int n : settings.sizes) {
        QList<std::pair<double, int>> limits;
        if (n <= settings.throttleMax)
            limits.append({settings.qps, settings.burst});
        if (n > settings.throttleMax || settings.alsoUnthrottled)
            limits.append({0.0, 0});
        for (const auto &[qps, burst] : limits) {
            std::fprintf(stderr, "N = %d, client limit %s ...\n", n,
                         qps > 0 ? qPrintable(u"qps %1 burst %2"_s.arg(qps).arg(burst)) : "none");
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child.start(QCoreApplication::applicationFilePath(),
                        {u"--child"_s, QString::number(n), u"--qps"_s, QString::number(qps), u"--burst"_s,
                         QString::number(burst), u"--latency-ms"_s, QString::number(settings.latencyMs)});
            child.waitForFinished(-1);
            bool found = false;
            for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
                if (line.startsWith("RESULT ")) {
                    results.append(QJsonDocument::fromJson(line.mid(7)).object());
                    found = true;
                }
            }
            if (!found || child.exitCode() != 0) {
                std::fprintf(stderr, "N = %d failed (exit code %d)\n", n, child.exitCode());
                return 1;
            }
        }
    }
    printTable(results, settings);
    return 0;
}

void usage()
{
    std::fprintf(stderr,
                 "usage: bench_sync [--sizes 100,1000,10000] [--latency-ms 2] [--qps 10] [--burst 50]\n"
                 "                  [--throttle-max 1000] [--also-unthrottled]\n"
                 "Sizes up to --throttle-max run with the client-side limit (--qps/--burst, the agent's defaults);\n"
                 "larger ones without (at 10 requests per second a cold sync of 10,000 MSIs takes over half an hour).\n"
                 "--also-unthrottled adds a run without a client limit for every size.\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Settings settings;
    int child = -1;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const QString next = i + 1 < args.size() ? args.at(i + 1) : QString();
        bool ok = true;
        if (a == u"--sizes") {
            settings.sizes.clear();
            for (const QString &s : next.split(u',', Qt::SkipEmptyParts)) {
                const int v = QString(s).remove(u'_').toInt(&ok);
                if (!ok || v < 1)
                    break;
                settings.sizes << v;
            }
            ++i;
        } else if (a == u"--latency-ms") {
            settings.latencyMs = next.toInt(&ok);
            ++i;
        } else if (a == u"--qps") {
            settings.qps = next.toDouble(&ok);
            ++i;
        } else if (a == u"--burst") {
            settings.burst = next.toInt(&ok);
            ++i;
        } else if (a == u"--throttle-max") {
            settings.throttleMax = next.toInt(&ok);
            ++i;
        } else if (a == u"--also-unthrottled") {
            settings.alsoUnthrottled = true;
        } else if (a == u"--child") {
            child = next.toInt(&ok);
            ++i;
        } else {
            ok = false;
        }
        if (!ok) {
            usage();
            return 2;
        }
    }
    if (child > 0)
        return runChild(child, settings);
    return runParent(settings);
}
