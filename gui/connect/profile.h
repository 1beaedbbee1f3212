// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/operatorconfig.h"
#include "shared/sync/operatorclients.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace Amo::Gui {

/**
 * One connection of the dashboard: which cloud and tenant, how to sign in, which subscriptions and
 * which cluster, plus the options that shape a plan. Holds no secret: the client secret or the
 * certificate password lives in the keychain (SecretStore) and is passed in where needed.
 */
struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(Amo::Gui::Profile)

public:
    enum class AuthMethod { AzureCli, ClientSecret, ClientCertificate, ManagedIdentity };

    QString name;
    bool demo = false; // the built-in Demo profile: the embedded simulator, no Azure and no cluster
    QString cloud = QStringLiteral("AZUREPUBLICCLOUD");
    QString environmentFile; // Azure Stack only: the cloud's endpoints as JSON
    QString tenantId;
    AuthMethod authMethod = AuthMethod::AzureCli;
    QString clientId; // the app registration, or the user-assigned identity for ManagedIdentity
    QString certificatePath;
    QStringList subscriptions; // empty: all the credential can see
    QString kubeconfig; // empty: $KUBECONFIG, else ~/.kube/config
    QString context; // empty: the kubeconfig's current-context
    bool readOnly = false; // the dashboard hides every write action (like k9s's readOnly)
    Config::OperatorConfig options; // only the plan-shaping fields are used (see PlanOptions)

    static Profile demoProfile();
    /** The cloud names the agent accepts, AZUREPUBLICCLOUD first. */
    static QStringList clouds();
    static QString authMethodKey(AuthMethod method);
    static std::optional<AuthMethod> authMethodFromKey(const QString &key);
    /** Whether @p method takes a secret (client secret or certificate password). */
    static bool usesSecret(AuthMethod method);

    /** The options with this profile's cloud, subscriptions, kubeconfig and context. */
    Config::OperatorConfig toConfig() const;
    /**
     * The system environment without any AZURE_* credential variable, plus the variables of the
     * chosen sign-in method, so the clients use exactly this profile's credentials.
     */
    Sync::ClientEnvironment toClientEnvironment(const QString &secret) const;
    /** Empty when usable; else one sentence naming the field at fault. */
    QString validate() const;
    /** The credential variables toClientEnvironment() removes from the system environment. */
    static QStringList credentialVariables();

    friend bool operator==(const Profile &, const Profile &) = default;
};

} // namespace Amo::Gui
