// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/aadendpoint.h"
#include "shared/azure/tokencredential.h"

namespace Amo::Azure {

/** A service principal with a client secret (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET). */
class ClientSecretCredential final : public TokenCredential
{
    Q_OBJECT
public:
    ClientSecretCredential(const AadEndpoint &endpoint, const QString &clientId, const QString &secret,
                           QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("ClientSecretCredential"); }
    TokenJob *createJob(const QString &scope, QObject *parent) override;

private:
    AadEndpoint m_endpoint;
    QString m_clientId;
    QString m_secret;
};

} // namespace Amo::Azure
