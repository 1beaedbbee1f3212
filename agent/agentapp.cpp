// SPDX-License-Identifier: MIT
#include "agent/agentapp.h"

#include "agent/rendercommand.h"
#include "shared/config/configdump.h"
#include "shared/config/optionparser.h"
#include "shared/mapping/identitymapper.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"

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

    const Logger logger(config.logJson ? Logger::Format::Json : Logger::Format::Text,
                        config.debug || config.verbose ? Logger::Level::Debug : Logger::Level::Info, m_err,
                        Clock::system());
    logger.info(u"azure-msi-operator %1 starting"_s.arg(QStringLiteral(AMO_VERSION)),
                {{u"config"_s, Config::ConfigDump::oneLine(config)}});

    if (!config.render.isEmpty())
        return RenderCommand(mapper, logger, m_out, m_err).run(config.render, config.renderOutput);

    logger.error(u"continuous sync against Azure and Kubernetes is not part of this build yet; "
                 "use --render to map MSIs from a file"_s);
    return ExitError;
}

} // namespace Amo::Agent
