// SPDX-License-Identifier: MIT
#include "agent/agentapp.h"

#include "agent/demoenvironment.h"
#include "agent/dryrun.h"
#include "agent/metricsserver.h"
#include "agent/operatorservice.h"
#include "agent/planoutput.h"
#include "agent/rendercommand.h"
#include "agent/signalwatcher.h"
#include "agent/syncmetrics.h"
#include "agent/workqueuemetrics.h"
#include "shared/azure/armtracingsettings.h"
#include "shared/azure/cloudenvironment.h"
#include "shared/config/configdump.h"
#include "shared/config/optionparser.h"
#include "shared/kube/eventrecorder.h"
#include "shared/mapping/identitymapper.h"
#include "shared/metrics/registry.h"
#include "shared/sync/issuerdiscovery.h"
#include "shared/sync/operatorclients.h"
#include "shared/sync/plantext.h"
#include "shared/sync/reconciler.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"
#include "shared/workload/workloadmapper.h"

#include <QEventLoop>

#include <QProcessEnvironment>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Amo::Agent {

namespace {
void print(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

AgentApp::AgentApp(std::FILE *out, std::FILE *err)
    : m_out(out)
    , m_err(err)
{
}

int AgentApp::run(const QStringList &arguments)
{
    return run(arguments, Config::OptionParser::systemEnvironment());
}

int AgentApp::run(const QStringList &arguments, const QHash<QString, QString> &environment)
{
    const Config::OptionParser parser;
    Config::ParseResult parsed = parser.parse(arguments.mid(1), environment);
    if (!parsed.ok()) {
        print(m_err, parsed.error + u'\n');
        return ExitUsage;
    }
    if (parsed.helpRequested) {
        print(m_out, parser.helpText());
        return ExitOk;
    }
    if (parsed.versionRequested) {
        print(m_out, u"azure-msi-operator %1\n"_s.arg(QStringLiteral(AMO_VERSION)));
        return ExitOk;
    }
    // --demo points everything at the embedded simulator through the environment its client files
    // describe, then reads the options again, so explicit flags still win.
    std::unique_ptr<DemoEnvironment> demo;
    QHash<QString, QString> effectiveEnvironment = environment;
    if (parsed.config.demo) {
        demo = std::make_unique<DemoEnvironment>();
        QString demoError;
        if (!demo->start(&demoError)) {
            print(m_err, u"cannot start the embedded simulator: "_s + demoError + u'\n');
            return ExitError;
        }
        for (auto it = demo->environment().begin(); it != demo->environment().end(); ++it)
            effectiveEnvironment.insert(it.key(), it.value());
        parsed = parser.parse(arguments.mid(1), effectiveEnvironment);
        if (!parsed.ok()) {
            print(m_err, parsed.error + u'\n');
            return ExitUsage;
        }
    }
    Config::OperatorConfig &config = parsed.config;

    // Options that only the mapping can judge (templates, label format) are checked before anything runs.
    const Mapping::IdentityMapper mapper(Mapping::MappingOptions::fromConfig(config));
    if (!mapper.isValid()) {
        print(m_err, mapper.error() + u'\n');
        return ExitUsage;
    }
    if (config.workloadIdentityEnable) {
        const Workload::WorkloadMapper workload(Workload::WorkloadOptions::fromConfig(config));
        if (!workload.isValid()) {
            print(m_err, workload.error() + u'\n');
            return ExitUsage;
        }
    } else if (!config.azureIdentityEnable) {
        print(m_err, u"--azureidentity.enable=false leaves nothing to do without --workloadidentity.enable\n"_s);
        return ExitUsage;
    }

    // Azure settings read from the environment are judged at start, like the options;
    // render mode never talks to Azure, so it does not need them.
    QProcessEnvironment processEnvironment;
    for (auto it = effectiveEnvironment.begin(); it != effectiveEnvironment.end(); ++it)
        processEnvironment.insert(it.key(), it.value());
    QString azureError;
    if (config.render.isEmpty()
        && (!Azure::CloudEnvironment::fromName(config.azureEnvironment, processEnvironment, &azureError)
            || !Azure::ArmTracingSettings::fromEnvironment(processEnvironment, &azureError))) {
        print(m_err, azureError + u'\n');
        return ExitUsage;
    }

    const Logger logger(config.logJson ? Logger::Format::Json : Logger::Format::Text,
                        config.debug || config.verbose ? Logger::Level::Debug : Logger::Level::Info, m_err,
                        Clock::system());
    logger.info(u"azure-msi-operator %1 starting"_s.arg(QStringLiteral(AMO_VERSION)),
                {{u"config"_s, Config::ConfigDump::oneLine(config)}});

    if (!config.render.isEmpty())
        return RenderCommand(mapper, logger, m_out, m_err).run(config.render, config.renderOutput);

    Sync::ClientEnvironment clientEnvironment;
    clientEnvironment.environment = processEnvironment;
    QString clientError;
    const std::unique_ptr<Sync::OperatorClients> clients
        = Sync::OperatorClients::create(config, clientEnvironment, Clock::system(), logger, &clientError);
    if (!clients) {
        logger.error(clientError);
        return ExitError;
    }
    if (config.workloadIdentityEnable && config.workloadIdentityIssuer.isEmpty()) {
        QString issuerError;
        config.workloadIdentityIssuer = Sync::IssuerDiscovery::discover(clients->kube(), &issuerError);
        if (config.workloadIdentityIssuer.isEmpty()) {
            logger.error(issuerError);
            return ExitError;
        }
        logger.info(u"discovered the service account issuer"_s, {{u"issuer"_s, config.workloadIdentityIssuer}});
    }
    if (config.dryRun)
        return DryRun(config, *clients, logger, m_out).run();
    if (config.demo)
        return runDemo(config, *clients, logger);
    if (config.syncOnce)
        return runOnce(config, *clients, logger, nullptr, true) ? ExitOk : ExitError;
    return serve(config, *clients, logger);
}

bool AgentApp::runOnce(const Config::OperatorConfig &config, Sync::OperatorClients &clients, const Logger &logger,
                       Sync::SyncReport *reportOut, bool events)
{
    OperatorService service(config, &clients, logger);
    if (events)
        service.enableEvents(config.instancePod.isEmpty() ? OperatorService::defaultIdentity() : config.instancePod);
    Sync::SyncReport report;
    QEventLoop loop;
    QObject::connect(&service, &OperatorService::syncFinished, &loop, [&](const Sync::SyncReport &finished) {
        report = finished;
        loop.quit();
    });
    QString error;
    if (!service.start(true, &error)) {
        logger.error(error);
        return false;
    }
    loop.exec();
    // The Events of this sync are queued, not yet written: give them a bounded moment.
    if (Kube::EventRecorder *recorder = service.eventRecorder(); recorder && !recorder->isIdle()) {
        QEventLoop flush;
        QObject::connect(recorder, &Kube::EventRecorder::idle, &flush, &QEventLoop::quit);
        QTimer::singleShot(kEventFlushMs, &flush, &QEventLoop::quit);
        flush.exec();
        if (!recorder->isIdle())
            logger.warning(u"stopping with Events not yet written"_s,
                           {{u"queued"_s, QString::number(recorder->queued() + recorder->inFlight())}});
    }
    if (reportOut)
        *reportOut = report;
    return report.ok();
}

int AgentApp::runDemo(const Config::OperatorConfig &config, Sync::OperatorClients &clients, const Logger &logger)
{
    Sync::SyncReport first;
    const bool ok = runOnce(config, clients, logger, &first, false);
    // With a machine-readable plan on stdout, the commentary goes to stderr.
    std::FILE *notes = config.planOutput == u"text" ? m_out : m_err;
    print(notes, u"== Plan of the first sync against the embedded simulator (bundled demo scenario)\n"_s);
    print(m_out, QString::fromUtf8(PlanOutput::render(first.plan, config.planOutput)));
    int applied = 0;
    for (const Sync::ActionResult &result : first.results)
        applied += result.outcome == Sync::ActionResult::Outcome::Applied ? 1 : 0;
    print(notes,
          u"\n== Applied %1 of %2 writes (%3 failed)\n"_s.arg(applied)
              .arg(first.plan.writeCount())
              .arg(first.failures()));
    if (!first.failedSubscriptions.isEmpty())
        print(notes,
              u"   subscriptions that could not be listed (their MSIs are kept as they were): %1\n"_s.arg(
                  first.failedSubscriptions.join(u", "_s)));
    Sync::SyncReport second;
    runOnce(config, clients, logger, &second, false);
    print(notes, u"== A second sync right after it: %1\n"_s.arg(Sync::PlanText::summary(second.plan)));
    print(notes, u"   %1 writes: an unchanged world costs nothing.\n"_s.arg(second.plan.writeCount()));
    return ok || first.failures() == 0 ? ExitOk : ExitError;
}

int AgentApp::serve(const Config::OperatorConfig &config, Sync::OperatorClients &clients, const Logger &logger)
{
    Metrics::Registry registry;
    SyncMetrics metrics(registry, QStringLiteral(AMO_VERSION));
    WorkQueueMetrics queueMetrics(registry);
    clients.setMetrics(registry);
    MetricsServer server(registry, HttpLimits::fromConfig(config));
    server.setReady(false, u"starting"_s);
    QString error;
    if (!server.start(config.serverBind, &error)) {
        logger.error(error);
        return ExitError;
    }
    SignalWatcher watcher;
    if (!watcher.isValid()) {
        logger.error(u"cannot watch SIGTERM and SIGINT"_s);
        return ExitError;
    }
    logger.info(u"serving /metrics, /healthz and /readyz"_s,
                {{u"bind"_s, config.serverBind}, {u"port"_s, QString::number(server.port())}});

    OperatorService service(config, &clients, logger);
    service.setMetrics(&metrics);
    service.setQueueMetrics(&queueMetrics);
    service.setServer(&server);
    service.enableEvents(config.instancePod.isEmpty() ? OperatorService::defaultIdentity() : config.instancePod);
    QString error2;
    if (!service.start(false, &error2)) {
        logger.error(error2);
        return ExitUsage;
    }

    QEventLoop loop;
    QObject::connect(&service, &OperatorService::finished, &loop, &QEventLoop::quit);
    QObject::connect(&server, &MetricsServer::connectionDropped, &loop, [&logger](const QString &reason) {
        logger.debug(u"HTTP connection closed by a limit"_s, {{u"reason"_s, reason}});
    });
    QObject::connect(&watcher, &SignalWatcher::received, &loop, [&logger, &service](int signalNumber) {
        logger.info(u"stopping"_s, {{u"signal"_s, signalNumber == SIGTERM ? u"SIGTERM"_s : u"SIGINT"_s}});
        service.shutdown();
    });
    loop.exec();
    return ExitOk;
}

} // namespace Amo::Agent
