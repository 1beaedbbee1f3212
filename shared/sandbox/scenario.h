// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace Amo::Sandbox {

struct ScenarioTenant
{
    QString id;
    QStringList domains;
};

struct ScenarioFederatedCredential
{
    QString issuer;
    QString subject;
    QStringList audiences {QStringLiteral("api://AzureADTokenExchange")};
    QString name; // the ARM resource name (managed identities only)
};

/** An app registration: secrets, certificates for client assertions, federated credentials. */
struct ScenarioApplication
{
    QString tenantId;
    QString clientId;
    QString objectId; // the service principal's object id (oid in its tokens)
    QString displayName;
    QStringList secrets;
    QList<QByteArray> certificates; // PEM
    QList<ScenarioFederatedCredential> federatedCredentials;
};

/** An external token issuer (e.g. a cluster's OIDC issuer) whose JWTs the tenant trusts. */
struct ScenarioIssuer
{
    QString issuer;
    QList<QByteArray> keys; // PEM certificates or public keys that sign its tokens
    QByteArray signingKey; // optional PEM private key, so tools can mint tokens
};

struct ScenarioUser
{
    QString tenantId;
    QString username;
    QString password;
    QString objectId;
};

/** A managed identity reachable through IMDS / App Service in this sandbox. */
struct ScenarioManagedIdentity
{
    QString tenantId;
    QString clientId;
    QString principalId;
    QString resourceId;
    bool isDefault = false;
};

struct ScenarioSubscription
{
    QString id;
    QString displayName;
    QString state = QStringLiteral("Enabled");
    QString tenantId;
    bool forbidden = false; // every principal gets 403 AuthorizationFailed
    QStringList forbiddenFor; // principal object ids that get 403
    QJsonObject tags;

    bool forbids(const QString &principalId) const { return forbidden || forbiddenFor.contains(principalId); }
};

/** A user-assigned managed identity listed by ARM. */
struct ScenarioMsi
{
    QString subscriptionId;
    QString resourceGroup;
    QString name;
    QString location = QStringLiteral("westeurope");
    QString clientId;
    QString principalId;
    QString tenantId;
    QJsonObject tags;
    QList<ScenarioFederatedCredential> federatedIdentityCredentials; // ARM's federatedIdentityCredentials

    QString resourceId() const;
    /** Azure's cap on federated identity credentials per user-assigned identity. */
    static constexpr int kMaxFederatedCredentials = 20;
};

/** Everything one sandbox run serves. JSON format: shared/sandbox/SCENARIO.md. */
struct Scenario
{
    QList<ScenarioTenant> tenants;
    QList<ScenarioApplication> applications;
    QList<ScenarioIssuer> federatedIssuers;
    QList<ScenarioUser> users;
    QList<ScenarioManagedIdentity> managedIdentities;
    QString appServicePath = QStringLiteral("/msi/token");
    QString appServiceIdentityHeader = QStringLiteral("sandbox-identity-header");
    QList<ScenarioSubscription> subscriptions;
    QList<ScenarioMsi> msis;
    int armPageSize = 100;
    QStringList armAudiences; // accepted besides the sandbox URL and the public ARM audiences
    int throttleBudget = 250;
    double throttleRefillPerSecond = 25;
    int writeThrottleBudget = 200; // ARM's write bucket per subscription + principal
    double writeThrottleRefillPerSecond = 10;
    int tokenLifetimeSeconds = 3599;
    quint32 faultSeed = 1;
    QJsonArray faultRules;
    QByteArray adminToken;
    QJsonObject kubernetes; // handed verbatim to the Kubernetes half

    static std::optional<Scenario> fromJson(const QJsonObject &json, QString *error);
    static std::optional<Scenario> load(const QString &path, QString *error);
    QJsonObject toJson() const;

    const ScenarioTenant *tenant(const QString &idOrDomain) const;
    const ScenarioApplication *application(const QString &tenantId, const QString &clientId) const;
    const ScenarioIssuer *issuer(const QString &issuerUrl) const;
    const ScenarioSubscription *subscription(const QString &id) const;
    QList<ScenarioMsi> msisIn(const QString &subscriptionId) const;
    /** The MSI by subscription, resource group and name (case-insensitive, as ARM), or null. */
    ScenarioMsi *findMsi(const QString &subscriptionId, const QString &resourceGroup, const QString &name);
    /** The MSI whose client id is @p clientId in @p tenantId, or null. */
    const ScenarioMsi *msiByClientId(const QString &tenantId, const QString &clientId) const;
};

} // namespace Amo::Sandbox
