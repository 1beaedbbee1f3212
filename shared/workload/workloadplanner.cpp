// SPDX-License-Identifier: MIT
#include "shared/workload/workloadplanner.h"
#include "shared/workload/workloadannotations.h"

#include <QMap>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Amo::Workload {

namespace {
using Kind = WorkloadStep::Kind;

QString keyOf(const QString &ns, const QString &name)
{
    return ns + u'/' + name;
}

bool stepLess(const WorkloadStep &a, const WorkloadStep &b)
{
    return std::tie(a.kind, a.namespaceName, a.name, a.msiId) < std::tie(b.kind, b.namespaceName, b.name, b.msiId);
}

void setIfDifferent(QJsonObject &section, const QMap<QString, QString> &current, const QString &key,
                    const QString &wanted)
{
    if (current.value(key) != wanted || !current.contains(key))
        section.insert(key, wanted);
}
} // namespace

WorkloadPlanner::WorkloadPlanner(QString issuer, int credentialCap)
    : m_issuer(std::move(issuer))
    , m_cap(credentialCap)
{
}

QList<WorkloadStep> WorkloadPlanner::plan(const QList<WorkloadPair> &pairs, const WorkloadState &state) const
{
    QHash<QString, const ObservedServiceAccount *> observed;
    for (const ObservedServiceAccount &sa : state.serviceAccounts)
        observed.insert(keyOf(sa.namespaceName, sa.name), &sa);

    // One ServiceAccount carries one client-id: several MSIs wanting it is a conflict for all of them.
    QHash<QString, QSet<QString>> clientsPerAccount;
    QMap<QString, QList<const WorkloadPair *>> byMsi;
    for (const WorkloadPair &pair : pairs) {
        clientsPerAccount[keyOf(pair.namespaceName, pair.serviceAccount)].insert(pair.clientId.toLower());
        byMsi[pair.msiId.toLower()] << &pair;
    }

    QList<WorkloadStep> steps;
    QHash<QString, bool> accountOurs;
    for (const WorkloadPair &pair : pairs) {
        const QString key = keyOf(pair.namespaceName, pair.serviceAccount);
        if (accountOurs.contains(key))
            continue;
        const qsizetype wanting = clientsPerAccount.value(key).size();
        if (wanting > 1) {
            accountOurs.insert(key, false);
            WorkloadStep step;
            step.kind = Kind::Conflict;
            step.msiId = pair.msiId;
            step.namespaceName = pair.namespaceName;
            step.name = pair.serviceAccount;
            step.code = u"DuplicateTarget"_s;
            step.reason
                = tr("%1 identities map to this ServiceAccount; it can name only one, so none is written").arg(wanting);
            steps << step;
            continue;
        }
        bool ours = false;
        if (const std::optional<WorkloadStep> step = planServiceAccount(pair, observed.value(key), &ours))
            steps << *step;
        accountOurs.insert(key, ours);
    }

    for (auto it = byMsi.cbegin(); it != byMsi.cend(); ++it)
        planCredentials(it.key(), it.value(), accountOurs, state, steps);

    // Ours (labelled by us) but wanted by no MSI any more: reported, never deleted.
    for (const ObservedServiceAccount &sa : state.serviceAccounts) {
        const QString key = keyOf(sa.namespaceName, sa.name);
        if (accountOurs.contains(key)
            || sa.labels.value(WorkloadAnnotations::managedByKey()) != WorkloadAnnotations::managedByValue())
            continue;
        WorkloadStep step;
        step.kind = Kind::Orphan;
        step.namespaceName = sa.namespaceName;
        step.name = sa.name;
        step.code = u"NoMsi"_s;
        step.reason = tr("no MSI maps to this ServiceAccount any more (it names client %1); it is kept")
                          .arg(sa.annotations.value(WorkloadAnnotations::clientId()));
        steps << step;
    }

    std::stable_sort(steps.begin(), steps.end(), stepLess);
    return steps;
}

std::optional<WorkloadStep>
WorkloadPlanner::planServiceAccount(const WorkloadPair &pair, const ObservedServiceAccount *observed, bool *ours) const
{
    WorkloadStep step;
    step.msiId = pair.msiId;
    step.namespaceName = pair.namespaceName;
    step.name = pair.serviceAccount;
    if (!observed) {
        *ours = true;
        step.kind = Kind::CreateServiceAccount;
        step.object = pair.serviceAccountJson();
        return step;
    }

    const QString current = observed->annotations.value(WorkloadAnnotations::clientId());
    if (!current.isEmpty() && current.compare(pair.clientId, Qt::CaseInsensitive) != 0) {
        *ours = false;
        step.kind = Kind::Conflict;
        step.code = u"ForeignServiceAccount"_s;
        step.reason = tr("the ServiceAccount already names another identity (%1 %2); it is not overwritten")
                          .arg(WorkloadAnnotations::clientId(), current);
        return step;
    }
    *ours = true;

    QJsonObject annotations;
    if (current.isEmpty())
        annotations.insert(WorkloadAnnotations::clientId(), pair.clientId);
    if (!pair.tenantId.isEmpty())
        setIfDifferent(annotations, observed->annotations, WorkloadAnnotations::tenantId(), pair.tenantId);
    QJsonObject labels;
    for (auto it = pair.labels.cbegin(); it != pair.labels.cend(); ++it)
        setIfDifferent(labels, observed->labels, it.key(), it.value());
    if (annotations.isEmpty() && labels.isEmpty())
        return std::nullopt;

    QJsonObject metadata {{u"resourceVersion"_s, observed->resourceVersion}};
    if (!annotations.isEmpty())
        metadata.insert(u"annotations"_s, annotations);
    if (!labels.isEmpty())
        metadata.insert(u"labels"_s, labels);
    step.kind = Kind::UpdateServiceAccount;
    step.patch = QJsonObject {{u"metadata"_s, metadata}};
    if (current.isEmpty()) {
        step.code = u"Adopted"_s;
        step.reason = tr("the ServiceAccount exists without %1; it is annotated for this identity")
                          .arg(WorkloadAnnotations::clientId());
    }
    return step;
}

void WorkloadPlanner::planCredentials(const QString &msiKey, const QList<const WorkloadPair *> &pairs,
                                      const QHash<QString, bool> &accountOurs, const WorkloadState &state,
                                      QList<WorkloadStep> &steps) const
{
    const auto listed = state.credentials.constFind(msiKey);
    QList<const WorkloadPair *> ordered = pairs;
    std::sort(ordered.begin(), ordered.end(), [](const WorkloadPair *a, const WorkloadPair *b) {
        return std::tie(a->namespaceName, a->serviceAccount) < std::tie(b->namespaceName, b->serviceAccount);
    });

    const QList<FederatedCredential> existing
        = listed == state.credentials.cend() ? QList<FederatedCredential>() : *listed;
    qsizetype count = existing.size();
    QHash<QString, QString> subjectOfName; // credential name -> subject, among the pairs
    QSet<QString> wantedSubjects;
    for (const WorkloadPair *pair : std::as_const(ordered)) {
        FederatedCredential wanted = pair->credential;
        wanted.issuer = m_issuer;
        wantedSubjects.insert(wanted.subject);

        WorkloadStep step;
        step.msiId = pair->msiId;
        step.namespaceName = pair->namespaceName;
        step.name = wanted.name;
        step.credential = wanted;
        if (listed == state.credentials.cend()) {
            step.kind = Kind::Blocked;
            step.code = u"CredentialsNotListed"_s;
            step.reason = tr("the identity's federated credentials could not be listed; none is written");
            steps << step;
            continue;
        }
        if (!accountOurs.value(keyOf(pair->namespaceName, pair->serviceAccount))) {
            step.kind = Kind::Conflict;
            step.code = u"ServiceAccountNotOurs"_s;
            step.reason = tr("not federated: the ServiceAccount %1 is not ours, so the identity is not granted to it")
                              .arg(pair->serviceAccount);
            steps << step;
            continue;
        }
        const auto taken = subjectOfName.constFind(wanted.name);
        if (taken != subjectOfName.cend() && *taken != wanted.subject) {
            step.kind = Kind::Conflict;
            step.code = u"DuplicateCredentialName"_s;
            step.reason = tr("the credential name is also wanted for %1; set a --workloadidentity.template."
                             "credentialname that tells them apart")
                              .arg(*taken);
            steps << step;
            continue;
        }
        subjectOfName.insert(wanted.name, wanted.subject);

        // Already granted, under whatever name: Azure refuses a second credential for the same issuer and subject.
        if (std::any_of(existing.cbegin(), existing.cend(),
                        [&](const FederatedCredential &c) { return c.sameSpecAs(wanted); }))
            continue;
        const auto sameName = std::find_if(existing.cbegin(), existing.cend(),
                                           [&](const FederatedCredential &c) { return c.name == wanted.name; });
        if (sameName != existing.cend()) {
            step.kind = Kind::UpdateFederatedCredential;
            step.reason
                = tr("issuer, subject or audiences differ (now %1 for %2)").arg(sameName->issuer, sameName->subject);
            steps << step;
            continue;
        }
        if (count >= m_cap) {
            step.kind = Kind::Blocked;
            step.code = u"CredentialLimit"_s;
            step.reason = tr("the identity already has %1 of the %2 federated credentials Azure allows; "
                             "this one is not written")
                              .arg(count)
                              .arg(m_cap);
            steps << step;
            continue;
        }
        ++count;
        step.kind = Kind::CreateFederatedCredential;
        steps << step;
    }

    // Credentials of this cluster's issuer that no pair wants any more: reported, never deleted.
    const QString msiId = pairs.isEmpty() ? msiKey : pairs.first()->msiId;
    for (const FederatedCredential &credential : existing) {
        if (credential.issuer != m_issuer || wantedSubjects.contains(credential.subject))
            continue;
        WorkloadStep step;
        step.kind = Kind::Orphan;
        step.msiId = msiId;
        const QStringList subject = credential.subject.split(u':');
        if (subject.size() == 4 && subject.at(0) == u"system" && subject.at(1) == u"serviceaccount")
            step.namespaceName = subject.at(2);
        step.name = credential.name;
        step.credential = credential;
        step.code = u"NoPair"_s;
        step.reason = tr("federated with %1 of this cluster, which no MSI maps to any more; it is kept")
                          .arg(credential.subject);
        steps << step;
    }
}

} // namespace Amo::Workload
