// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/aadendpoint.h"
#include "shared/azure/tokencredential.h"

namespace Amo::Azure {

/**
 * Azure Workload Identity: the projected service account token in AZURE_FEDERATED_TOKEN_FILE is the
 * client assertion. The file is read again for every token request because kubelet rotates it.
 */
class WorkloadIdentityCredential final : public TokenCredential
{
    Q_OBJECT
public:
    WorkloadIdentityCredential(const AadEndpoint &endpoint, const QString &clientId, const QString &tokenFile,
                               QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("WorkloadIdentityCredential"); }
    TokenJob *createJob(const QString &scope, QObject *parent) override;

private:
    AadEndpoint m_endpoint;
    QString m_clientId;
    QString m_tokenFile;
};

} // namespace Amo::Azure
