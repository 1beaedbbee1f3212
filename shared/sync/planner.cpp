// SPDX-License-Identifier: MIT
#include "shared/sync/planner.h"

#include "shared/model/armresourceid.h"
#include "shared/model/stringpool.h"
#include "shared/sync/identitydiff.h"

#include <QHash>
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
    , m_guard(m_options.namespaceSelector)
{
    if (!m_labels.error().isEmpty())
        m_error = u"--kubernetes.label.format: "_s + m_labels.error();
    else if (!m_guard.isValid())
        m_error = m_guard.error();
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
            // A namespace that may not hold this MSI does not claim the name: an existing object there is
            // reported as an orphan (with this reason in its Event), never renewed.
            const Model::ObservedNamespace *ns = cluster.findNamespace(desired.namespaceName);
            if (const auto refusal = ns ? m_guard.refusal(*ns, desired.msiId) : std::nullopt) {
                Action action;
                action.kind = Action::Kind::Skip;
                action.namespaceName = desired.namespaceName;
                action.msiId = desired.msiId;
                action.code = refusal->code;
                action.reason = refusal->reason;
                plan.actions << action;
                continue;
            }
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
            holdBindings(d, cluster, action.reason, plan.actions);
        }
    }

    const QStringList keys = claims.keys();
    planOrphans(QSet<QString>(keys.cbegin(), keys.cend()), cluster, failedSubscriptions, plan.actions);
    planCrossNamespaceBindings(cluster, plan.actions);
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
        // Only once the create has succeeded: a create refused (403, 5xx) or beaten by someone else's object
        // of that name must not leave the binding pointing at a missing or foreign identity.
        planBindings(desired, cluster, desired.name, actions);
        return;
    }

    const bool restoring = !sameMsi(observed->resourceId, desired.resourceId);
    if (restoring && !isOurs(*observed, desired)) {
        action.kind = Action::Kind::Conflict;
        action.code = u"ForeignIdentity"_s;
        action.reason = observed->resourceId.isEmpty()
            ? tr("an AzureIdentity of this name exists without spec.resourceID; it is not overwritten")
            : tr("an AzureIdentity of this name exists for another identity (%1); it is not overwritten")
                  .arg(observed->resourceId);
        actions << action;
        // Re-pointing a binding at someone else's identity is exactly the take-over we exist to prevent.
        holdBindings(desired, cluster, action.reason, actions);
        return;
    }

    const IdentityDiff diff = IdentityDiff::between(desired, *observed, m_options, m_expiry, nowUtc);
    if (diff.isEmpty()) {
        planBindings(desired, cluster, QString(), actions);
        return;
    }
    action.kind = Action::Kind::UpdateIdentity;
    action.changes = diff.changes();
    action.patch = diff.patch();
    if (restoring) {
        // Our labels name this MSI, so the object is ours and someone pointed it elsewhere: put it back.
        action.code = u"Restored"_s;
        action.reason
            = tr("spec.resourceID was changed by hand to %1; restoring %2")
                  .arg(observed->resourceId.isEmpty() ? tr("(empty)") : observed->resourceId, desired.resourceId);
    }
    actions << action;
    // A binding may point at it only once what makes it ours (lookup labels, spec) is written.
    const bool ownershipChanges = std::any_of(action.changes.cbegin(), action.changes.cend(), [](const FieldChange &c) {
        return c.field.startsWith(u"spec."_s) || c.field.startsWith(u"metadata.labels["_s);
    });
    planBindings(desired, cluster, ownershipChanges ? desired.name : QString(), actions);
}

QList<Model::ObservedBinding> Planner::driftedBindings(const DesiredIdentity &desired,
                                                       const Model::ClusterState &cluster) const
{
    QList<Model::ObservedBinding> drifted;
    if (!m_options.bindingSync || !m_labels.isEnabled() || !hasLookupLabels(desired.labels))
        return drifted;
    const QStringList keys {m_labels.subscriptionKey(), m_labels.resourceGroupKey(), m_labels.nameKey()};
    for (const Model::ObservedBinding &binding : cluster.bindingsIn(desired.namespaceName)) {
        const bool labelled = std::all_of(keys.cbegin(), keys.cend(), [&](const QString &key) {
            return binding.labels.contains(key) && binding.labels.value(key) == desired.labels.value(key);
        });
        if (labelled && binding.azureIdentity != desired.name)
            drifted << binding;
    }
    return drifted;
}

void Planner::planBindings(const DesiredIdentity &desired, const Model::ClusterState &cluster,
                           const QString &afterIdentity, QList<Action> &actions) const
{
    for (const Model::ObservedBinding &binding : driftedBindings(desired, cluster)) {
        Action action;
        action.kind = Action::Kind::RepointBinding;
        action.namespaceName = binding.namespaceName;
        action.name = binding.name;
        action.msiId = desired.msiId;
        action.fromIdentity = binding.azureIdentity;
        action.toIdentity = desired.name;
        action.afterIdentity = afterIdentity;
        action.patch = QJsonObject {
            {u"metadata"_s, QJsonObject {{u"resourceVersion"_s, binding.resourceVersion}}},
            {u"spec"_s, QJsonObject {{u"azureIdentity"_s, desired.name}}},
        };
        actions << action;
    }
}

void Planner::holdBindings(const DesiredIdentity &desired, const Model::ClusterState &cluster,
                           const QString &identityReason, QList<Action> &actions) const
{
    for (const Model::ObservedBinding &binding : driftedBindings(desired, cluster)) {
        Action action;
        action.kind = Action::Kind::Conflict;
        action.aboutBinding = true;
        action.namespaceName = binding.namespaceName;
        action.name = binding.name;
        action.msiId = desired.msiId;
        action.code = u"IdentityNotOurs"_s;
        action.reason = tr("not re-pointed to %1: %2").arg(desired.name, identityReason);
        actions << action;
    }
}

void Planner::planCrossNamespaceBindings(const Model::ClusterState &cluster, QList<Action> &actions) const
{
    // aad-pod-identity matches a binding to an AzureIdentity by name in every namespace unless the identity is
    // namespaced, so a binding naming a managed identity of another namespace hands that identity over.
    QHash<QString, QList<const Model::ObservedIdentity *>> managed; // name -> managed identities of that name
    const QList<Model::ObservedIdentity> identities = cluster.identities();
    for (const Model::ObservedIdentity &identity : identities) {
        if (hasLookupLabels(identity.labels))
            managed[identity.name] << &identity;
    }
    if (managed.isEmpty())
        return;
    for (const Model::ObservedBinding &binding : cluster.bindings()) {
        const auto it = managed.constFind(binding.azureIdentity);
        if (it == managed.cend() || cluster.findIdentity(binding.namespaceName, binding.azureIdentity))
            continue;
        const Model::ObservedIdentity *other = it->first();
        const bool namespaced
            = other->annotations.value(IdentityDiff::behaviorAnnotation()) == IdentityDiff::behaviorNamespaced();
        Action action;
        action.kind = Action::Kind::Conflict;
        action.aboutBinding = true;
        action.namespaceName = binding.namespaceName;
        action.name = binding.name;
        action.msiId = other->resourceId;
        action.code = u"CrossNamespaceBinding"_s;
        action.reason = namespaced
            ? tr("spec.azureIdentity names %1, which exists only in namespace %2 and is namespaced: the binding "
                 "matches no identity")
                  .arg(binding.azureIdentity, other->namespaceName)
            : tr("spec.azureIdentity names %1 of namespace %2: aad-pod-identity gives that identity to pods of "
                 "this namespace unless it is namespaced (--azureidentity.namespaced)")
                  .arg(binding.azureIdentity, other->namespaceName);
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

ObjectToCreate Planner::createObject(const DesiredIdentity &desired, const QDateTime &nowUtc) const
{
    DesiredIdentity wanted = desired;
    if (m_options.namespaced)
        wanted.annotations.insert(IdentityDiff::behaviorAnnotation(), IdentityDiff::behaviorNamespaced());
    else
        wanted.annotations.remove(IdentityDiff::behaviorAnnotation());
    if (m_options.expiry && !wanted.annotations.contains(m_options.expiryAnnotation))
        wanted.annotations.insert(m_options.expiryAnnotation, m_expiry.valueFor(nowUtc));
    // One map for every create of this plan: they all carry the same annotations.
    wanted.annotations = Model::StringPool::internMap(wanted.annotations);
    return ObjectToCreate(wanted);
}

bool Planner::isOurs(const Model::ObservedIdentity &observed, const DesiredIdentity &desired) const
{
    if (!m_labels.isEnabled() || !hasLookupLabels(desired.labels))
        return false;
    const QStringList keys {m_labels.subscriptionKey(), m_labels.resourceGroupKey(), m_labels.nameKey()};
    return std::all_of(keys.cbegin(), keys.cend(), [&](const QString &key) {
        const auto it = observed.labels.constFind(key);
        return it != observed.labels.cend() && *it == desired.labels.value(key);
    });
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
