// SPDX-License-Identifier: MIT
#include "shared/sandbox/scenariogenerator.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QStringList>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {
QString uuidFor(const QString &name)
{
    static const QUuid ns(u"b0c3d6f2-91a4-4c1e-8f2a-2d7e5f6a9b31"_s);
    return QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces);
}
} // namespace

bool ScenarioGenerator::parse(const QString &text, Parameters *parameters)
{
    const QStringList parts = text.split(u':');
    if (parts.size() != 4)
        return false;
    bool ok[4] = {};
    Parameters p = *parameters;
    p.msis = parts[0].toInt(&ok[0]);
    p.namespaces = parts[1].toInt(&ok[1]);
    p.bindings = parts[2].toInt(&ok[2]);
    p.driftedFraction = parts[3].toDouble(&ok[3]);
    if (!(ok[0] && ok[1] && ok[2] && ok[3]) || p.msis < 0 || p.namespaces < 1 || p.bindings < 0 || p.driftedFraction < 0
        || p.driftedFraction > 1)
        return false;
    *parameters = p;
    return true;
}

QJsonObject ScenarioGenerator::generate(const Parameters &p)
{
    QRandomGenerator random(p.seed);
    const QString tenant = uuidFor(u"tenant"_s);
    const QStringList teams {u"payments"_s, u"checkout"_s, u"search"_s,   u"catalog"_s, u"identity"_s,
                             u"billing"_s,  u"ml"_s,       u"platform"_s, u"data"_s,    u"web"_s};
    QJsonArray subscriptions;
    for (int s = 0; s < std::max(1, p.subscriptions); ++s)
        subscriptions.append(
            QJsonObject {{u"id"_s, uuidFor(u"sub-%1"_s.arg(s))}, {u"displayName"_s, u"generated-%1"_s.arg(s)}});
    QJsonArray namespaces;
    for (int k = 0; k < p.namespaces; ++k)
        namespaces.append(u"%1-%2"_s.arg(teams[k % teams.size()], QString::number(k)));

    QJsonArray msis;
    for (int i = 0; i < p.msis; ++i) {
        const QString ns = namespaces.at(random.bounded(qsizetype(namespaces.size()))).toString();
        msis.append(
            QJsonObject {{u"subscriptionId"_s, subscriptions.at(i % subscriptions.size()).toObject().value(u"id"_s)},
                         {u"resourceGroup"_s, u"rg-%1"_s.arg(ns)},
                         {u"name"_s, u"id-%1-%2"_s.arg(ns, QString::number(i))},
                         {u"location"_s, i % 3 == 0 ? u"northeurope"_s : u"westeurope"_s},
                         {u"tags"_s, QJsonObject {{u"k8snamespace"_s, ns}}}});
    }
    QJsonArray bindings;
    const int drifted = int(p.bindings * p.driftedFraction + 0.5);
    for (int b = 0; b < p.bindings && !msis.isEmpty(); ++b) {
        const QJsonObject msi = msis.at(b % msis.size()).toObject();
        const QString name = msi.value(u"name"_s).toString();
        const QString identity = b < drifted ? u"%1-old"_s.arg(name) : name;
        bindings.append(
            QJsonObject {{u"name"_s, u"%1-binding-%2"_s.arg(name, QString::number(b))},
                         {u"namespace"_s, msi.value(u"tags"_s).toObject().value(u"k8snamespace"_s)},
                         {u"labels"_s,
                          QJsonObject {{u"msi.azure.k8s.io/name"_s, name},
                                       {u"msi.azure.k8s.io/resourcegroup"_s, msi.value(u"resourceGroup"_s)},
                                       {u"msi.azure.k8s.io/subscription"_s, msi.value(u"subscriptionId"_s)}}},
                         {u"spec"_s, QJsonObject {{u"azureIdentity"_s, identity}, {u"selector"_s, name}}}});
    }
    const QString appId = uuidFor(u"operator-app"_s);
    return QJsonObject {
        {u"tenants"_s, QJsonArray {QJsonObject {{u"id"_s, tenant}, {u"domains"_s, QJsonArray {u"generated.test"_s}}}}},
        {u"applications"_s,
         QJsonArray {QJsonObject {{u"clientId"_s, appId},
                                  {u"displayName"_s, u"azure-msi-operator"_s},
                                  {u"secrets"_s, QJsonArray {u"generated-secret"_s}}}}},
        {u"subscriptions"_s, subscriptions},
        {u"msis"_s, msis},
        {u"arm"_s,
         QJsonObject {{u"pageSize"_s, 100},
                      {u"throttle"_s, QJsonObject {{u"budget"_s, 12000}, {u"refillPerSecond"_s, 250}}}}},
        {u"kubernetes"_s, QJsonObject {{u"namespaces"_s, namespaces}, {u"azureIdentityBindings"_s, bindings}}}};
}

} // namespace Amo::Sandbox
