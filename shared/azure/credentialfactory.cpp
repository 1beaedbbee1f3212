// SPDX-License-Identifier: MIT
#include "shared/azure/credentialfactory.h"

#include "shared/azure/chainedtokencredential.h"
#include "shared/azure/clientcertificatecredential.h"
#include "shared/azure/clientsecretcredential.h"
#include "shared/azure/cloudenvironment.h"
#include "shared/azure/usernamepasswordcredential.h"
#include "shared/azure/workloadidentitycredential.h"
#include "shared/util/logger.h"

using namespace Qt::StringLiterals;

namespace Amo::Azure {

namespace {

QString firstSet(const QProcessEnvironment &env, const QStringList &names)
{
    for (const QString &n : names) {
        const QString v = env.value(n).trimmed();
        if (!v.isEmpty())
            return v;
    }
    return {};
}

} // namespace

ChainedTokenCredential *CredentialFactory::fromEnvironment(const QProcessEnvironment &env,
                                                           const CloudEnvironment &cloud, QNetworkAccessManager *nam,
                                                           const Clock &clock, const Logger &logger,
                                                           const CredentialChainOptions &options, QObject *parent,
                                                           QString *error)
{
    const QString tenant = env.value(u"AZURE_TENANT_ID"_s).trimmed();
    const QString clientId = env.value(u"AZURE_CLIENT_ID"_s).trimmed();
    const AadEndpoint aad {nam, &clock, cloud.authorityHost, tenant, options.timeoutMs, options.aadRetry};
    QList<TokenCredential *> chain;
    auto needs = [&](const QString &what) {
        QStringList missing;
        if (tenant.isEmpty())
            missing << u"AZURE_TENANT_ID"_s;
        if (clientId.isEmpty())
            missing << u"AZURE_CLIENT_ID"_s;
        if (!missing.isEmpty())
            *error = u"%1 is set but %2 is missing"_s.arg(what, missing.join(u" and "_s));
        return missing.isEmpty();
    };
    auto fail = [&] {
        qDeleteAll(chain);
        return nullptr;
    };

    // go-autorest reads these too; the operator cannot honour them, so it says so instead of ignoring them
    if (!env.value(u"AZURE_AUXILIARY_TENANT_IDS"_s).trimmed().isEmpty()) {
        *error = u"AZURE_AUXILIARY_TENANT_IDS is not supported: the operator reads MSIs with one tenant's token; "
                 "unset it and give the identity access to the subscriptions instead"_s;
        return fail();
    }
    if (!env.value(u"MSI_ENDPOINT"_s).trimmed().isEmpty() && env.value(u"IDENTITY_ENDPOINT"_s).trimmed().isEmpty()) {
        *error = u"MSI_ENDPOINT without IDENTITY_ENDPOINT (App Service 2017 or Cloud Shell managed identity) is "
                 "not supported; use IDENTITY_ENDPOINT and IDENTITY_HEADER, or unset MSI_ENDPOINT"_s;
        return fail();
    }

    // EnvironmentCredential as azidentity builds it: one of secret, certificate, username/password
    const QString secret = env.value(u"AZURE_CLIENT_SECRET"_s);
    const QString certificate = firstSet(env, {u"AZURE_CLIENT_CERTIFICATE_PATH"_s, u"AZURE_CERTIFICATE_PATH"_s});
    const QString user = env.value(u"AZURE_USERNAME"_s).trimmed();
    const QString password = env.value(u"AZURE_PASSWORD"_s);
    if (!secret.isEmpty()) {
        if (!needs(u"AZURE_CLIENT_SECRET"_s))
            return fail();
        chain << new ClientSecretCredential(aad, clientId, secret);
    } else if (!certificate.isEmpty()) {
        if (!needs(u"a client certificate path"_s))
            return fail();
        const QString certificatePassword = env.contains(u"AZURE_CLIENT_CERTIFICATE_PASSWORD"_s)
            ? env.value(u"AZURE_CLIENT_CERTIFICATE_PASSWORD"_s)
            : env.value(u"AZURE_CERTIFICATE_PASSWORD"_s);
        chain << new ClientCertificateCredential(aad, clientId, certificate, certificatePassword.toUtf8());
    } else if (!user.isEmpty() && !password.isEmpty()) {
        logger.warning(u"AZURE_USERNAME/AZURE_PASSWORD authentication is deprecated (no MFA support); "
                       "use a service principal, workload identity or managed identity instead"_s);
        AadEndpoint ropc = aad;
        if (ropc.tenantId.isEmpty())
            ropc.tenantId = u"organizations"_s;
        chain << new UsernamePasswordCredential(
            ropc, clientId.isEmpty() ? UsernamePasswordCredential::defaultClientId() : clientId, user, password);
    }
    const QString tokenFile = env.value(u"AZURE_FEDERATED_TOKEN_FILE"_s).trimmed();
    if (!tokenFile.isEmpty()) {
        if (!needs(u"AZURE_FEDERATED_TOKEN_FILE"_s))
            return fail();
        chain << new WorkloadIdentityCredential(aad, clientId, tokenFile);
    }
    if (options.managedIdentity) {
        ManagedIdentityOptions mi = options.managedIdentityOptions;
        if (mi.clientId.isEmpty() && mi.resourceId.isEmpty())
            mi.clientId = clientId;
        const QString endpoint = env.value(u"IDENTITY_ENDPOINT"_s).trimmed();
        const QString header = env.value(u"IDENTITY_HEADER"_s);
        if (!endpoint.isEmpty() && !header.isEmpty()) {
            mi.appServiceEndpoint = QUrl(endpoint);
            mi.appServiceHeader = header.toUtf8();
        }
        const QString podIdentity = env.value(u"AZURE_POD_IDENTITY_AUTHORITY_HOST"_s).trimmed();
        if (!podIdentity.isEmpty()) {
            const QUrl host(podIdentity);
            if (!host.isValid() || host.host().isEmpty()) {
                *error = u"AZURE_POD_IDENTITY_AUTHORITY_HOST \"%1\" is not a URL"_s.arg(podIdentity);
                return fail();
            }
            mi.imdsHost = host;
        }
        chain << new ManagedIdentityCredential(nam, clock, mi);
    }
    if (options.azureCli) {
        AzureCliOptions cli = options.azureCliOptions;
        if (cli.tenantId.isEmpty())
            cli.tenantId = tenant;
        chain << new AzureCliCredential(clock, cli);
    }
    auto *result = new ChainedTokenCredential(chain, logger, parent);
    logger.debug(u"Azure credential chain"_s, {{u"order"_s, result->names().join(u", "_s)}});
    return result;
}

} // namespace Amo::Azure
