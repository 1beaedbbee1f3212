// SPDX-License-Identifier: MIT
#include "shared/azure/azureclicredential.h"

#include "shared/azure/azureclijob.h"

namespace Amo::Azure {

AzureCliCredential::AzureCliCredential(const Clock &clock, const AzureCliOptions &options, QObject *parent)
    : TokenCredential(parent)
    , m_clock(clock)
    , m_options(options)
{
}

TokenJob *AzureCliCredential::createJob(const QString &scope, QObject *parent)
{
    return new AzureCliJob(m_clock, m_options, scope, parent);
}

} // namespace Amo::Azure
