// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace Amo {
class Logger;
namespace Config {
struct OperatorConfig;
}
} // namespace Amo

namespace Amo::Agent {

/**
 * The agent's entry: reads the options, reports bad ones (exit status 2), logs the effective
 * configuration once, and runs the chosen mode. Without --render it serves the HTTP endpoints until
 * SIGTERM or SIGINT (exit status 0); the sync loop itself is not part of this build yet.
 */
class AgentApp
{
public:
    static constexpr int ExitOk = 0;
    static constexpr int ExitError = 1;
    static constexpr int ExitUsage = 2;

    AgentApp(std::FILE *out = stdout, std::FILE *err = stderr);

    /** @p arguments includes the program name, as QCoreApplication::arguments() gives it. */
    int run(const QStringList &arguments);
    /** As run(), with the environment given instead of read from the process (tests). */
    int run(const QStringList &arguments, const QHash<QString, QString> &environment);

private:
    /** The continuous mode's skeleton: serves /metrics, /healthz and /readyz until SIGTERM or SIGINT. */
    int serve(const Config::OperatorConfig &config, const Logger &logger);

    std::FILE *m_out;
    std::FILE *m_err;
};

} // namespace Amo::Agent
