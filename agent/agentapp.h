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
namespace Sync {
class OperatorClients;
struct SyncReport;
} // namespace Sync
} // namespace Amo

namespace Amo::Agent {

/**
 * The agent's entry: reads the options, reports bad ones (exit status 2), logs the effective
 * configuration once, and runs the chosen mode: --render, --dry-run, --sync.once, --demo, or by
 * default the continuous sync with its HTTP endpoints until SIGTERM or SIGINT (exit status 0).
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
    /** The continuous mode: syncs and serves /metrics, /healthz and /readyz until SIGTERM or SIGINT. */
    int serve(const Config::OperatorConfig &config, Sync::OperatorClients &clients, const Logger &logger);
    /**
     * One full sync; true when it planned, wrote and listed everything without an error. With
     * @p events its Kubernetes Events are posted before it returns (bounded by kEventFlushMs).
     */
    bool runOnce(const Config::OperatorConfig &config, Sync::OperatorClients &clients, const Logger &logger,
                 Sync::SyncReport *report, bool events);

    /** How long --sync.once waits for its Events to be written after the sync (they share --kubernetes.qps). */
    static constexpr int kEventFlushMs = 30000;
    /** --demo: two syncs against the embedded simulator, with the plan and a summary on stdout. */
    int runDemo(const Config::OperatorConfig &config, Sync::OperatorClients &clients, const Logger &logger);

    std::FILE *m_out;
    std::FILE *m_err;
};

} // namespace Amo::Agent
