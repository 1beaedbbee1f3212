// SPDX-License-Identifier: MIT
// Workload identity mode through the PlanBuilder that the agent, --dry-run and the dashboard share:
// the actions it adds, how the text and JSON plans show them, and --azureidentity.enable=false.
#include "workloadtestdata.h"

#include "shared/config/operatorconfig.h"
#include "shared/model/clusterstate.h"
#include "shared/sync/planbuilder.h"
#include "shared/sync/planjson.h"
#include "shared/sync/plantext.h"
#include "shared/workload/workloadannotations.h"

#include <QJsonArray>
#include <QTest>

using namespace Amo;
using namespace WorkloadTest;
using Sync::Action;

class TestWorkloadPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshClusterGetsAccountsAndCredentials();
    void steadyStateWritesNothing();
    void foreignServiceAccountIsAConflictInThePlan();
    void workloadAloneLeavesAzureIdentitiesOut();
    void unreadStatePlansNoWorkloadWrites();
    void jsonRoundTripKeepsTheNewKinds();

private:
    static Config::OperatorConfig config(bool azureIdentities = true)
    {
        Config::OperatorConfig c;
        c.workloadIdentityEnable = true;
        c.azureIdentityEnable = azureIdentities;
        c.workloadIdentityIssuer = kIssuer;
        c.workloadIdentityClusterName = u"prod"_s;
        c.kubernetesNamespaceIgnore = {u"kube-system"_s};
        return c;
    }
    static Model::ClusterState cluster()
    {
        Model::ClusterState state;
        for (const QString &ns : {u"team-a"_s, u"team-b"_s}) {
            Model::ObservedNamespace observed;
            observed.name = ns;
            state.insert(observed);
        }
        return state;
    }
    static Sync::Plan plan(const Sync::PlanBuilder &builder, const Workload::WorkloadState *state)
    {
        const QList<Mapping::MsiMapping> mappings
            = builder.map({msi(u"orders"_s, kClientId, u"team-a,team-b"_s)}, QDateTime::currentDateTimeUtc());
        return builder.plan(mappings, cluster(), QDateTime::currentDateTimeUtc(), {}, state);
    }
    static QList<Action> ofKind(const Sync::Plan &plan, Action::Kind kind)
    {
        QList<Action> out;
        for (const Action &action : plan.actions)
            if (action.kind == kind)
                out << action;
        return out;
    }
};

void TestWorkloadPlan::freshClusterGetsAccountsAndCredentials()
{
    const Sync::PlanBuilder builder(config());
    QVERIFY2(builder.isValid(), qPrintable(builder.error()));
    QCOMPARE(builder.workloadIdentities(builder.map({msi(u"orders"_s, kClientId, u"team-a"_s)}, {})).size(), 1);
    Workload::WorkloadState state;
    state.credentials.insert(msi(u"orders"_s, kClientId, {}).id.toLower(), {});
    const Sync::Plan p = plan(builder, &state);

    const QList<Action> accounts = ofKind(p, Action::Kind::CreateServiceAccount);
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.first()
                 .object.value(u"metadata"_s)
                 .toObject()
                 .value(u"annotations"_s)
                 .toObject()
                 .value(Workload::WorkloadAnnotations::clientId()),
             QJsonValue(kClientId));
    const QList<Action> credentials = ofKind(p, Action::Kind::CreateFederatedCredential);
    QCOMPARE(credentials.size(), 2);
    const QJsonObject properties = credentials.first().object.value(u"properties"_s).toObject();
    QCOMPARE(properties.value(u"issuer"_s).toString(), kIssuer);
    QCOMPARE(properties.value(u"subject"_s).toString(), u"system:serviceaccount:team-a:orders"_s);
    QCOMPARE(properties.value(u"audiences"_s).toArray(), QJsonArray {u"api://AzureADTokenExchange"_s});
    QVERIFY(credentials.first().writesToAzure());
    QCOMPARE(p.writeCount(), 2 /* AzureIdentities */ + 2 + 2);
    // The writes come first, whatever half of the plan they belong to.
    bool reportSeen = false;
    for (const Action &action : p.actions) {
        QVERIFY2(!(reportSeen && action.isWrite()), qPrintable(Action::kindName(action.kind)));
        reportSeen = reportSeen || !action.isWrite();
    }

    // The text plan marks what leaves the cluster and counts it in the summary.
    const QString text = Sync::PlanText::render(p);
    QVERIFY2(text.contains(u"+ serviceaccount team-a/orders\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"+ [azure] credential orders/"_s), qPrintable(text));
    QVERIFY2(text.contains(u"2 federated credentials to write in Azure"_s), qPrintable(text));
    QCOMPARE(Sync::PlanJson::toJson(p).value(u"summary"_s).toObject().value(u"azureWrites"_s).toInt(), 2);
}

void TestWorkloadPlan::steadyStateWritesNothing()
{
    const Sync::PlanBuilder builder(config(false));
    Workload::WorkloadState empty;
    empty.credentials.insert(msi(u"orders"_s, kClientId, {}).id.toLower(), {});
    const Sync::Plan first = plan(builder, &empty);

    // The state as those writes leave it.
    Workload::WorkloadState written;
    for (const Action &action : first.actions) {
        if (action.kind == Action::Kind::CreateServiceAccount) {
            Workload::ObservedServiceAccount sa = Workload::ObservedServiceAccount::fromJson(action.object.toJson());
            sa.resourceVersion = u"7"_s;
            written.serviceAccounts << sa;
        } else if (action.kind == Action::Kind::CreateFederatedCredential) {
            QJsonObject item = action.object.toJson();
            item.insert(u"name"_s, action.name);
            Workload::FederatedCredential credential;
            QString error;
            QVERIFY2(Workload::FederatedCredential::fromArmJson(item, &credential, &error), qPrintable(error));
            written.credentials[action.msiId.toLower()] << credential;
        }
    }
    QCOMPARE(written.serviceAccounts.size(), 2);
    const Sync::Plan second = plan(builder, &written);
    QVERIFY2(!second.hasWrites(), qPrintable(Sync::PlanText::render(second)));
}

void TestWorkloadPlan::foreignServiceAccountIsAConflictInThePlan()
{
    const Sync::PlanBuilder builder(config(false));
    Workload::WorkloadState state;
    state.credentials.insert(msi(u"orders"_s, kClientId, {}).id.toLower(), {});
    Workload::ObservedServiceAccount foreign;
    foreign.namespaceName = u"team-a"_s;
    foreign.name = u"orders"_s;
    foreign.resourceVersion = u"3"_s;
    foreign.annotations.insert(Workload::WorkloadAnnotations::clientId(), u"99999999-0000-0000-0000-000000000000"_s);
    state.serviceAccounts << foreign;
    const Sync::Plan p = plan(builder, &state);

    for (const Action &action : p.actions) {
        if (action.namespaceName == u"team-a")
            QVERIFY2(!action.isWrite(), qPrintable(Sync::PlanText::line(action)));
    }
    const QList<Action> conflicts = ofKind(p, Action::Kind::Conflict);
    QVERIFY(!conflicts.isEmpty());
    QCOMPARE(conflicts.first().resourceKind(), u"ServiceAccount"_s);
    QVERIFY2(Sync::PlanText::line(conflicts.first()).startsWith(u"! serviceaccount team-a/orders: "_s),
             qPrintable(Sync::PlanText::line(conflicts.first())));
    QCOMPARE(ofKind(p, Action::Kind::CreateServiceAccount).size(), 1); // team-b still gets its own
}

void TestWorkloadPlan::workloadAloneLeavesAzureIdentitiesOut()
{
    Workload::WorkloadState state;
    state.credentials.insert(msi(u"orders"_s, kClientId, {}).id.toLower(), {});
    const Sync::Plan both = plan(Sync::PlanBuilder(config(true)), &state);
    const Sync::Plan alone = plan(Sync::PlanBuilder(config(false)), &state);
    QCOMPARE(ofKind(both, Action::Kind::CreateIdentity).size(), 2);
    QCOMPARE(ofKind(alone, Action::Kind::CreateIdentity).size(), 0);
    QCOMPARE(ofKind(alone, Action::Kind::CreateServiceAccount).size(), 2);
    for (const Action &action : alone.actions)
        QVERIFY2(action.resourceKind() != u"AzureIdentity", qPrintable(Sync::PlanText::line(action)));
}

void TestWorkloadPlan::unreadStatePlansNoWorkloadWrites()
{
    // Without a read of ServiceAccounts and credentials nothing of that mode is planned (never blind writes).
    const Sync::Plan p = plan(Sync::PlanBuilder(config(true)), nullptr);
    QCOMPARE(ofKind(p, Action::Kind::CreateServiceAccount).size(), 0);
    QCOMPARE(ofKind(p, Action::Kind::CreateFederatedCredential).size(), 0);
    QCOMPARE(ofKind(p, Action::Kind::CreateIdentity).size(), 2);
}

void TestWorkloadPlan::jsonRoundTripKeepsTheNewKinds()
{
    Workload::WorkloadState state;
    state.credentials.insert(msi(u"orders"_s, kClientId, {}).id.toLower(), {});
    Workload::ObservedServiceAccount foreign;
    foreign.namespaceName = u"team-a"_s;
    foreign.name = u"orders"_s;
    foreign.annotations.insert(Workload::WorkloadAnnotations::clientId(), u"99999999-0000-0000-0000-000000000000"_s);
    state.serviceAccounts << foreign;
    const Sync::Plan p = plan(Sync::PlanBuilder(config(false)), &state);
    Sync::Plan back;
    QString error;
    QVERIFY2(Sync::PlanJson::fromBytes(Sync::PlanJson::toBytes(p), &back, &error), qPrintable(error));
    QCOMPARE(back.actions.size(), p.actions.size());
    for (qsizetype i = 0; i < p.actions.size(); ++i) {
        QCOMPARE(Action::kindName(back.actions.at(i).kind), Action::kindName(p.actions.at(i).kind));
        QCOMPARE(back.actions.at(i).resourceKind(), p.actions.at(i).resourceKind());
    }
}

QTEST_GUILESS_MAIN(TestWorkloadPlan)
#include "tst_workloadplan.moc"
