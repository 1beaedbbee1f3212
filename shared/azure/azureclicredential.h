// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/tokencredential.h"

namespace Amo {
class Clock;
}

namespace Amo::Azure {

/** How to run the Azure CLI. */
struct AzureCliOptions
{
    QString program = QStringLiteral("az"); // looked up on PATH unless it contains a '/'
    QString tenantId; // optional --tenant
    int timeoutMs = 10000;
};

/**
 * The signed-in Azure CLI user, mainly for the dashboard on a laptop: runs
 * `az account get-access-token --output json --resource R` asynchronously (QProcess), with a timeout.
 * A missing `az` or a CLI that is not logged in is Unavailable, with a message saying so.
 */
class AzureCliCredential final : public TokenCredential
{
    Q_OBJECT
public:
    AzureCliCredential(const Clock &clock, const AzureCliOptions &options, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("AzureCliCredential"); }
    TokenJob *createJob(const QString &scope, QObject *parent) override;

private:
    const Clock &m_clock;
    AzureCliOptions m_options;
};

} // namespace Amo::Azure
