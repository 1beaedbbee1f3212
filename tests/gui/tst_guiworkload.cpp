// SPDX-License-Identifier: MIT
// Workload identity mode in the dashboard against the embedded simulator: the Workload identity and
// Migration views, the migration report, and what Approve & Sync writes where.
#include "guitestutil.h"

#include "gui/models/migrationtablemodel.h"
#include "gui/models/workloadtablemodel.h"
#include "gui/session/applysummary.h"
#include "gui/session/migrationreport.h"
#include "gui/session/workloadrowbuilder.h"
#include "gui/views/mainwindow.h"
#include "gui/views/plandialog.h"
#include "gui/views/userprompt.h"
#include "shared/sandbox/scenario.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo;
using namespace Amo::Gui;
using Sync::Action;

class TstGuiWorkload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void offByDefault();
    void migrationListsThePodsBehindEachBinding();
    void exportContainsThePods();
    void workloadViewShowsStatesAndCounts();
    void rowStatesFollowThePlan();
    void approveWritesServiceAccountsAndCredentials();
    void confirmationCountsAzureAndClusterWrites();
    void writeAccessAsksForServiceAccounts();
    void approveRefusesAServiceAccountMadeMeanwhile();

private:
    const MigrationRow *migrationRow(const QString &ownerName) const;

    std::unique_ptr<DashboardSession> m_session;
    DashboardDataPtr m_data;
};

void TstGuiWorkload::init()
{
    m_session = GuiTest::openDemo();
    QVERIFY(m_session);
    m_session->setWorkloadIdentity(true);
    m_data = GuiTest::load(*m_session);
    QVERIFY(m_data);
}

void TstGuiWorkload::cleanup()
{
    m_data.reset();
    m_session.reset();
    UserPrompt::setNextAnswers({});
    UserPrompt::clearAsked();
}

const MigrationRow *TstGuiWorkload::migrationRow(const QString &ownerName) const
{
    for (const MigrationRow &row : m_data->migration) {
        if (row.ownerName == ownerName)
            return &row;
    }
    return nullptr;
}

void TstGuiWorkload::offByDefault()
{
    auto session = GuiTest::openDemo();
    QVERIFY(session);
    const DashboardDataPtr data = GuiTest::load(*session);
    QVERIFY(data);
    QVERIFY(!data->snapshot.workloadRead);
    QVERIFY(data->workload.isEmpty());
    QVERIFY(data->migration.isEmpty());
    for (const Action &action : data->plan.actions)
        QVERIFY2(!action.writesToAzure() && action.kind != Action::Kind::CreateServiceAccount,
                 qPrintable(Action::kindName(action.kind)));
}

void TstGuiWorkload::migrationListsThePodsBehindEachBinding()
{
    // the issuer was discovered from the simulator's API server
    QVERIFY2(m_session->issuer().startsWith(u"https://"_s), qPrintable(m_session->issuer()));
    QVERIFY(m_data->snapshot.workloadRead);
    QVERIFY(m_data->podsRead);

    // a Deployment's pods, found through their ReplicaSet, under the Deployment
    const MigrationRow *payments = migrationRow(u"payments-api"_s);
    QVERIFY(payments);
    QCOMPARE(payments->namespaceName, u"payments"_s);
    QCOMPARE(payments->binding, u"payments-api"_s);
    QCOMPARE(payments->ownerKind, u"Deployment"_s);
    QCOMPARE(payments->pods.size(), 2);
    for (const QString &pod : payments->pods)
        QVERIFY2(pod.startsWith(u"payments-api-"_s), qPrintable(pod));
    // the ServiceAccount workload identity mode makes for the MSI the binding will point at
    QCOMPARE(payments->serviceAccount, u"id-payments-api"_s);
    QCOMPARE(payments->currentServiceAccount, u"default"_s);
    QVERIFY(!payments->hasUseLabel);
    QCOMPARE(payments->state, RowState::NeedsChanges);
    QVERIFY(payments->detail.contains(u"azure.workload.identity/use"_s));

    // a second Deployment behind the same binding is its own row
    const MigrationRow *ledger = migrationRow(u"payments-ledger"_s);
    QVERIFY(ledger);
    QCOMPARE(ledger->binding, u"payments-api"_s);

    const MigrationRow *stateful = migrationRow(u"checkout-worker"_s);
    QVERIFY(stateful);
    QCOMPARE(stateful->ownerKind, u"StatefulSet"_s);
    QCOMPARE(stateful->pods, QStringList({u"checkout-worker-0"_s, u"checkout-worker-1"_s}));

    const MigrationRow *bare = migrationRow(u"reporting-adhoc-export"_s);
    QVERIFY(bare);
    QCOMPARE(bare->ownerKind, u"Pod"_s);
    QCOMPARE(bare->binding, u"reporting-api"_s);

    // a binding whose identity the operator does not make: pods listed, no ServiceAccount, and why
    const MigrationRow *web = migrationRow(u"web-frontend"_s);
    QVERIFY(web);
    QVERIFY(web->serviceAccount.isEmpty());
    QVERIFY2(web->detail.contains(u"hand-made"_s), qPrintable(web->detail));

    // the table shows them too
    MigrationTableModel model;
    model.setDashboard(m_data);
    QCOMPARE(model.rowCount(), int(m_data->migration.size()));
    bool shown = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, MigrationTableModel::Owner).data().toString() == u"StatefulSet checkout-worker")
            shown = model.index(row, MigrationTableModel::Pods).data().toString().contains(u"checkout-worker-1"_s);
    }
    QVERIFY(shown);
}

void TstGuiWorkload::exportContainsThePods()
{
    const MigrationRow *payments = migrationRow(u"payments-api"_s);
    QVERIFY(payments);
    const QString markdown = QString::fromUtf8(MigrationReport::toMarkdown(m_data->migration));
    QVERIFY(markdown.startsWith(u"# "_s));
    for (const QString &pod : payments->pods)
        QVERIFY(markdown.contains(pod));
    QVERIFY(markdown.contains(u"| payments | payments-api | payments-api |"_s));
    QVERIFY(markdown.contains(u"id-payments-api"_s));
    QCOMPARE(markdown.count(u'\n'), 4 + 2 + int(m_data->migration.size())); // title, text, head, rule, rows

    const QString csv = QString::fromUtf8(MigrationReport::toCsv(m_data->migration));
    const QStringList lines = csv.split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + int(m_data->migration.size()));
    bool found = false;
    for (const QString &line : lines) {
        if (line.startsWith(u"checkout,checkout-worker,checkout-worker,"_s)) {
            found = line.contains(u",StatefulSet,checkout-worker,checkout-worker-0 checkout-worker-1,default,"
                                  u"id-checkout-worker,"_s);
        }
    }
    QVERIFY2(found, qPrintable(csv));
    // a field with a comma or a quote is quoted
    QVERIFY(csv.contains(u"\"add the pod label azure.workload.identity/use: \"\"true\"\"\""_s)
            || csv.contains(u"\"run as the ServiceAccount"_s));

    // the window writes the same report, by the file's suffix
    MainWindow window;
    window.setSession(m_session.release());
    QVERIFY(GuiTest::load(*window.session()));
    QTemporaryDir dir;
    QString error;
    QVERIFY2(window.exportMigration(dir.filePath(u"report.csv"_s), &error), qPrintable(error));
    QFile file(dir.filePath(u"report.csv"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith(MigrationReport::toCsv({}).trimmed()));
    QVERIFY(window.exportMigration(dir.filePath(u"report.md"_s), &error));
    QFile md(dir.filePath(u"report.md"_s));
    QVERIFY(md.open(QIODevice::ReadOnly));
    QVERIFY(md.readAll().contains("reporting-adhoc-export"));
}

void TstGuiWorkload::workloadViewShowsStatesAndCounts()
{
    // nothing exists yet: every pair's ServiceAccount and credential will be created
    const WorkloadRow *payments = nullptr;
    const WorkloadRow *missing = nullptr;
    for (const WorkloadRow &row : m_data->workload) {
        if (row.namespaceName == u"payments" && row.serviceAccount == u"id-payments-api")
            payments = &row;
        if (row.namespaceName == u"analytics")
            missing = &row;
    }
    QVERIFY(payments);
    QCOMPARE(payments->serviceAccountState, RowState::WillCreate);
    QCOMPARE(payments->credentialState, RowState::WillCreate);
    QCOMPARE(payments->credentials, 0);
    QCOMPARE(payments->credentialsAfter, 1);
    QCOMPARE(payments->credentialCap, 20);
    QVERIFY(missing);
    QCOMPARE(missing->serviceAccountState, RowState::WaitingForNamespace);

    WorkloadTableModel model;
    model.setDashboard(m_data);
    QCOMPARE(model.rowCount(), int(m_data->workload.size()));
    const int row = int(payments - m_data->workload.constData());
    QCOMPARE(model.index(row, WorkloadTableModel::ServiceAccountState).data().toString(), u"will create"_s);
    QCOMPARE(model.index(row, WorkloadTableModel::Credentials).data().toString(), u"0 of 20 (1 after the sync)"_s);
}

void TstGuiWorkload::rowStatesFollowThePlan()
{
    // the same load with the plan as it would be with foreign objects and a full identity
    DashboardData data = *m_data;
    const WorkloadRow *first = nullptr;
    const WorkloadRow *second = nullptr;
    for (const WorkloadRow &row : m_data->workload) {
        if (row.namespaceName == u"payments" && row.serviceAccount == u"id-payments-api")
            first = &row;
        if (row.namespaceName == u"checkout" && row.serviceAccount == u"id-checkout-api")
            second = &row;
    }
    QVERIFY(first && second);
    QList<Action> actions;
    for (Action action : std::as_const(data.plan.actions)) {
        const bool ofFirst = action.msiId == first->msiId;
        const bool ofSecond = action.msiId == second->msiId;
        if (ofSecond && action.resourceKind() != u"AzureIdentity")
            continue; // both of the second pair in sync: no action
        if (ofFirst && action.kind == Action::Kind::CreateServiceAccount) {
            action.kind = Action::Kind::Conflict;
            action.resource = u"ServiceAccount"_s;
            action.reason = u"annotated for another identity"_s;
        }
        if (ofFirst && action.kind == Action::Kind::CreateFederatedCredential) {
            action.kind = Action::Kind::Blocked;
            action.reason = u"the identity has 20 federated credentials"_s;
        }
        actions.append(action);
    }
    Action orphan;
    orphan.kind = Action::Kind::Orphan;
    orphan.resource = u"FederatedIdentityCredential"_s;
    orphan.msiId = second->msiId;
    orphan.name = u"cluster-gone-id-gone"_s;
    orphan.reason = u"no pair maps to it"_s;
    actions.append(orphan);
    data.plan.actions = actions;
    data.snapshot.workload.credentials.insert(first->msiId.toLower(), QList<Workload::FederatedCredential>(20));
    data.snapshot.workload.credentials.insert(second->msiId.toLower(), QList<Workload::FederatedCredential>(2));

    Config::OperatorConfig config = GuiTest::demoConfig();
    config.workloadIdentityEnable = true;
    const QList<WorkloadRow> rows = WorkloadRowBuilder::build(config, data);
    const WorkloadRow *conflict = nullptr;
    const WorkloadRow *inSync = nullptr;
    const WorkloadRow *orphanRow = nullptr;
    for (const WorkloadRow &row : rows) {
        if (row.namespaceName == first->namespaceName && row.serviceAccount == first->serviceAccount)
            conflict = &row;
        if (row.namespaceName == second->namespaceName && row.serviceAccount == second->serviceAccount)
            inSync = &row;
        if (row.credentialName == u"cluster-gone-id-gone")
            orphanRow = &row;
    }
    QVERIFY(conflict && inSync && orphanRow);
    QCOMPARE(conflict->serviceAccountState, RowState::Conflict);
    QCOMPARE(conflict->credentialState, RowState::Blocked);
    QCOMPARE(conflict->credentials, 20);
    QCOMPARE(conflict->credentialsAfter, 20); // blocked: nothing is added
    QVERIFY(conflict->detail.contains(u"another identity"_s));
    QCOMPARE(inSync->serviceAccountState, RowState::InSync);
    QCOMPARE(inSync->credentialState, RowState::InSync);
    QCOMPARE(inSync->state, RowState::InSync);
    QCOMPARE(inSync->credentials, 2);
    QCOMPARE(orphanRow->state, RowState::Orphan);
    QCOMPARE(orphanRow->credentialState, RowState::Orphan);
    QCOMPARE(orphanRow->msiName, second->msiName);
}

void TstGuiWorkload::approveWritesServiceAccountsAndCredentials()
{
    QList<Action> ticked;
    for (const Action &action : m_data->plan.actions) {
        const bool payments = action.namespaceName == u"payments" && action.name.contains(u"id-payments-api"_s);
        if (payments
            && (action.kind == Action::Kind::CreateServiceAccount
                || action.kind == Action::Kind::CreateFederatedCredential))
            ticked.append(action);
    }
    QCOMPARE(ticked.size(), 2);
    QSignalSpy finished(m_session.get(), &DashboardSession::applyFinished);
    QSignalSpy refused(m_session.get(), &DashboardSession::applyRefused);
    QSignalSpy reloaded(m_session.get(), &DashboardSession::loaded);
    m_session->approve(m_data, ticked);
    QVERIFY(finished.wait(GuiTest::kTimeoutMs));
    QCOMPARE(refused.size(), 0);
    const auto results = finished.first().first().value<QList<Sync::ActionResult>>();
    QCOMPARE(results.size(), 2);
    for (const Sync::ActionResult &result : results)
        QVERIFY2(result.outcome == Sync::ActionResult::Outcome::Applied, qPrintable(result.error));

    // the read after the apply finds both: the pair is in sync, the identity has its credential
    QVERIFY(reloaded.wait(GuiTest::kTimeoutMs));
    const DashboardDataPtr after = reloaded.last().first().value<DashboardDataPtr>();
    bool checked = false;
    for (const WorkloadRow &row : after->workload) {
        if (row.namespaceName == u"payments" && row.serviceAccount == u"id-payments-api") {
            QCOMPARE(row.state, RowState::InSync);
            QCOMPARE(row.credentials, 1);
            checked = true;
        }
    }
    QVERIFY(checked);
}

void TstGuiWorkload::confirmationCountsAzureAndClusterWrites()
{
    const QList<Action> writes = m_data->plan.writes();
    const ApplySummary summary = ApplySummary::of(writes);
    int azure = 0;
    int serviceAccounts = 0;
    for (const Action &action : writes) {
        azure += action.kind == Action::Kind::CreateFederatedCredential ? 1 : 0;
        serviceAccounts += action.kind == Action::Kind::CreateServiceAccount ? 1 : 0;
    }
    QVERIFY(azure > 0);
    QCOMPARE(summary.azureWrites, azure);
    QCOMPARE(summary.credentials, azure);
    QCOMPARE(summary.serviceAccounts, serviceAccounts);
    QCOMPARE(summary.clusterWrites, int(writes.size()) - azure);
    QVERIFY(summary.creates > 0);

    // the window asks with those figures and writes nothing when told no
    MainWindow window;
    window.setSession(m_session.release());
    QVERIFY(window.workloadIdentity()); // the session had it on
    QSignalSpy ready(window.session(), &DashboardSession::previewReady);
    window.preview();
    QVERIFY(ready.wait(GuiTest::kTimeoutMs));
    QVERIFY(window.planDialog());
    const ApplySummary ticked = ApplySummary::of(window.planDialog()->tickedActions());
    UserPrompt::setNextAnswers({false});
    window.approve();
    const QStringList asked = UserPrompt::asked();
    QVERIFY(asked.size() >= 2);
    QVERIFY2(
        asked.at(1).contains(
            u"Writes to the cluster: %1. Writes to Azure: %2."_s.arg(ticked.clusterWrites).arg(ticked.azureWrites)),
        qPrintable(asked.at(1)));
    QVERIFY(!window.session()->isApplying());
}

void TstGuiWorkload::writeAccessAsksForServiceAccounts()
{
    // the demo user may do everything: ServiceAccounts included
    if (m_session->writeAccess().state == WriteAccess::State::Checking) {
        QSignalSpy changed(m_session.get(), &DashboardSession::writeAccessChanged);
        QVERIFY(changed.wait(GuiTest::kTimeoutMs));
    }
    QCOMPARE(int(m_session->writeAccess().state), int(WriteAccess::State::Allowed));

    // a user who may write aad-pod-identity's objects but only read ServiceAccounts is told so
    QFile file(DemoHost::bundledScenarioPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject kube = json.value(u"kubernetes"_s).toObject();
    kube.insert(u"users"_s, QJsonArray {QJsonObject {{u"name"_s, u"podid"_s}, {u"token"_s, u"podid-token"_s}}});
    const QJsonArray read {u"get"_s, u"list"_s, u"watch"_s};
    kube.insert(u"rbac"_s,
                QJsonArray {QJsonObject {{u"user"_s, u"podid"_s},
                                         {u"verbs"_s, read},
                                         {u"apiGroups"_s, QJsonArray {u"*"_s}},
                                         {u"resources"_s, QJsonArray {u"*"_s}}},
                            QJsonObject {{u"user"_s, u"podid"_s},
                                         {u"verbs"_s, QJsonArray {u"*"_s}},
                                         {u"apiGroups"_s, QJsonArray {u"aadpodidentity.k8s.io"_s}},
                                         {u"resources"_s, QJsonArray {u"*"_s}}}});
    json.insert(u"kubernetes"_s, kube);
    QString error;
    const auto scenario = Sandbox::Scenario::fromJson(json, &error);
    QVERIFY2(scenario, qPrintable(error));
    Config::OperatorConfig config = GuiTest::demoConfig();
    config.workloadIdentityEnable = true;
    config.workloadIdentityIssuer = m_session->issuer(); // discovery is not this user's to do
    DashboardSession session(config, Sync::ClientEnvironment {}, true);
    session.setDemoScenario(*scenario);
    QVERIFY2(session.open(&error), qPrintable(error));
    const DashboardDataPtr data = GuiTest::load(session);
    QVERIFY(data);
    QVERIFY(!data->workload.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(int(session.writeAccess().state), int(WriteAccess::State::Denied), GuiTest::kTimeoutMs);
    QVERIFY2(session.writeAccess().reason.contains(u"may not create serviceaccounts"_s),
             qPrintable(session.writeAccess().reason));
    QVERIFY2(!session.writeAccess().reason.contains(u"azureidentities"_s), qPrintable(session.writeAccess().reason));
}

void TstGuiWorkload::approveRefusesAServiceAccountMadeMeanwhile()
{
    QList<Action> ticked;
    for (const Action &action : m_data->plan.actions) {
        if (action.kind == Action::Kind::CreateServiceAccount && action.namespaceName == u"payments"
            && action.name == u"id-payments-api")
            ticked.append(action);
    }
    QCOMPARE(ticked.size(), 1);
    // someone else makes that ServiceAccount between preview and approve
    bool created = false;
    GuiTest::inSandbox(*m_session, [&] {
        const auto *type = Sandbox::KubeResourceType::find(QString(), u"v1"_s, u"serviceaccounts"_s);
        const QJsonObject account {{u"apiVersion"_s, u"v1"_s},
                                   {u"kind"_s, u"ServiceAccount"_s},
                                   {u"metadata"_s, QJsonObject {{u"name"_s, u"id-payments-api"_s}}}};
        created = type && GuiTest::store(*m_session).create(*type, u"payments"_s, account).ok();
    });
    QVERIFY(created);
    QSignalSpy refused(m_session.get(), &DashboardSession::applyRefused);
    QSignalSpy started(m_session.get(), &DashboardSession::applyStarted);
    m_session->approve(m_data, ticked);
    QVERIFY(refused.wait(GuiTest::kTimeoutMs));
    const QStringList reasons = refused.first().first().toStringList();
    QVERIFY2(reasons.join(u' ').contains(u"ServiceAccount payments/id-payments-api was created by someone else"_s),
             qPrintable(reasons.join(u' ')));
    QCOMPARE(started.size(), 0);
}

QTEST_MAIN(TstGuiWorkload)
#include "tst_guiworkload.moc"
