// SPDX-License-Identifier: MIT
#pragma once

#include <cstdio>

namespace Amo {
class Logger;
namespace Config {
struct OperatorConfig;
}
namespace Sync {
class OperatorClients;
}
} // namespace Amo

namespace Amo::Agent {

/**
 * --dry-run: reads the MSIs and the live cluster once, plans, prints the plan and writes nothing.
 * Exit status: 0 nothing to do, 2 changes pending, 1 error (including a subscription whose
 * listing failed, because the plan is then incomplete).
 */
class DryRun
{
public:
    static constexpr int ExitNothingToDo = 0;
    static constexpr int ExitError = 1;
    static constexpr int ExitPending = 2;

    DryRun(const Config::OperatorConfig &config, Sync::OperatorClients &clients, const Logger &logger, std::FILE *out);
    int run();

private:
    const Config::OperatorConfig &m_config;
    Sync::OperatorClients &m_clients;
    const Logger &m_logger;
    std::FILE *m_out;
};

} // namespace Amo::Agent
