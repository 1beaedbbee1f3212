// SPDX-License-Identifier: MIT
#include "gui/connect/profile.h"

#include "gui/connect/planoptions.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

namespace {

bool isGuid(const QString &text)
{
    return !QUuid::fromString(text).isNull();
}

} // namespace

Profile Profile::demoProfile()
{
    Profile profile; // not "demo": that would shadow the member (-Wshadow)
    profile.name = u"Demo"_s;
    profile.demo = true;
    // Every view has rows in the bundled scenario only with these on.
    profile.options.azureIdentityBindingSync = true;
    profile.options.azureIdentityExpiry = true;
    return profile;
}

QStringList Profile::clouds()
{
    return {u"AZUREPUBLICCLOUD"_s, u"AZURECHINACLOUD"_s, u"AZUREUSGOVERNMENTCLOUD"_s, u"AZURESTACKCLOUD"_s};
}

QString Profile::authMethodKey(AuthMethod method)
{
    switch (method) {
    case AuthMethod::AzureCli:
        return u"azure-cli"_s;
    case AuthMethod::ClientSecret:
        return u"client-secret"_s;
    case AuthMethod::ClientCertificate:
        return u"client-certificate"_s;
    case AuthMethod::ManagedIdentity:
        return u"managed-identity"_s;
    }
    return {};
}

std::optional<Profile::AuthMethod> Profile::authMethodFromKey(const QString &key)
{
    for (AuthMethod method :
         {AuthMethod::AzureCli, AuthMethod::ClientSecret, AuthMethod::ClientCertificate, AuthMethod::ManagedIdentity}) {
        if (authMethodKey(method) == key)
            return method;
    }
    return std::nullopt;
}

bool Profile::usesSecret(AuthMethod method)
{
    return method == AuthMethod::ClientSecret || method == AuthMethod::ClientCertificate;
}

Config::OperatorConfig Profile::toConfig() const
{
    Config::OperatorConfig config;
    PlanOptions::copy(options, &config);
    config.azureEnvironment = cloud;
    config.azureSubscriptions = subscriptions;
    config.kubeconfig = kubeconfig;
    config.kubernetesContext = context;
    return config;
}

QStringList Profile::credentialVariables()
{
    return {u"AZURE_TENANT_ID"_s,
            u"AZURE_CLIENT_ID"_s,
            u"AZURE_CLIENT_SECRET"_s,
            u"AZURE_CLIENT_CERTIFICATE_PATH"_s,
            u"AZURE_CERTIFICATE_PATH"_s,
            u"AZURE_CLIENT_CERTIFICATE_PASSWORD"_s,
            u"AZURE_CERTIFICATE_PASSWORD"_s,
            u"AZURE_FEDERATED_TOKEN_FILE"_s,
            u"AZURE_USERNAME"_s,
            u"AZURE_PASSWORD"_s,
            u"AZURE_ENVIRONMENT_FILEPATH"_s,
            u"AZURE_AUTHORITY_HOST"_s};
}

Sync::ClientEnvironment Profile::toClientEnvironment(const QString &secret) const
{
    Sync::ClientEnvironment client;
    QProcessEnvironment &env = client.environment;
    // A shell's AZURE_* settings must not change which tenant or identity this profile signs in with.
    for (const QString &variable : credentialVariables())
        env.remove(variable);
    if (cloud == u"AZURESTACKCLOUD")
        env.insert(u"AZURE_ENVIRONMENT_FILEPATH"_s, environmentFile);
    switch (authMethod) {
    case AuthMethod::AzureCli:
        break;
    case AuthMethod::ClientSecret:
        env.insert(u"AZURE_TENANT_ID"_s, tenantId);
        env.insert(u"AZURE_CLIENT_ID"_s, clientId);
        env.insert(u"AZURE_CLIENT_SECRET"_s, secret);
        break;
    case AuthMethod::ClientCertificate:
        env.insert(u"AZURE_TENANT_ID"_s, tenantId);
        env.insert(u"AZURE_CLIENT_ID"_s, clientId);
        env.insert(u"AZURE_CLIENT_CERTIFICATE_PATH"_s, certificatePath);
        if (!secret.isEmpty())
            env.insert(u"AZURE_CLIENT_CERTIFICATE_PASSWORD"_s, secret);
        break;
    case AuthMethod::ManagedIdentity:
        if (!tenantId.isEmpty())
            env.insert(u"AZURE_TENANT_ID"_s, tenantId);
        if (!clientId.isEmpty())
            env.insert(u"AZURE_CLIENT_ID"_s, clientId);
        break;
    }
    return client;
}

QString Profile::validate() const
{
    static const QRegularExpression badName(u"[/\\\\]"_s);
    if (name.trimmed().isEmpty())
        return tr("Name: enter a name for the profile.");
    if (name.contains(badName))
        return tr("Name: a profile name may not contain / or \\.");
    if (demo)
        return {};
    if (name == demoProfile().name)
        return tr("Name: \"Demo\" is reserved for the built-in demo profile.");
    if (!clouds().contains(cloud))
        return tr("Cloud: choose one of the listed Azure clouds.");
    if (cloud == u"AZURESTACKCLOUD" && !QFileInfo(environmentFile).isFile())
        return tr("Environment file: Azure Stack needs the file with the cloud's endpoints.");
    const bool needsApp = authMethod == AuthMethod::ClientSecret || authMethod == AuthMethod::ClientCertificate;
    if (needsApp && !isGuid(tenantId))
        return tr("Tenant ID: enter the directory (tenant) ID, a GUID.");
    if (!needsApp && !tenantId.isEmpty() && !isGuid(tenantId))
        return tr("Tenant ID: leave it empty or enter a GUID.");
    if (needsApp && !isGuid(clientId))
        return tr("Client ID: enter the application (client) ID, a GUID.");
    if (authMethod == AuthMethod::ManagedIdentity && !clientId.isEmpty() && !isGuid(clientId))
        return tr("Client ID: leave it empty for the system-assigned identity or enter a GUID.");
    if (authMethod == AuthMethod::ClientCertificate && !QFileInfo(certificatePath).isFile())
        return tr("Certificate: choose a PEM or PKCS#12 file that exists.");
    for (const QString &subscription : subscriptions) {
        if (!isGuid(subscription))
            return tr("Subscriptions: \"%1\" is not a subscription ID.").arg(subscription);
    }
    if (!kubeconfig.isEmpty() && !QFileInfo(kubeconfig).isFile())
        return tr("Kubeconfig: the file does not exist.");
    if (!context.isEmpty() && context.trimmed().isEmpty())
        return tr("Context: choose a context of the kubeconfig.");
    const QString optionError = PlanOptions::check(options);
    if (!optionError.isEmpty())
        return tr("Plan options: %1").arg(optionError);
    return {};
}

} // namespace Amo::Gui
