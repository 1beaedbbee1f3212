// SPDX-License-Identifier: MIT
#include "workloadtestdata.h"

#include "shared/workload/workloadmapper.h"
#include "shared/workload/workloadplanner.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Amo::Workload;
using namespace WorkloadTest;
using Kind = WorkloadStep::Kind;

namespace {

const QString kOtherClient = u"0e0e0e0e-0000-4000-8000-000000000001"_s;

QList<WorkloadPair> pairsFor(const QList<Amo::Model::Msi> &msis)
{
    WorkloadOptions options;
    options.clusterName = u"prod"_s;
    options.issuer = kIssuer;
    const WorkloadMapper mapper(options);
    QList<WorkloadPair> pairs;
    for (const Amo::Model::Msi &m : msis)
        pairs << mapper.map(mapped(m)).pairs;
    return pairs;
}

QString msiKey(const WorkloadPair &pair)
{
    return pair.msiId.toLower();
}

ObservedServiceAccount accountOf(const WorkloadPair &pair)
{
    QJsonObject object = pair.serviceAccountJson();
    QJsonObject metadata = object.value(u"metadata"_s).toObject();
    metadata.insert(u"resourceVersion"_s, u"7"_s);
    object.insert(u"metadata"_s, metadata);
    return ObservedServiceAccount::fromJson(object);
}

FederatedCredential credentialFor(const QString &name, const QString &subject, const QString &issuer = kIssuer)
{
    return {name, issuer, subject, {FederatedCredential::tokenExchangeAudience()}};
}

QList<WorkloadStep> ofKind(const QList<WorkloadStep> &steps, Kind kind)
{
    QList<WorkloadStep> out;
    std::copy_if(steps.cbegin(), steps.cend(), std::back_inserter(out),
                 [kind](const WorkloadStep &s) { return s.kind == kind; });
    return out;
}

qsizetype writes(const QList<WorkloadStep> &steps)
{
    return std::count_if(steps.cbegin(), steps.cend(), [](const WorkloadStep &s) { return s.isWrite(); });
}

} // namespace

class TestWorkloadPlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshPairWritesAccountAndCredential();
    void steadyStateWritesNothing();
    void foreignAccountIsAConflictAndGetsNoCredential();
    void unannotatedAccountIsAdopted();
    void capBlocksTheTwentyFirst();
    void capCountsCreatesOfThisPlan();
    void changedCredentialIsUpdated();
    void grantUnderAnotherNameIsKept();
    void unlistedCredentialsBlock();
    void orphansAreReportedNeverDeleted();
    void twoIdentitiesForOneAccountConflict();
};

void TestWorkloadPlanner::freshPairWritesAccountAndCredential()
{
    const QList<WorkloadPair> pairs = pairsFor({msi(u"foobar"_s, kClientId, u"test123"_s)});
    WorkloadState state;
    state.credentials.insert(msiKey(pairs.first()), {});
    const QList<WorkloadStep> steps = WorkloadPlanner(kIssuer, 20).plan(pairs, state);
    QCOMPARE(steps.size(), 2);
    QCOMPARE(steps.at(0).kind, Kind::CreateServiceAccount);
    QCOMPARE(steps.at(0).resourceKind(), u"ServiceAccount"_s);
    QVERIFY(!steps.at(0).writesToAzure());
    QCOMPARE(steps.at(0).object, pairs.first().serviceAccountJson());
    QCOMPARE(steps.at(1).kind, Kind::CreateFederatedCredential);
    QCOMPARE(steps.at(1).resourceKind(), u"FederatedIdentityCredential"_s);
    QVERIFY(steps.at(1).writesToAzure());
    QCOMPARE(steps.at(1).credential.toArmBody(),
             credentialFor(u"x"_s, u"system:serviceaccount:test123:foobar"_s).toArmBody());
    QCOMPARE(steps.at(1).name, u"prod-test123-foobar"_s);
}

void TestWorkloadPlanner::steadyStateWritesNothing()
{
    const QList<WorkloadPair> pairs = pairsFor({msi(u"foobar"_s, kClientId, u"test123"_s)});
    WorkloadState state;
    state.serviceAccounts << accountOf(pairs.first());
    state.credentials.insert(msiKey(pairs.first()), {pairs.first().credential});
    QCOMPARE(WorkloadPlanner(kIssuer, 20).plan(pairs, state), QList<WorkloadStep>());
}

void TestWorkloadPlanner::foreignAccountIsAConflictAndGetsNoCredential()
{
    const QList<WorkloadPair> pairs = pairsFor({msi(u"foobar"_s, kClientId, u"test123"_s)});
    WorkloadState state;
    ObservedServiceAccount planted;
    planted.namespaceName = u"test123"_s;
    planted.name = u"foobar"_s;
    planted.resourceVersion = u"3"_s;
    planted.annotations.insert(u"azure.workload.identity/client-id"_s, kOtherClient);
    state.serviceAccounts << planted;
    state.credentials.insert(msiKey(pairs.first()), {});
    const QList<WorkloadStep> steps = WorkloadPlanner(kIssuer, 20).plan(pairs, state);
    QCOMPARE(writes(steps), 0);
    const QList<WorkloadStep> conflicts = ofKind(steps, Kind::Conflict);
    QCOMPARE(conflicts.size(), 2);
    QCOMPARE(conflicts.at(0).code, u"ForeignServiceAccount"_s);
    QVERIFY2(conflicts.at(0).reason.contains(kOtherClient), qPrintable(conflicts.at(0).reason));
    QCOMPARE(conflicts.at(1).code, u"ServiceAccountNotOurs"_s);
    QCOMPARE(conflicts.at(1).resourceKind(), u"FederatedIdentityCredential"_s);
}

void TestWorkloadPlanner::unannotatedAccountIsAdopted()
{
    const QList<WorkloadPair> pairs = pairsFor({msi(u"foobar"_s, kClientId, u"test123"_s)});
    WorkloadState state;
    ObservedServiceAccount bare;
    bare.namespaceName = u"test123"_s;
    bare.name = u"foobar"_s;
    bare.resourceVersion = u"42"_s;
    bare.labels.insert(u"team"_s, u"a"_s);
    state.serviceAccounts << bare;
    state.credentials.insert(msiKey(pairs.first()), {pairs.first().credential});
    const QList<WorkloadStep> steps = WorkloadPlanner(kIssuer, 20).plan(pairs, state);
    QCOMPARE(steps.size(), 1);
    const WorkloadStep &update = steps.first();
    QCOMPARE(update.kind, Kind::UpdateServiceAccount);
    QCOMPARE(update.code, u"Adopted"_s);
    const QJsonObject metadata = update.patch.value(u"metadata"_s).toObject();
    QCOMPARE(metadata.value(u"resourceVersion"_s).toString(), u"42"_s);
    QCOMPARE(metadata.value(u"annotations"_s).toObject(),
             (QJsonObject {{u"azure.workload.identity/client-id"_s, kClientId}}));
    QVERIFY(!metadata.value(u"labels"_s).toObject().contains(u"team"_s)); // a merge patch leaves theirs alone
    QCOMPARE(metadata.value(u"labels"_s).toObject().value(u"app.kubernetes.io/managed-by"_s).toString(),
             u"azure-msi-operator"_s);
}

void TestWorkloadPlanner::capBlocksTheTwentyFirst()
{
    const QList<WorkloadPair> pairs = pairsFor({msi(u"foobar"_s, kClientId, u"test123"_s)});
    WorkloadState state;
    state.serviceAccounts << accountOf(pairs.first());
    QList<FederatedCredential> full;
    for (int i = 0; i < 20; ++i)
        full << credentialFor(u"other-%1"_s.arg(i), u"system:serviceaccount:elsewhere:sa%1"_s.arg(i),
                              u"https://other-cluster/"_s);
    state.credentials.insert(msiKey(pairs.first()), full);
    const QList<WorkloadStep> steps = WorkloadPlanner(kIssuer, 20).plan(pairs, state);
    QCOMPARE(writes(steps), 0);
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps.first().kind, Kind::Blocked);
    QCOMPARE(steps.first().code, u"CredentialLimit"_s);
    QVERIFY2(steps.first().reason.contains(u"20 of the 20"_s), qPrintable(steps.first().reason));
}

void TestWorkloadPlanner::capCountsCreatesOfThisPlan()
{
    const QList<WorkloadPair> pairs = pairsFor({msi(u"foobar"_s, kClientId, u"b-ns, a-ns"_s)});
    QCOMPARE(pairs.size(), 2);
    WorkloadState state;
    QList<FederatedCredential> almost;
    for (int i = 0; i < 19; ++i)
        almost << credentialFor(u"other-%1"_s.arg(i), u"system:serviceaccount:elsewhere:sa%1"_s.arg(i));
    state.credentials.insert(msiKey(pairs.first()), almost);
    const QList<WorkloadStep> steps = WorkloadPlanner(kIssuer, 20).plan(pairs, state);
    const QList<WorkloadStep> creates = ofKind(steps, Kind::CreateFederatedCredential);
    const QList<WorkloadStep> blocked = ofKind(steps, Kind::Blocked);
    QCOMPARE(creates.size(), 1);
    QCOMPARE(blocked.size(), 1);
    QCOMPARE(creates.first().namespaceName, u"a-ns"_s); // the order is by namespace, so it is stable
    QCOMPARE(blocked.first().namespaceName, u"b-ns"_s);
    // The nineteen others are of our issuer but map to nothing now: reported, not deleted.
    QCOMPARE(ofKind(steps, Kind::Orphan).size(), 19);
}

void TestWorkloadPlanner::changedCredentialIsUpdated()
{
    const QList<WorkloadPair> pairs = pairsFor({msi(u"foobar"_s, kClientId, u"test123"_s)});
    WorkloadState state;
    state.serviceAccounts << accountOf(pairs.first());
    FederatedCredential stale = pairs.first().credential;
    stale.issuer = u"https://old-issuer/"_s;
    state.credentials.insert(msiKey(pairs.first()), {stale});
    const QList<WorkloadStep> steps = WorkloadPlanner(kIssuer, 20).plan(pairs, state);
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps.first().kind, Kind::UpdateFederatedCredential);
    QCOMPARE(steps.first().credential.issuer, kIssuer);
    QVERIFY2(steps.first().reason.contains(u"https://old-issuer/"_s), qPrintable(steps.first().reason));
}

void TestWorkloadPlanner::grantUnderAnotherNameIsKept()
{
    const QList<WorkloadPair> pairs = pairsFor({msi(u"foobar"_s, kClientId, u"test123"_s)});
    WorkloadState state;
    state.serviceAccounts << accountOf(pairs.first());
    state.credentials.insert(msiKey(pairs.first()),
                             {credentialFor(u"made-by-hand"_s, u"system:serviceaccount:test123:foobar"_s)});
    QCOMPARE(WorkloadPlanner(kIssuer, 20).plan(pairs, state), QList<WorkloadStep>());
}

void TestWorkloadPlanner::unlistedCredentialsBlock()
{
    const QList<WorkloadPair> pairs = pairsFor({msi(u"foobar"_s, kClientId, u"test123"_s)});
    WorkloadState state;
    state.serviceAccounts << accountOf(pairs.first());
    const QList<WorkloadStep> steps = WorkloadPlanner(kIssuer, 20).plan(pairs, state);
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps.first().kind, Kind::Blocked);
    QCOMPARE(steps.first().code, u"CredentialsNotListed"_s);
}

void TestWorkloadPlanner::orphansAreReportedNeverDeleted()
{
    const QList<WorkloadPair> pairs = pairsFor({msi(u"foobar"_s, kClientId, u"test123"_s)});
    const QList<WorkloadPair> gone = pairsFor({msi(u"gone"_s, kOtherClient, u"old-ns"_s)});
    WorkloadState state;
    state.serviceAccounts << accountOf(pairs.first()) << accountOf(gone.first());
    ObservedServiceAccount theirs;
    theirs.namespaceName = u"old-ns"_s;
    theirs.name = u"unrelated"_s;
    state.serviceAccounts << theirs;
    state.credentials.insert(
        msiKey(pairs.first()),
        {pairs.first().credential, credentialFor(u"prod-moved-foobar"_s, u"system:serviceaccount:moved:foobar"_s),
         credentialFor(u"foreign"_s, u"system:serviceaccount:moved:foobar"_s, u"https://other-cluster/"_s)});
    const QList<WorkloadStep> steps = WorkloadPlanner(kIssuer, 20).plan(pairs, state);
    QCOMPARE(writes(steps), 0);
    const QList<WorkloadStep> orphans = ofKind(steps, Kind::Orphan);
    QCOMPARE(orphans.size(), 2);
    QCOMPARE(orphans.at(0).namespaceName, u"moved"_s);
    QCOMPARE(orphans.at(0).resourceKind(), u"FederatedIdentityCredential"_s);
    QCOMPARE(orphans.at(1).namespaceName, u"old-ns"_s);
    QCOMPARE(orphans.at(1).name, u"gone"_s);
    QCOMPARE(orphans.at(1).resourceKind(), u"ServiceAccount"_s);
    QVERIFY2(orphans.at(1).reason.contains(kOtherClient), qPrintable(orphans.at(1).reason));
}

void TestWorkloadPlanner::twoIdentitiesForOneAccountConflict()
{
    // Two MSIs named alike in different resource groups would both want ServiceAccount "app".
    Amo::Model::Msi a = msi(u"app"_s, kClientId, u"shared"_s);
    Amo::Model::Msi b = msi(u"app"_s, kOtherClient, u"shared"_s);
    b.id.replace(u"/barfoo/"_s, u"/other-rg/"_s);
    const QList<WorkloadPair> pairs = pairsFor({a, b});
    QCOMPARE(pairs.size(), 2);
    WorkloadState state;
    state.credentials.insert(msiKey(pairs.at(0)), {});
    state.credentials.insert(msiKey(pairs.at(1)), {});
    const QList<WorkloadStep> steps = WorkloadPlanner(kIssuer, 20).plan(pairs, state);
    QCOMPARE(writes(steps), 0);
    const QList<WorkloadStep> conflicts = ofKind(steps, Kind::Conflict);
    QCOMPARE(conflicts.size(), 3); // the account once, and each identity's credential
    QVERIFY(std::any_of(conflicts.cbegin(), conflicts.cend(),
                        [](const WorkloadStep &s) { return s.code == u"DuplicateTarget"_s; }));
}

QTEST_GUILESS_MAIN(TestWorkloadPlanner)
#include "tst_workloadplanner.moc"
