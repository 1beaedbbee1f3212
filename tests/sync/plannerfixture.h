// SPDX-License-Identifier: MIT
#pragma once

// Builders shared by the planner tests: the seed MSI, mappings, cluster states and observed objects.

#include "shared/mapping/identitymapper.h"
#include "shared/sync/planner.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Amo;
using Sync::Action;

using Mutation = std::function<void(Model::ObservedIdentity &)>;
using Labels = QMap<QString, QString>;
Q_DECLARE_METATYPE(Mutation)

namespace PlannerFixture {
inline const QDateTime kNow = QDateTime(QDate(2021, 8, 29), QTime(0, 0), Qt::UTC);
inline const QString kNs = u"test123"_s;
inline const QString kName = u"foobar-df398181-f42f-41b4-b791-b1d4572be315"_s;
inline const QString kSub = u"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"_s;
inline const QString kSeedId = u"/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/resourcegroups/barfoo/providers/"
                               "Microsoft.ManagedIdentity/userAssignedIdentities/foobar"_s;
inline const QString kLabelName = u"msi.azure.k8s.io/name"_s;
inline const QString kLabelGroup = u"msi.azure.k8s.io/resourcegroup"_s;
inline const QString kLabelSub = u"msi.azure.k8s.io/subscription"_s;
inline const QString kBehavior = u"aadpodidentity.k8s.io/Behavior"_s;
inline const QString kExpires = u"janitor/expires"_s;

inline Model::Msi seedMsi()
{
    QFile file(QStringLiteral(AMO_SOURCE_DIR "/tests/mapping/data/seed-msi.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the seed MSI");
    Model::Msi msi;
    QString error;
    if (!Model::Msi::fromArmJson(QJsonDocument::fromJson(file.readAll()).object(), &msi, &error))
        qFatal("seed MSI: %s", qPrintable(error));
    return msi;
}

inline Model::Msi otherMsi(const QString &name, const QString &clientId, const QString &ns)
{
    Model::Msi msi = seedMsi();
    msi.id = u"/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/team/providers/"
             "Microsoft.ManagedIdentity/userAssignedIdentities/"_s
        + name;
    msi.name = name;
    msi.resourceGroup = u"team"_s;
    msi.subscriptionId = u"0b1f6471-1bf0-4dda-aec3-111122223333"_s;
    msi.clientId = clientId;
    msi.tags = {{u"k8snamespace"_s, ns}};
    return msi;
}

inline Mapping::MsiMapping mapMsi(const Sync::PlannerOptions &options, const Model::Msi &msi = seedMsi(),
                                  const QStringList &ignored = {})
{
    Mapping::MappingOptions mapping;
    mapping.labelFormat = options.labelFormat;
    mapping.namespaced = options.namespaced;
    mapping.expiry = options.expiry;
    mapping.expiryAnnotation = options.expiryAnnotation;
    mapping.expiryDuration = options.expiryDuration;
    mapping.expiryTimeFormat = options.expiryTimeFormat;
    mapping.ignoredNamespaces = ignored;
    return Mapping::IdentityMapper(mapping).map(msi, kNow);
}

inline Model::ClusterState withNamespaces(const QStringList &names)
{
    Model::ClusterState cluster;
    for (const QString &name : names)
        cluster.insert(Model::ObservedNamespace {name, Model::ObservedNamespace::Phase::Active, {}, {}, {}});
    return cluster;
}

inline Model::ObservedIdentity observe(const QJsonObject &object, const QString &resourceVersion = u"7"_s)
{
    Model::ObservedIdentity identity = Model::ObservedIdentity::fromJson(object);
    identity.resourceVersion = resourceVersion;
    return identity;
}

// The seed identity exactly as the planner would create it under @p options.
inline Model::ObservedIdentity seedObserved(const Sync::PlannerOptions &options)
{
    return observe(mapMsi(options).identities.first().toJson());
}

inline Model::ObservedBinding binding(const QString &name, const QString &identity,
                                      const QMap<QString, QString> &labels, const QString &ns = kNs)
{
    return Model::ObservedBinding {ns, name, u"42"_s, labels, identity, u"my-selector"_s, {}};
}

inline QMap<QString, QString> seedLabels()
{
    return {{kLabelSub, kSub}, {kLabelGroup, u"barfoo"_s}, {kLabelName, u"foobar"_s}};
}

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QStringList fieldsOf(const Action &action)
{
    QStringList fields;
    for (const Sync::FieldChange &change : action.changes)
        fields << change.field;
    return fields;
}

inline QList<Action> ofKind(const Sync::Plan &plan, Action::Kind kind)
{
    QList<Action> result;
    for (const Action &action : plan.actions) {
        if (action.kind == kind)
            result << action;
    }
    return result;
}
} // namespace PlannerFixture

using namespace PlannerFixture;
