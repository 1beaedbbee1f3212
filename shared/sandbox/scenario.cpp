// SPDX-License-Identifier: MIT
#include "shared/sandbox/scenario.h"

#include "shared/sandbox/faultrule.h"
#include "shared/sandbox/federatedcredentialrules.h"

#include <QFile>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

// Stable ids for entries that leave them out, so a scenario file stays short and runs are repeatable.
QString derivedUuid(const QString &kind, const QString &name)
{
    static const QUuid ns(u"6f1c5c9e-3f55-4a1e-9d0c-5a2b7c3e8a10"_s);
    return QUuid::createUuidV5(ns, kind + u':' + name).toString(QUuid::WithoutBraces);
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out.append(item.toString());
    return out;
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QList<QByteArray> pems(const QJsonValue &v)
{
    QList<QByteArray> out;
    for (const QJsonValue &item : v.toArray())
        out.append(item.toString().toUtf8());
    return out;
}

QJsonArray toArray(const QList<QByteArray> &list)
{
    QJsonArray a;
    for (const QByteArray &s : list)
        a.append(QString::fromUtf8(s));
    return a;
}

} // namespace

QString ScenarioMsi::resourceId() const
{
    return u"/subscriptions/%1/resourcegroups/%2/providers/Microsoft.ManagedIdentity/userAssignedIdentities/%3"_s.arg(
        subscriptionId, resourceGroup, name);
}

std::optional<Scenario> Scenario::fromJson(const QJsonObject &json, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    Scenario s;
    for (const QJsonValue &v : json.value(u"tenants"_s).toArray()) {
        const QJsonObject o = v.toObject();
        s.tenants.append({o.value(u"id"_s).toString(), strings(o.value(u"domains"_s))});
        if (s.tenants.last().id.isEmpty())
            return fail(u"tenants: every tenant needs an id"_s);
    }
    const QString defaultTenant = s.tenants.isEmpty() ? QString() : s.tenants.first().id;
    for (const QJsonValue &v : json.value(u"applications"_s).toArray()) {
        const QJsonObject o = v.toObject();
        ScenarioApplication a;
        a.tenantId = o.value(u"tenantId"_s).toString(defaultTenant);
        a.clientId = o.value(u"clientId"_s).toString();
        if (a.clientId.isEmpty())
            return fail(u"applications: every application needs a clientId"_s);
        a.objectId = o.value(u"objectId"_s).toString(derivedUuid(u"sp"_s, a.clientId));
        a.displayName = o.value(u"displayName"_s).toString();
        a.secrets = strings(o.value(u"secrets"_s));
        a.certificates = pems(o.value(u"certificates"_s));
        for (const QJsonValue &f : o.value(u"federatedCredentials"_s).toArray()) {
            const QJsonObject fo = f.toObject();
            ScenarioFederatedCredential fc;
            fc.issuer = fo.value(u"issuer"_s).toString();
            fc.subject = fo.value(u"subject"_s).toString();
            if (fo.contains(u"audiences"_s))
                fc.audiences = strings(fo.value(u"audiences"_s));
            a.federatedCredentials.append(fc);
        }
        s.applications.append(a);
    }
    for (const QJsonValue &v : json.value(u"federatedIssuers"_s).toArray()) {
        const QJsonObject o = v.toObject();
        s.federatedIssuers.append(
            {o.value(u"issuer"_s).toString(), pems(o.value(u"keys"_s)), o.value(u"signingKey"_s).toString().toUtf8()});
    }
    for (const QJsonValue &v : json.value(u"users"_s).toArray()) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(u"username"_s).toString();
        s.users.append({o.value(u"tenantId"_s).toString(defaultTenant), name, o.value(u"password"_s).toString(),
                        o.value(u"objectId"_s).toString(derivedUuid(u"user"_s, name))});
    }
    for (const QJsonValue &v : json.value(u"managedIdentities"_s).toArray()) {
        const QJsonObject o = v.toObject();
        ScenarioManagedIdentity m;
        m.tenantId = o.value(u"tenantId"_s).toString(defaultTenant);
        m.clientId = o.value(u"clientId"_s).toString();
        m.principalId = o.value(u"principalId"_s).toString(derivedUuid(u"mi"_s, m.clientId));
        m.resourceId = o.value(u"resourceId"_s).toString();
        m.isDefault = o.value(u"default"_s).toBool();
        s.managedIdentities.append(m);
    }
    const QJsonObject appService = json.value(u"appService"_s).toObject();
    s.appServicePath = appService.value(u"path"_s).toString(s.appServicePath);
    s.appServiceIdentityHeader = appService.value(u"identityHeader"_s).toString(s.appServiceIdentityHeader);

    for (const QJsonValue &v : json.value(u"subscriptions"_s).toArray()) {
        const QJsonObject o = v.toObject();
        ScenarioSubscription sub;
        sub.id = o.value(u"id"_s).toString();
        if (sub.id.isEmpty())
            return fail(u"subscriptions: every subscription needs an id"_s);
        sub.displayName = o.value(u"displayName"_s).toString(sub.id);
        sub.state = o.value(u"state"_s).toString(sub.state);
        sub.tenantId = o.value(u"tenantId"_s).toString(defaultTenant);
        sub.forbidden = o.value(u"forbidden"_s).toBool();
        sub.forbiddenFor = strings(o.value(u"forbiddenFor"_s));
        sub.tags = o.value(u"tags"_s).toObject();
        s.subscriptions.append(sub);
    }
    for (const QJsonValue &v : json.value(u"msis"_s).toArray()) {
        const QJsonObject o = v.toObject();
        ScenarioMsi m;
        m.subscriptionId = o.value(u"subscriptionId"_s).toString();
        m.resourceGroup = o.value(u"resourceGroup"_s).toString();
        m.name = o.value(u"name"_s).toString();
        const ScenarioSubscription *sub = s.subscription(m.subscriptionId);
        if (!sub || m.resourceGroup.isEmpty() || m.name.isEmpty())
            return fail(u"msis: '%1' needs a known subscriptionId, a resourceGroup and a name"_s.arg(m.name));
        m.location = o.value(u"location"_s).toString(m.location);
        m.clientId = o.value(u"clientId"_s).toString(derivedUuid(u"msi-client"_s, m.resourceId()));
        m.principalId = o.value(u"principalId"_s).toString(derivedUuid(u"msi-principal"_s, m.resourceId()));
        m.tenantId = o.value(u"tenantId"_s).toString(sub->tenantId);
        m.tags = o.value(u"tags"_s).toObject();
        // preloaded credentials pass the checks an ARM PUT would, so a scenario cannot hold what Azure refuses
        for (const QJsonValue &f : o.value(u"federatedIdentityCredentials"_s).toArray()) {
            const QJsonObject fo = f.toObject();
            ScenarioFederatedCredential fc;
            fc.issuer = fo.value(u"issuer"_s).toString();
            fc.subject = fo.value(u"subject"_s).toString();
            if (fo.contains(u"audiences"_s))
                fc.audiences = strings(fo.value(u"audiences"_s));
            fc.name = fo.value(u"name"_s).toString();
            auto problem = FederatedCredentialRules::checkName(fc.name);
            if (!problem)
                problem = FederatedCredentialRules::checkProperties(fc);
            if (!problem)
                problem = FederatedCredentialRules::checkAgainst(m, fc);
            if (problem)
                return fail(u"msis: '%1' federatedIdentityCredentials: %2"_s.arg(m.name, problem->message));
            m.federatedIdentityCredentials.append(fc);
        }
        s.msis.append(m);
    }

    const QJsonObject arm = json.value(u"arm"_s).toObject();
    s.armPageSize = std::max(1, arm.value(u"pageSize"_s).toInt(s.armPageSize));
    s.armAudiences = strings(arm.value(u"audiences"_s));
    const QJsonObject throttle = arm.value(u"throttle"_s).toObject();
    s.throttleBudget = throttle.value(u"budget"_s).toInt(s.throttleBudget);
    s.throttleRefillPerSecond = throttle.value(u"refillPerSecond"_s).toDouble(s.throttleRefillPerSecond);
    const QJsonObject writeThrottle = arm.value(u"writeThrottle"_s).toObject();
    s.writeThrottleBudget = writeThrottle.value(u"budget"_s).toInt(s.writeThrottleBudget);
    s.writeThrottleRefillPerSecond = writeThrottle.value(u"refillPerSecond"_s).toDouble(s.writeThrottleRefillPerSecond);
    s.tokenLifetimeSeconds
        = json.value(u"tokens"_s).toObject().value(u"lifetimeSeconds"_s).toInt(s.tokenLifetimeSeconds);

    const QJsonObject faults = json.value(u"faults"_s).toObject();
    s.faultSeed = quint32(faults.value(u"seed"_s).toInteger(1));
    s.faultRules = faults.value(u"rules"_s).toArray();
    for (const QJsonValue &v : std::as_const(s.faultRules)) {
        QString ruleError;
        if (!FaultRule::fromJson(v.toObject(), &ruleError))
            return fail(u"faults: "_s + ruleError);
    }
    s.adminToken = json.value(u"sandbox"_s).toObject().value(u"adminToken"_s).toString().toUtf8();
    s.kubernetes = json.value(u"kubernetes"_s).toObject();
    return s;
}

std::optional<Scenario> Scenario::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = u"%1 is not a JSON object: %2"_s.arg(path, parseError.errorString());
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

QJsonObject Scenario::toJson() const
{
    QJsonArray tenantArray, appArray, issuerArray, userArray, miArray, subArray, msiArray;
    for (const ScenarioTenant &t : tenants)
        tenantArray.append(QJsonObject {{u"id"_s, t.id}, {u"domains"_s, toArray(t.domains)}});
    for (const ScenarioApplication &a : applications) {
        QJsonArray fics;
        for (const ScenarioFederatedCredential &f : a.federatedCredentials)
            fics.append(QJsonObject {
                {u"issuer"_s, f.issuer}, {u"subject"_s, f.subject}, {u"audiences"_s, toArray(f.audiences)}});
        appArray.append(QJsonObject {{u"tenantId"_s, a.tenantId},
                                     {u"clientId"_s, a.clientId},
                                     {u"objectId"_s, a.objectId},
                                     {u"displayName"_s, a.displayName},
                                     {u"secrets"_s, toArray(a.secrets)},
                                     {u"certificates"_s, toArray(a.certificates)},
                                     {u"federatedCredentials"_s, fics}});
    }
    for (const ScenarioIssuer &i : federatedIssuers)
        issuerArray.append(QJsonObject {
            {u"issuer"_s, i.issuer}, {u"keys"_s, toArray(i.keys)}, {u"signingKey"_s, QString::fromUtf8(i.signingKey)}});
    for (const ScenarioUser &u : users)
        userArray.append(QJsonObject {{u"tenantId"_s, u.tenantId},
                                      {u"username"_s, u.username},
                                      {u"password"_s, u.password},
                                      {u"objectId"_s, u.objectId}});
    for (const ScenarioManagedIdentity &m : managedIdentities)
        miArray.append(QJsonObject {{u"tenantId"_s, m.tenantId},
                                    {u"clientId"_s, m.clientId},
                                    {u"principalId"_s, m.principalId},
                                    {u"resourceId"_s, m.resourceId},
                                    {u"default"_s, m.isDefault}});
    for (const ScenarioSubscription &sub : subscriptions)
        subArray.append(QJsonObject {{u"id"_s, sub.id},
                                     {u"displayName"_s, sub.displayName},
                                     {u"state"_s, sub.state},
                                     {u"tenantId"_s, sub.tenantId},
                                     {u"forbidden"_s, sub.forbidden},
                                     {u"forbiddenFor"_s, toArray(sub.forbiddenFor)},
                                     {u"tags"_s, sub.tags}});
    for (const ScenarioMsi &m : msis) {
        QJsonArray fics;
        for (const ScenarioFederatedCredential &f : m.federatedIdentityCredentials)
            fics.append(QJsonObject {{u"name"_s, f.name},
                                     {u"issuer"_s, f.issuer},
                                     {u"subject"_s, f.subject},
                                     {u"audiences"_s, toArray(f.audiences)}});
        msiArray.append(QJsonObject {{u"subscriptionId"_s, m.subscriptionId},
                                     {u"resourceGroup"_s, m.resourceGroup},
                                     {u"name"_s, m.name},
                                     {u"location"_s, m.location},
                                     {u"clientId"_s, m.clientId},
                                     {u"principalId"_s, m.principalId},
                                     {u"tenantId"_s, m.tenantId},
                                     {u"tags"_s, m.tags},
                                     {u"federatedIdentityCredentials"_s, fics}});
    }
    QJsonObject o {
        {u"tenants"_s, tenantArray},
        {u"applications"_s, appArray},
        {u"federatedIssuers"_s, issuerArray},
        {u"users"_s, userArray},
        {u"managedIdentities"_s, miArray},
        {u"appService"_s, QJsonObject {{u"path"_s, appServicePath}, {u"identityHeader"_s, appServiceIdentityHeader}}},
        {u"subscriptions"_s, subArray},
        {u"msis"_s, msiArray},
        {u"arm"_s,
         QJsonObject {
             {u"pageSize"_s, armPageSize},
             {u"audiences"_s, toArray(armAudiences)},
             {u"throttle"_s,
              QJsonObject {{u"budget"_s, throttleBudget}, {u"refillPerSecond"_s, throttleRefillPerSecond}}},
             {u"writeThrottle"_s,
              QJsonObject {{u"budget"_s, writeThrottleBudget}, {u"refillPerSecond"_s, writeThrottleRefillPerSecond}}}}},
        {u"tokens"_s, QJsonObject {{u"lifetimeSeconds"_s, tokenLifetimeSeconds}}},
        {u"faults"_s, QJsonObject {{u"seed"_s, qint64(faultSeed)}, {u"rules"_s, faultRules}}},
        {u"kubernetes"_s, kubernetes}};
    if (!adminToken.isEmpty())
        o.insert(u"sandbox"_s, QJsonObject {{u"adminToken"_s, QString::fromUtf8(adminToken)}});
    return o;
}

const ScenarioTenant *Scenario::tenant(const QString &idOrDomain) const
{
    for (const ScenarioTenant &t : tenants) {
        if (t.id.compare(idOrDomain, Qt::CaseInsensitive) == 0 || t.domains.contains(idOrDomain, Qt::CaseInsensitive))
            return &t;
    }
    return nullptr;
}

const ScenarioApplication *Scenario::application(const QString &tenantId, const QString &clientId) const
{
    for (const ScenarioApplication &a : applications) {
        if (a.tenantId == tenantId && a.clientId.compare(clientId, Qt::CaseInsensitive) == 0)
            return &a;
    }
    return nullptr;
}

const ScenarioIssuer *Scenario::issuer(const QString &issuerUrl) const
{
    for (const ScenarioIssuer &i : federatedIssuers) {
        if (i.issuer == issuerUrl)
            return &i;
    }
    return nullptr;
}

const ScenarioSubscription *Scenario::subscription(const QString &id) const
{
    for (const ScenarioSubscription &s : subscriptions) {
        if (s.id.compare(id, Qt::CaseInsensitive) == 0)
            return &s;
    }
    return nullptr;
}

QList<ScenarioMsi> Scenario::msisIn(const QString &subscriptionId) const
{
    QList<ScenarioMsi> out;
    for (const ScenarioMsi &m : msis) {
        if (m.subscriptionId.compare(subscriptionId, Qt::CaseInsensitive) == 0)
            out.append(m);
    }
    return out;
}

ScenarioMsi *Scenario::findMsi(const QString &subscriptionId, const QString &resourceGroup, const QString &name)
{
    for (ScenarioMsi &m : msis) {
        if (m.subscriptionId.compare(subscriptionId, Qt::CaseInsensitive) == 0
            && m.resourceGroup.compare(resourceGroup, Qt::CaseInsensitive) == 0
            && m.name.compare(name, Qt::CaseInsensitive) == 0)
            return &m;
    }
    return nullptr;
}

const ScenarioMsi *Scenario::msiByClientId(const QString &tenantId, const QString &clientId) const
{
    for (const ScenarioMsi &m : msis) {
        if (m.tenantId == tenantId && m.clientId.compare(clientId, Qt::CaseInsensitive) == 0)
            return &m;
    }
    return nullptr;
}

} // namespace Amo::Sandbox
