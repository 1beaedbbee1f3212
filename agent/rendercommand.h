// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <cstdio>

namespace Amo {
class Logger;
namespace Mapping {
class IdentityMapper;
}
} // namespace Amo

namespace Amo::Agent {

/**
 * Render mode: maps MSIs read from a file or stdin (ARM list format) and prints AzureIdentity
 * manifests (YAML) or a per-MSI report (JSON). Never contacts Azure or a cluster.
 */
class RenderCommand
{
public:
    /** Input past this is refused: about 100,000 MSIs in ARM's list format. */
    static constexpr qint64 MaxInputBytes = qint64(128) << 20;

    RenderCommand(const Mapping::IdentityMapper &mapper, const Logger &logger, std::FILE *out, std::FILE *err);

    /** @p source is a path or "-" for stdin; @p format is "yaml" or "json". Returns the exit status. */
    int run(const QString &source, const QString &format) const;

private:
    const Mapping::IdentityMapper &m_mapper;
    const Logger &m_logger;
    std::FILE *m_out;
    std::FILE *m_err;
};

} // namespace Amo::Agent
