// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/aadendpoint.h"
#include "shared/azure/tokencredential.h"

namespace Amo::Azure {

/**
 * The resource owner password grant (AZURE_USERNAME, AZURE_PASSWORD). Kept only because the original
 * accepted it: it fails for accounts with MFA and Microsoft deprecates it.
 */
class UsernamePasswordCredential final : public TokenCredential
{
    Q_OBJECT
public:
    UsernamePasswordCredential(const AadEndpoint &endpoint, const QString &clientId, const QString &username,
                               const QString &password, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("UsernamePasswordCredential"); }
    TokenJob *createJob(const QString &scope, QObject *parent) override;

    /** The Azure CLI's public client id, used when AZURE_CLIENT_ID is not set. */
    static QString defaultClientId() { return QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46"); }

private:
    AadEndpoint m_endpoint;
    QString m_clientId;
    QString m_username;
    QString m_password;
};

} // namespace Amo::Azure
