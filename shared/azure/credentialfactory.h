// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/azureclicredential.h"
#include "shared/azure/managedidentitycredential.h"
#include "shared/azure/retrypolicy.h"

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
    RetryPolicy aadRetry; // for token requests to Azure AD
    ManagedIdentityOptions managedIdentityOptions; // env values (IDENTITY_*, AZURE_POD_…) are filled in
    AzureCliOptions azureCliOptions;
};

/**
 * Builds the credential chain from environment variables in azidentity's DefaultAzureCredential order:
 *  1. EnvironmentCredential, the first configured of
 *     ClientSecretCredential       AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET
 *     ClientCertificateCredential  AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH or
 *                                  AZURE_CERTIFICATE_PATH (+ AZURE_CLIENT_CERTIFICATE_PASSWORD /
 *                                  AZURE_CERTIFICATE_PASSWORD)
 *     UsernamePasswordCredential   AZURE_USERNAME, AZURE_PASSWORD (deprecated; a warning is logged)
 *  2. WorkloadIdentityCredential   AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE
 *  3. ManagedIdentityCredential    IDENTITY_ENDPOINT + IDENTITY_HEADER (App Service), else IMDS
 *                                  (AZURE_POD_IDENTITY_AUTHORITY_HOST moves it); AZURE_CLIENT_ID picks the identity
 *  4. AzureCliCredential           `az` on PATH
 * A credential that is not set up here is Unavailable and the chain moves on; one that is set up but fails
 * stops it. AZURE_AUXILIARY_TENANT_IDS and a lone MSI_ENDPOINT (go-autorest) are rejected with an error.
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
