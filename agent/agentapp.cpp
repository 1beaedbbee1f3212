// SPDX-License-Identifier: MIT
#include "agent/agentapp.h"

#include "agent/metricsserver.h"
#include "agent/rendercommand.h"
#include "agent/signalwatcher.h"
#include "agent/syncmetrics.h"
#include "shared/azure/armtracingsettings.h"
#include "shared/azure/cloudenvironment.h"
#include "shared/config/configdump.h"
#include "shared/config/optionparser.h"
#include "shared/mapping/identitymapper.h"
#include "shared/metrics/registry.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"

#include <QEventLoop>

#include <QProcessEnvironment>

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
    const Config::ParseResult parsed = parser.parse(arguments.mid(1), environment);
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
    const Config::OperatorConfig &config = parsed.config;

    // Options that only the mapping can judge (templates, label format) are checked before anything runs.
    const Mapping::IdentityMapper mapper(Mapping::MappingOptions::fromConfig(config));
    if (!mapper.isValid()) {
        print(m_err, mapper.error() + u'\n');
        return ExitUsage;
    }

    // Azure settings read from the environment are judged at start, like the options;
    // render mode never talks to Azure, so it does not need them.
    QProcessEnvironment processEnvironment;
    for (auto it = environment.begin(); it != environment.end(); ++it)
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

    logger.warning(u"continuous sync against Azure and Kubernetes is not part of this build yet; "
                   "use --render to map MSIs from a file"_s);
    return serve(config, logger);
}

int AgentApp::serve(const Config::OperatorConfig &config, const Logger &logger)
{
    Metrics::Registry registry;
    const SyncMetrics metrics(registry, QStringLiteral(AMO_VERSION));
    MetricsServer server(registry, HttpLimits::fromConfig(config));
    server.setReady(false, u"the sync loop is not part of this build yet"_s);
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

    QEventLoop loop;
    QObject::connect(&server, &MetricsServer::connectionDropped, &loop, [&logger](const QString &reason) {
        logger.debug(u"HTTP connection closed by a limit"_s, {{u"reason"_s, reason}});
    });
    QObject::connect(&watcher, &SignalWatcher::received, &loop, [&logger, &loop](int signalNumber) {
        logger.info(u"stopping"_s, {{u"signal"_s, signalNumber == SIGTERM ? u"SIGTERM"_s : u"SIGINT"_s}});
        loop.quit();
    });
    loop.exec();
    return ExitOk;
}

} // namespace Amo::Agent
