// SPDX-License-Identifier: MIT
// Not a test: how fast the sync engine recovers, measured against the in-process simulator with the
// agent's OperatorService and real clients. Prints a Markdown table of wall-clock figures:
//   retry  a create answered 500 twice, then 201: from the start of the first full sync to the object
//   stall  ARM stalls while a full sync lists: from creating a namespace to its AzureIdentity
// Usage: bench_retry [rounds] (default 5).
#include "agent/demoenvironment.h"
#include "agent/operatorservice.h"
#include "shared/config/operatorconfig.h"
#include "shared/sandbox/clusterbridge.h"
#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/faultrule.h"
#include "shared/sandbox/kubeapihandler.h"
#include "shared/sandbox/kuberesourcetype.h"
#include "shared/sandbox/kubestore.h"
#include "shared/sandbox/sandbox.h"
#include "shared/sync/operatorclients.h"
#include "shared/sync/reconciler.h"
#include "shared/sync/workqueue.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using Amo::Sandbox::KubeResourceType;

namespace {

const QString S1 = u"11111111-2222-3333-4444-555555555555"_s;
const QString kClientId = u"df398181-f42f-41b4-b791-b1d4572be315"_s;
const QString kLaterId = u"00000000-0000-4000-8000-000000000001"_s;
constexpr int kBoundMs = 120000; // a bound for hangs only

QJsonObject scenario()
{
    auto msi = [](const QString &name, const QString &clientId, const QString &ns) {
        return QJsonObject {{u"subscriptionId"_s, S1}, {u"resourceGroup"_s, u"rg"_s},
                            {u"name"_s, name},         {u"location"_s, u"westeurope"_s},
                            {u"clientId"_s, clientId}, {u"tags"_s, QJsonObject {{u"k8snamespace"_s, ns}}}};
    };
    return {
        {u"tenants"_s, QJsonArray {QJsonObject {{u"id"_s, u"aaaaaaaa-0000-4000-8000-000000000001"_s}}}},
        {u"applications"_s,
         QJsonArray {QJsonObject {{u"clientId"_s, u"aaaaaaaa-0000-4000-8000-0000000000a1"_s},
                                  {u"secrets"_s, QJsonArray {u"test-secret"_s}}}}},
        {u"subscriptions"_s, QJsonArray {QJsonObject {{u"id"_s, S1}, {u"displayName"_s, u"one"_s}}}},
        {u"msis"_s, QJsonArray {msi(u"foobar"_s, kClientId, u"test123"_s), msi(u"later"_s, kLaterId, u"later"_s)}},
        {u"kubernetes"_s, QJsonObject {{u"namespaces"_s, QJsonArray {u"test123"_s}}}},
    };
}

bool waitFor(const std::function<bool()> &done)
{
    QDeadlineTimer deadline(kBoundMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

/** One simulator and one agent service; nullopt from a round means it did not finish. */
class Round
{
public:
    bool start(bool watch, const std::function<void(Amo::Sandbox::Sandbox &)> &before)
    {
        m_file.setFileTemplate(QDir::tempPath() + u"/amo-bench-retry-XXXXXX.json"_s);
        if (!m_file.open())
            return false;
        m_file.write(QJsonDocument(scenario()).toJson());
        m_file.flush();
        QString error;
        if (!m_sim.start(&error, m_file.fileName()))
            return false;
        m_config.azureEnvironment = u"AZURESTACKCLOUD"_s;
        m_config.kubeconfig = m_sim.environment().value(u"KUBECONFIG"_s);
        m_config.syncLockTime = Amo::Config::GoDuration(0);
        m_config.syncWatch = watch;
        Amo::Sync::ClientEnvironment env;
        for (auto it = m_sim.environment().begin(); it != m_sim.environment().end(); ++it)
            env.environment.insert(it.key(), it.value());
        before(m_sim.sandbox());
        m_clients = Amo::Sync::OperatorClients::create(m_config, env, Amo::Clock::system(), m_logger, &error);
        if (!m_clients)
            return false;
        m_service = std::make_unique<Amo::Agent::OperatorService>(m_config, m_clients.get(), m_logger);
        QObject::connect(m_service.get(), &Amo::Agent::OperatorService::syncFinished,
                         [this](const Amo::Sync::SyncReport &report) { m_reports.append(report); });
        return m_service->start(false, &error);
    }

    bool exists(const QString &ns, const QString &name)
    {
        auto &store = static_cast<Amo::Sandbox::KubeApiHandler *>(m_sim.sandbox().cluster().native())->store();
        return store.get(*KubeResourceType::find(u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentities"_s), ns, name)
            .ok();
    }
    void createNamespace(const QString &name)
    {
        auto &store = static_cast<Amo::Sandbox::KubeApiHandler *>(m_sim.sandbox().cluster().native())->store();
        store.create(*KubeResourceType::find({}, u"v1"_s, u"namespaces"_s), {},
                     QJsonObject {{u"apiVersion"_s, u"v1"_s},
                                  {u"kind"_s, u"Namespace"_s},
                                  {u"metadata"_s, QJsonObject {{u"name"_s, name}}}});
    }
    int fullReports() const
    {
        return int(std::count_if(m_reports.cbegin(), m_reports.cend(), [](const Amo::Sync::SyncReport &r) {
            return r.kind == Amo::Sync::SyncReport::Kind::Full;
        }));
    }
    Amo::Sync::Reconciler &reconciler() { return *m_service->reconciler(); }
    Amo::Sandbox::Sandbox &sandbox() { return m_sim.sandbox(); }

private:
    QTemporaryFile m_file;
    Amo::Agent::DemoEnvironment m_sim;
    Amo::Config::OperatorConfig m_config;
    Amo::Logger m_logger {Amo::Logger::Format::Text, Amo::Logger::Level::Error, stderr, Amo::Clock::system()};
    std::unique_ptr<Amo::Sync::OperatorClients> m_clients;
    std::unique_ptr<Amo::Agent::OperatorService> m_service;
    QList<Amo::Sync::SyncReport> m_reports;
};

std::optional<qint64> retryRound()
{
    Round round;
    QElapsedTimer timer;
    const bool started = round.start(false, [&](Amo::Sandbox::Sandbox &sandbox) {
        Amo::Sandbox::FaultRule rule;
        rule.kind = Amo::Sandbox::FaultKind::Status;
        rule.status = 500;
        rule.method = "POST";
        rule.path = u"/apis/aadpodidentity.k8s.io/v1/namespaces/test123/azureidentities*"_s;
        rule.times = 2;
        sandbox.faults().add(rule);
    });
    timer.start();
    if (!started || !waitFor([&] { return round.exists(u"test123"_s, u"foobar-"_s + kClientId); }))
        return std::nullopt;
    const qint64 ms = timer.elapsed();
    return round.reconciler().queue().retries() == 2 ? std::optional<qint64>(ms) : std::nullopt;
}

std::optional<qint64> stallRound()
{
    Round round;
    if (!round.start(true, [](Amo::Sandbox::Sandbox &) {}) || !waitFor([&] { return round.fullReports() == 1; }))
        return std::nullopt;
    Amo::Sandbox::FaultRule stall;
    stall.kind = Amo::Sandbox::FaultKind::Stall;
    stall.path = u"/subscriptions*"_s;
    round.sandbox().faults().add(stall);
    round.reconciler().requestFullSync();
    QElapsedTimer timer;
    timer.start();
    round.createNamespace(u"later"_s);
    if (!waitFor([&] { return round.exists(u"later"_s, u"later-"_s + kLaterId); }))
        return std::nullopt;
    const qint64 ms = timer.elapsed();
    round.sandbox().faults().clear();
    return round.fullReports() == 1 ? std::optional<qint64>(ms) : std::nullopt; // the stalled sync is still out
}

void printRow(const char *name, const char *what, QList<qint64> figures, int rounds)
{
    std::sort(figures.begin(), figures.end());
    if (figures.isEmpty()) {
        std::printf("| %s | %s | 0/%d | – | – | – |\n", name, what, rounds);
        return;
    }
    std::printf("| %s | %s | %lld/%d | %lld | %lld | %lld |\n", name, what, qint64(figures.size()), rounds,
                figures.first(), figures.at(figures.size() / 2), figures.last());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 5;
    QList<qint64> retry;
    QList<qint64> stall;
    for (int i = 0; i < rounds; ++i) {
        std::fprintf(stderr, "round %d of %d ...\n", i + 1, rounds);
        if (const auto ms = retryRound())
            retry << *ms;
        if (const auto ms = stallRound())
            stall << *ms;
    }
    std::printf("\n## Recovery benchmark\n\n");
    std::printf("| case | measured | rounds done | min ms | median ms | max ms |\n|---|---|---:|---:|---:|---:|\n");
    printRow("retry", "create answered 500 twice, then 201: agent start to object", retry, rounds);
    printRow("stall", "ARM stalled during a full sync: new namespace to its AzureIdentity", stall, rounds);
    return retry.size() == rounds && stall.size() == rounds ? 0 : 1;
}
