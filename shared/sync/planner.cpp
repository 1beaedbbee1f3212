// SPDX-License-Identifier: MIT
#include "shared/sync/planner.h"

#include "shared/model/armresourceid.h"
#include "shared/sync/identitydiff.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amo::Sync {

using Model::DesiredIdentity;

namespace {
QString keyOf(const QString &ns, const QString &name)
{
    return ns + u'/' + name;
}

bool sameMsi(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Writes first, then reports; inside a kind by target, so plans diff cleanly between runs.
bool actionLess(const Action &a, const Action &b)
{
    return std::tie(a.kind, a.namespaceName, a.name, a.msiId) < std::tie(b.kind, b.namespaceName, b.name, b.msiId);
}
} // namespace

Planner::Planner(PlannerOptions options)
    : m_options(std::move(options))
    , m_labels(m_options.labelFormat)
    , m_expiry(m_options.expiryTimeFormat, m_options.expiryDuration, m_options.renewalThreshold)
{
    if (!m_labels.error().isEmpty())
        m_error = u"--kubernetes.label.format: "_s + m_labels.error();
    else if (!(m_options.renewalThreshold >= 0.0 && m_options.renewalThreshold <= 1.0))
        m_error = u"expiry renewal threshold %1 is not between 0 and 1"_s.arg(m_options.renewalThreshold);
}

Plan Planner::plan(const QList<Mapping::MsiMapping> &mappings, const Model::ClusterState &cluster,
                   const QDateTime &nowUtc, const QStringList &failedSubscriptions) const
{
    Plan plan;
    plan.generatedAt = nowUtc.toUTC();
    if (!isValid())
        return plan;

    // Who wants which namespace/name. An MSI listed twice claims its objects once.
    QMap<QString, QList<DesiredIdentity>> claims;
    for (const Mapping::MsiMapping &mapping : mappings) {
        for (const Model::Skip &skip : mapping.skips) {
            Action action;
            action.kind = Action::Kind::Skip;
            action.namespaceName = skip.namespaceName;
            action.msiId = skip.msiId;
            action.code = Model::Skip::kindName(skip.kind);
            action.reason = skip.reason;
            plan.actions << action;
        }
        for (const DesiredIdentity &desired : mapping.identities) {
            QList<DesiredIdentity> &claimants = claims[keyOf(desired.namespaceName, desired.name)];
            const bool known = std::any_of(claimants.cbegin(), claimants.cend(), [&](const DesiredIdentity &d) {
                return sameMsi(d.resourceId, desired.resourceId);
            });
            if (!known)
                claimants << desired;
        }
    }

    for (const QList<DesiredIdentity> &claimants : std::as_const(claims)) {
        if (claimants.size() == 1) {
            planIdentity(claimants.first(), cluster, nowUtc, plan.actions);
            continue;
        }
        // Neither may win: whichever we picked, the other team's pods could get the wrong identity.
        QStringList ids;
        for (const DesiredIdentity &d : claimants)
            ids << d.msiId;
        for (const DesiredIdentity &d : claimants) {
            Action action;
            action.kind = Action::Kind::Conflict;
            action.namespaceName = d.namespaceName;
            action.name = d.name;
            action.msiId = d.msiId;
            action.code = u"DuplicateTarget"_s;
            action.reason
                = tr("%n MSIs map to this AzureIdentity (%1); none of them is written", nullptr, int(claimants.size()))
                      .arg(ids.join(u", "_s));
            plan.actions << action;
        }
    }

    const QStringList keys = claims.keys();
    planOrphans(QSet<QString>(keys.cbegin(), keys.cend()), cluster, failedSubscriptions, plan.actions);
    std::stable_sort(plan.actions.begin(), plan.actions.end(), actionLess);
    return plan;
}

void Planner::planIdentity(const DesiredIdentity &desired, const Model::ClusterState &cluster, const QDateTime &nowUtc,
                           QList<Action> &actions) const
{
    Action action;
    action.namespaceName = desired.namespaceName;
    action.name = desired.name;
    action.msiId = desired.msiId;

    const Model::ObservedNamespace *ns = cluster.findNamespace(desired.namespaceName);
    if (!ns || !ns->isActive()) {
        action.kind = Action::Kind::WaitForNamespace;
        action.code = ns ? u"NamespaceTerminating"_s : u"NamespaceMissing"_s;
        action.reason = ns ? tr("namespace \"%1\" is terminating").arg(desired.namespaceName)
                           : tr("namespace \"%1\" does not exist").arg(desired.namespaceName);
        actions << action;
        return;
    }

    const Model::ObservedIdentity *observed = cluster.findIdentity(desired.namespaceName, desired.name);
    if (!observed) {
        action.kind = Action::Kind::CreateIdentity;
        action.object = createObject(desired, nowUtc);
        actions << action;
        planBindings(desired, cluster, actions);
        return;
    }

    if (!sameMsi(observed->resourceId, desired.resourceId)) {
        action.kind = Action::Kind::Conflict;
        action.code = u"ForeignIdentity"_s;
        action.reason = observed->resourceId.isEmpty()
            ? tr("an AzureIdentity of this name exists without spec.resourceID; it is not overwritten")
            : tr("an AzureIdentity of this name exists for another identity (%1); it is not overwritten")
                  .arg(observed->resourceId);
        actions << action;
        // Re-pointing a binding at someone else's identity is exactly the take-over we exist to prevent.
        return;
    }

    const IdentityDiff diff = IdentityDiff::between(desired, *observed, m_options, m_expiry, nowUtc);
    if (!diff.isEmpty()) {
        action.kind = Action::Kind::UpdateIdentity;
        action.changes = diff.changes();
        action.patch = diff.patch();
        actions << action;
    }
    planBindings(desired, cluster, actions);
}

void Planner::planBindings(const DesiredIdentity &desired, const Model::ClusterState &cluster,
                           QList<Action> &actions) const
{
    if (!m_options.bindingSync || !m_labels.isEnabled() || !hasLookupLabels(desired.labels))
        return;
    const QStringList keys {m_labels.subscriptionKey(), m_labels.resourceGroupKey(), m_labels.nameKey()};
    for (const Model::ObservedBinding &binding : cluster.bindingsIn(desired.namespaceName)) {
        const bool ours = std::all_of(keys.cbegin(), keys.cend(), [&](const QString &key) {
            return binding.labels.contains(key) && binding.labels.value(key) == desired.labels.value(key);
        });
        if (!ours || binding.azureIdentity == desired.name)
            continue;
        Action action;
        action.kind = Action::Kind::RepointBinding;
        action.namespaceName = binding.namespaceName;
        action.name = binding.name;
        action.msiId = desired.msiId;
        action.fromIdentity = binding.azureIdentity;
        action.toIdentity = desired.name;
        action.patch = QJsonObject {
            {u"metadata"_s, QJsonObject {{u"resourceVersion"_s, binding.resourceVersion}}},
            {u"spec"_s, QJsonObject {{u"azureIdentity"_s, desired.name}}},
        };
        actions << action;
    }
}

void Planner::planOrphans(const QSet<QString> &claimedKeys, const Model::ClusterState &cluster,
                          const QStringList &failedSubscriptions, QList<Action> &actions) const
{
    // Without lookup labels nothing marks an AzureIdentity as ours, so nothing can be called an orphan.
    if (!m_labels.isEnabled())
        return;
    for (const Model::ObservedIdentity &observed : cluster.identities()) {
        if (!hasLookupLabels(observed.labels) || claimedKeys.contains(keyOf(observed.namespaceName, observed.name)))
            continue;
        // A failed listing is not evidence that an MSI is gone.
        if (failedSubscriptions.contains(subscriptionOf(observed), Qt::CaseInsensitive))
            continue;
        Action action;
        action.kind = Action::Kind::Orphan;
        action.namespaceName = observed.namespaceName;
        action.name = observed.name;
        action.msiId = observed.resourceId;
        action.expires = observed.annotations.value(m_options.expiryAnnotation);
        action.reason = tr("no MSI maps to this AzureIdentity any more");
        actions << action;
    }
}

QJsonObject Planner::createObject(const DesiredIdentity &desired, const QDateTime &nowUtc) const
{
    DesiredIdentity wanted = desired;
    if (m_options.namespaced)
        wanted.annotations.insert(IdentityDiff::behaviorAnnotation(), IdentityDiff::behaviorNamespaced());
    else
        wanted.annotations.remove(IdentityDiff::behaviorAnnotation());
    if (m_options.expiry && !wanted.annotations.contains(m_options.expiryAnnotation))
        wanted.annotations.insert(m_options.expiryAnnotation, m_expiry.valueFor(nowUtc));
    return wanted.toJson();
}

bool Planner::hasLookupLabels(const QMap<QString, QString> &labels) const
{
    return labels.contains(m_labels.subscriptionKey()) && labels.contains(m_labels.resourceGroupKey())
        && labels.contains(m_labels.nameKey());
}

QString Planner::subscriptionOf(const Model::ObservedIdentity &identity) const
{
    Model::ArmResourceId rid;
    QString error;
    if (Model::ArmResourceId::parse(identity.resourceId, &rid, &error))
        return rid.subscriptionId;
    return identity.labels.value(m_labels.subscriptionKey());
}

} // namespace Amo::Sync
