// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/azureclicredential.h"
#include "shared/azure/managedidentitycredential.h"

#include <QProcessEnvironment>

namespace Amo {
class Clock;
class Logger;
} // namespace Amo

namespace Amo::Azure {

class ChainedTokenCredential;
struct CloudEnvironment;

/** Which credentials a chain may hold besides those configured through environment variables. */
struct CredentialChainOptions
{
    bool managedIdentity = true;
    bool azureCli = true;
    int timeoutMs = 10000; // per Azure AD request: short enough that a stall costs seconds, not the loop
    ManagedIdentityOptions managedIdentityOptions; // env values (IDENTITY_*, AZURE_POD_…) are filled in
    AzureCliOptions azureCliOptions;
};

/**
 * Builds the credential chain from environment variables, in this order (each only when configured):
 *  1. ClientSecretCredential       AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET
 *  2. ClientCertificateCredential  AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH or
 *                                  AZURE_CERTIFICATE_PATH (+ AZURE_CLIENT_CERTIFICATE_PASSWORD /
 * AZURE_CERTIFICATE_PASSWORD)
 *  3. WorkloadIdentityCredential   AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE
 *  4. UsernamePasswordCredential   AZURE_USERNAME, AZURE_PASSWORD (deprecated; a warning is logged)
 *  5. ManagedIdentityCredential    IDENTITY_ENDPOINT + IDENTITY_HEADER (App Service), else IMDS
 *                                  (AZURE_POD_IDENTITY_AUTHORITY_HOST moves it); AZURE_CLIENT_ID picks the identity
 *  6. AzureCliCredential           `az` on PATH
 * The authority host comes from @p cloud (which already applied AZURE_AUTHORITY_HOST).
 */
class CredentialFactory
{
public:
    /** Null with *error for a half-configured credential (e.g. a secret without AZURE_TENANT_ID). */
    static ChainedTokenCredential *fromEnvironment(const QProcessEnvironment &env, const CloudEnvironment &cloud,
                                                   QNetworkAccessManager *nam, const Clock &clock, const Logger &logger,
                                                   const CredentialChainOptions &options, QObject *parent,
                                                   QString *error);
};

} // namespace Amo::Azure
