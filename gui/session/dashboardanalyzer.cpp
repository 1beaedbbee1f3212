// SPDX-License-Identifier: MIT
#include "gui/session/dashboardanalyzer.h"

#include "gui/session/migrationrowbuilder.h"
#include "gui/session/workloadrowbuilder.h"
#include "shared/config/gotimelayout.h"
#include "shared/config/operatorconfig.h"
#include "shared/sync/planbuilder.h"

#include <QHash>
#include <QMap>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

using Sync::Action;

namespace {

QString keyOf(const QString &ns, const QString &name)
{
    return QString(ns + u'/' + name);
}

QString expiryField(const Config::OperatorConfig &config)
{
    return QString(u"metadata.annotations["_s + config.azureIdentityExpiryAnnotation + u']');
}

/** The more urgent of two MSI states: conflicts first, then writes, then waits and skips. */
int urgency(RowState state)
{
    switch (state) {
    case RowState::Conflict:
        return 6;
    case RowState::WillCreate:
        return 5;
    case RowState::WillUpdate:
        return 4;
    case RowState::WaitingForNamespace:
        return 3;
    case RowState::Skipped:
        return 2;
    default:
        return 1;
    }
}

RowState stateOf(Action::Kind kind)
{
    switch (kind) {
    case Action::Kind::CreateIdentity:
        return RowState::WillCreate;
    case Action::Kind::UpdateIdentity:
        return RowState::WillUpdate;
    case Action::Kind::RepointBinding:
        return RowState::WillRepoint;
    case Action::Kind::WaitForNamespace:
        return RowState::WaitingForNamespace;
    case Action::Kind::Conflict:
        return RowState::Conflict;
    case Action::Kind::Orphan:
        return RowState::Orphan;
    case Action::Kind::Skip:
        return RowState::Skipped;
    case Action::Kind::CreateServiceAccount:
    case Action::Kind::CreateFederatedCredential:
        return RowState::WillCreate;
    case Action::Kind::UpdateServiceAccount:
    case Action::Kind::UpdateFederatedCredential:
        return RowState::WillUpdate;
    case Action::Kind::Blocked:
        return RowState::Conflict;
    }
    return RowState::InSync;
}

QStringList changedFields(const Action &action)
{
    QStringList fields;
    for (const Sync::FieldChange &change : action.changes)
        fields << change.field;
    return fields;
}

} // namespace

DashboardDataPtr DashboardAnalyzer::analyze(const Config::OperatorConfig &config, const Sync::Snapshot &snapshot,
                                            const QDateTime &nowUtc, const MigrationInput &migration)
{
    auto data = std::make_shared<DashboardData>();
    data->snapshot = snapshot;
    const Sync::PlanBuilder builder(config);
    if (!builder.isValid()) {
        data->error = builder.error();
        return data;
    }
    Sync::PlanResult result = builder.build(snapshot, nowUtc);
    data->mappings = std::move(result.mappings);
    data->plan = std::move(result.plan);
    addMsiRows(config, *data);
    addNamespaceRows(*data);
    addDriftRows(*data);
    addExpiryRows(config, nowUtc, *data);
    data->workloadMode = config.workloadIdentityEnable;
    data->podsRead = migration.read;
    data->workload = WorkloadRowBuilder::build(config, *data);
    data->migration = MigrationRowBuilder::build(config, *data, migration);
    return data;
}

void DashboardAnalyzer::addMsiRows(const Config::OperatorConfig &config, DashboardData &data)
{
    QHash<QString, QList<const Action *>> byMsi;
    for (const Action &action : std::as_const(data.plan.actions)) {
        if (action.kind != Action::Kind::Orphan && action.kind != Action::Kind::RepointBinding && !action.aboutBinding)
            byMsi[action.msiId].append(&action);
    }
    const QString expiryKey = expiryField(config);
    const Model::ClusterState &cluster = data.snapshot.cluster;
    data.msis.reserve(data.mappings.size());
    for (int i = 0; i < data.mappings.size(); ++i) {
        const Mapping::MsiMapping &m = data.mappings.at(i);
        MsiRow row;
        row.name = m.msi.name;
        row.msiId = m.msi.id;
        row.subscription = data.snapshot.catalog.displayName(m.msi.subscriptionId);
        row.resourceGroup = m.msi.resourceGroup;
        row.location = m.msi.location;
        row.clientId = m.msi.clientId;
        row.tagValue = m.namespaceOutput;
        row.mapping = i;
        QStringList names;
        for (const Model::DesiredIdentity &d : m.identities) {
            row.namespaces << d.namespaceName;
            if (!names.contains(d.name))
                names << d.name;
            if (row.expiry.isEmpty()) {
                if (const Model::ObservedIdentity *live = cluster.findIdentity(d.namespaceName, d.name))
                    row.expiry = live->annotations.value(config.azureIdentityExpiryAnnotation);
            }
        }
        row.identityName = names.isEmpty() ? m.nameOutput : names.join(u", "_s);
        QStringList details;
        int best = 0;
        for (const Action *action : byMsi.value(m.msi.id)) {
            const RowState state = stateOf(action->kind);
            switch (action->kind) {
            case Action::Kind::UpdateIdentity:
                details << changedFields(*action);
                for (const Sync::FieldChange &change : action->changes) {
                    if (change.field == expiryKey)
                        row.expiry = change.to.toString();
                }
                break;
            case Action::Kind::CreateIdentity:
                if (const QString value = action->object.value(u"metadata"_s)
                                              .toObject()
                                              .value(u"annotations"_s)
                                              .toObject()
                                              .value(config.azureIdentityExpiryAnnotation)
                                              .toString();
                    !value.isEmpty())
                    row.expiry = value;
                break;
            case Action::Kind::WaitForNamespace:
                details << action->namespaceName;
                break;
            default:
                details << action->reason;
                break;
            }
            // a skip of one namespace only matters when nothing else is planned for the MSI
            if (action->kind == Action::Kind::Skip && !m.identities.isEmpty())
                continue;
            if (urgency(state) > best) {
                best = urgency(state);
                row.state = state;
            }
        }
        details.removeDuplicates();
        row.detail = details.join(u"; "_s);
        data.msis << row;
    }
}

void DashboardAnalyzer::addNamespaceRows(DashboardData &data)
{
    QMap<QString, NamespaceRow> rows;
    for (const Mapping::MsiMapping &m : std::as_const(data.mappings)) {
        for (const Model::DesiredIdentity &d : m.identities) {
            NamespaceRow &row = rows[d.namespaceName];
            row.name = d.namespaceName;
            row.identities << d.name;
        }
        for (const Model::Skip &skip : m.skips) {
            if (skip.namespaceName.isEmpty())
                continue;
            NamespaceRow &row = rows[skip.namespaceName];
            row.name = skip.namespaceName;
            if (skip.kind == Model::Skip::Kind::IgnoredNamespace)
                row.ignored = true;
            else
                row.detail = skip.reason;
        }
    }
    QHash<QString, RowState> planned;
    for (const Action &action : std::as_const(data.plan.actions)) {
        const RowState state = stateOf(action.kind);
        if (action.kind <= Action::Kind::Conflict && urgency(state) > urgency(planned.value(action.namespaceName)))
            planned.insert(action.namespaceName, state);
    }
    const Model::ClusterState &cluster = data.snapshot.cluster;
    for (NamespaceRow &row : rows) {
        row.exists = cluster.findNamespace(row.name) != nullptr;
        row.identities.removeDuplicates();
        if (row.ignored)
            row.state = RowState::Ignored;
        else if (!row.exists)
            row.state = RowState::Missing;
        else if (!cluster.isNamespaceReady(row.name))
            row.state = RowState::WaitingForNamespace;
        else
            row.state = planned.value(row.name, RowState::InSync);
        data.namespaces << row;
    }
}

void DashboardAnalyzer::addDriftRows(DashboardData &data)
{
    QHash<QString, const Action *> repoints; // re-points, and reports on bindings left alone
    QSet<QString> creates;
    for (const Action &action : std::as_const(data.plan.actions)) {
        if (action.kind == Action::Kind::RepointBinding || action.aboutBinding)
            repoints.insert(keyOf(action.namespaceName, action.name), &action);
        else if (action.kind == Action::Kind::CreateIdentity)
            creates.insert(keyOf(action.namespaceName, action.name));
    }
    // what the operator would set: the desired identity whose lookup labels the binding carries
    QHash<QString, QList<const Model::DesiredIdentity *>> desiredByNamespace;
    for (const Mapping::MsiMapping &m : std::as_const(data.mappings)) {
        for (const Model::DesiredIdentity &d : m.identities)
            desiredByNamespace[d.namespaceName].append(&d);
    }
    const Model::ClusterState &cluster = data.snapshot.cluster;
    for (const Model::ObservedBinding &binding : cluster.bindings()) {
        DriftRow row;
        row.namespaceName = binding.namespaceName;
        row.name = binding.name;
        row.current = binding.azureIdentity;
        if (const Action *repoint = repoints.value(keyOf(binding.namespaceName, binding.name))) {
            row.wanted = repoint->toIdentity;
            row.state = repoint->aboutBinding ? RowState::Conflict : RowState::WillRepoint;
            row.detail = repoint->reason;
            data.drift << row;
            continue;
        }
        for (const Model::DesiredIdentity *d : desiredByNamespace.value(binding.namespaceName)) {
            bool matches = !binding.labels.isEmpty() && !d->labels.isEmpty();
            for (auto it = d->labels.cbegin(); matches && it != d->labels.cend(); ++it)
                matches = binding.labels.value(it.key()) == it.value();
            if (matches) {
                row.wanted = d->name;
                break;
            }
        }
        const bool exists = cluster.findIdentity(binding.namespaceName, binding.azureIdentity) != nullptr;
        if (!row.wanted.isEmpty() && row.wanted != binding.azureIdentity) {
            row.state = RowState::Drifted;
            row.detail = tr("binding sync is off; the operator would point it at %1").arg(row.wanted);
        } else if (!exists) {
            row.state = RowState::Missing;
            row.detail = creates.contains(keyOf(binding.namespaceName, binding.azureIdentity))
                ? tr("the AzureIdentity does not exist yet; the next sync creates it")
                : tr("the AzureIdentity it points at does not exist");
        } else {
            continue;
        }
        data.drift << row;
    }
}

void DashboardAnalyzer::addExpiryRows(const Config::OperatorConfig &config, const QDateTime &nowUtc,
                                      DashboardData &data)
{
    const Config::GoTimeLayout layout(config.azureIdentityExpiryTimeFormat);
    const QString expiryKey = expiryField(config);
    QHash<QString, const Action *> orphans;
    QHash<QString, QString> renewals;
    for (const Action &action : std::as_const(data.plan.actions)) {
        const QString key = keyOf(action.namespaceName, action.name);
        if (action.kind == Action::Kind::Orphan)
            orphans.insert(key, &action);
        for (const Sync::FieldChange &change : action.changes) {
            if (change.field == expiryKey)
                renewals.insert(key, change.to.toString());
        }
    }
    QHash<QString, QString> msiOf;
    for (const Mapping::MsiMapping &m : std::as_const(data.mappings)) {
        for (const Model::DesiredIdentity &d : m.identities)
            msiOf.insert(keyOf(d.namespaceName, d.name), m.msi.name);
    }
    for (const Model::ObservedIdentity &identity : data.snapshot.cluster.identities()) {
        const QString key = keyOf(identity.namespaceName, identity.name);
        const bool orphan = orphans.contains(key);
        if (!orphan && !msiOf.contains(key))
            continue; // not ours
        ExpiryRow row;
        row.namespaceName = identity.namespaceName;
        row.name = identity.name;
        row.msiName = msiOf.value(key);
        row.orphan = orphan;
        row.expires = identity.annotations.value(config.azureIdentityExpiryAnnotation);
        row.renewal = renewals.value(key);
        if (const auto parsed = layout.parse(row.expires); parsed && !row.expires.isEmpty()) {
            row.expiryDate = parsed->utc.date();
            row.daysLeft = int(nowUtc.date().daysTo(row.expiryDate));
            row.state = row.daysLeft < 0 ? RowState::Expired
                : row.daysLeft < 14      ? RowState::ExpiringSoon
                                         : RowState::Fine;
        } else {
            row.state = RowState::Missing;
        }
        data.expiry << row;
    }
}

} // namespace Amo::Gui
