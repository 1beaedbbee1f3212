// SPDX-License-Identifier: MIT
#include "gui/models/dashboardtablemodel.h"
#include "gui/session/demohost.h"
#include "gui/views/errorbanner.h"
#include "gui/views/mainwindow.h"
#include "gui/views/plandialog.h"
#include "gui/views/userprompt.h"
#include "guitestutil.h"
#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/faultrule.h"
#include "shared/sandbox/scenario.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>

using namespace Amo;
using namespace Amo::Gui;
using namespace Qt::StringLiterals;

/**
 * The window against the demo simulator's fault rules: a failing read is shown as a failure (banner,
 * stale data, no plan), never as data; an unreadable Lease is "unknown", not "no agent"; a read-only
 * user gets no Approve & Sync.
 */
class TestGuiFailures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void clusterFailureKeepsStaleDataAndBuildsNoPlan();
    void clusterFailureOnFirstLoadShowsNoData();
    void azureListFailureReportsNoOrphans();
    void failingSubscriptionIsNamed();
    void unreadableLeaseAsksBeforeWriting();
    void readOnlyUserCannotApprove();
    void readOnlyModeHidesWrites();

private:
    void open(const Sandbox::Scenario *scenario = nullptr);
    void addFault(const QJsonObject &rule);
    void clearFaults();
    bool loadFails();

    std::unique_ptr<MainWindow> m_window;
};

void TestGuiFailures::cleanup()
{
    m_window.reset();
    UserPrompt::setNextAnswers({});
    UserPrompt::clearAsked();
}

void TestGuiFailures::open(const Sandbox::Scenario *scenario)
{
    auto session = GuiTest::openDemo(scenario);
    QVERIFY(session);
    m_window = std::make_unique<MainWindow>();
    m_window->setSession(session.release());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestGuiFailures::addFault(const QJsonObject &json)
{
    QString error;
    auto rule = Sandbox::FaultRule::fromJson(json, &error);
    QVERIFY2(rule, qPrintable(error));
    DashboardSession *session = m_window->session();
    GuiTest::inSandbox(*session, [&] { session->demoHost()->sandbox().faults().add(*rule); });
}

void TestGuiFailures::clearFaults()
{
    DashboardSession *session = m_window->session();
    GuiTest::inSandbox(*session, [&] { session->demoHost()->sandbox().faults().clear(); });
}

bool TestGuiFailures::loadFails()
{
    QSignalSpy failed(m_window->session(), &DashboardSession::loadFailed);
    QSignalSpy loaded(m_window->session(), &DashboardSession::loaded);
    m_window->refresh();
    return failed.wait(GuiTest::kTimeoutMs) && loaded.isEmpty();
}

void TestGuiFailures::clusterFailureKeepsStaleDataAndBuildsNoPlan()
{
    open();
    DashboardSession *session = m_window->session();
    const DashboardDataPtr good = GuiTest::load(*session);
    QVERIFY(good);
    // the demo's contoso-finance refuses its listing: a warning, not a failed read
    QCOMPARE(m_window->banner()->level(), ErrorBanner::Level::Warning);
    QVERIFY(!session->problems().blocking());
    const int namespaces = m_window->model(MainWindow::Namespaces)->rowCount();
    QVERIFY(namespaces > 0);

    addFault(
        {{u"method"_s, u"GET"_s}, {u"path"_s, u"/api/v1/namespaces"_s}, {u"kind"_s, u"status"_s}, {u"status"_s, 403}});
    QVERIFY(loadFails());
    ErrorBanner *banner = m_window->banner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->level(), ErrorBanner::Level::Error);
    QVERIFY2(banner->text().contains(session->clusterDescription()), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(u"namespaces"_s), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(u"stale"_s), qPrintable(banner->text()));
    // the last good load stays, not "every namespace missing"
    QCOMPARE(session->data(), good);
    QCOMPARE(m_window->model(MainWindow::Namespaces)->dashboard(), good);
    QCOMPARE(m_window->model(MainWindow::Namespaces)->rowCount(), namespaces);

    // no preview is offered on a failed read
    QSignalSpy ready(session, &DashboardSession::previewReady);
    QSignalSpy failed(session, &DashboardSession::loadFailed);
    m_window->preview();
    QVERIFY(failed.wait(GuiTest::kTimeoutMs));
    QCOMPARE(ready.size(), 0);
    QVERIFY(!m_window->planDialog());

    // the next good read clears the banner
    clearFaults();
    QVERIFY(GuiTest::load(*session));
    QVERIFY(!session->problems().blocking());
    QCOMPARE(m_window->banner()->level(), ErrorBanner::Level::Warning);
    QVERIFY(!m_window->banner()->text().contains(session->clusterDescription()));
    QVERIFY(!m_window->banner()->text().contains(u"stale"_s));
}

void TestGuiFailures::clusterFailureOnFirstLoadShowsNoData()
{
    open();
    addFault({{u"method"_s, u"GET"_s},
              {u"path"_s, u"/apis/aadpodidentity.k8s.io/v1/azureidentities"_s},
              {u"kind"_s, u"status"_s},
              {u"status"_s, 403}});
    QVERIFY(loadFails());
    QVERIFY(!m_window->session()->data());
    QCOMPARE(m_window->model(MainWindow::Namespaces)->rowCount(), 0);
    QCOMPARE(m_window->model(MainWindow::Msis)->rowCount(), 0);
    QVERIFY(m_window->banner()->isVisible());
    QVERIFY2(m_window->banner()->text().contains(u"azureidentities"_s), qPrintable(m_window->banner()->text()));
}

void TestGuiFailures::azureListFailureReportsNoOrphans()
{
    open();
    addFault({{u"method"_s, u"GET"_s}, {u"path"_s, u"/subscriptions"_s}, {u"kind"_s, u"status"_s}, {u"status"_s, 403}});
    QVERIFY(loadFails());
    DashboardSession *session = m_window->session();
    QVERIFY(!session->data()); // no "MSIs: 0 … 3 orphaned"
    QVERIFY(session->problems().blocking());
    QCOMPARE(m_window->model(MainWindow::Expiry)->rowCount(), 0); // no "(MSI gone)"
    const QString text = m_window->banner()->text();
    QVERIFY2(text.contains(u"Cannot read Azure"_s), qPrintable(text));
    QVERIFY2(text.contains(u"403"_s) || text.contains(u"orbidden"_s), qPrintable(text));
}

void TestGuiFailures::failingSubscriptionIsNamed()
{
    open();
    DashboardSession *session = m_window->session();
    const DashboardDataPtr all = GuiTest::load(*session);
    QVERIFY(all);
    const auto orphansIn = [](const DashboardData &data, const QString &subscription) {
        int n = 0;
        for (const Sync::Action &action : data.plan.actions)
            n += action.kind == Sync::Action::Kind::Orphan
                && data.snapshot.cluster.findIdentity(action.namespaceName, action.name)
                && data.snapshot.cluster.findIdentity(action.namespaceName, action.name)
                       ->resourceId.contains(subscription, Qt::CaseInsensitive);
        return n;
    };
    const QString failing = u"34aba136-51c8-5f3e-90fa-769b41bec319"_s; // contoso-prod: id-legacy-mailer is an orphan
    QVERIFY(orphansIn(*all, failing) > 0);

    addFault({{u"method"_s, u"GET"_s},
              {u"path"_s, QString(u"/subscriptions/"_s + failing + u"/*"_s)},
              {u"kind"_s, u"status"_s},
              {u"status"_s, 403}});
    const DashboardDataPtr partial = GuiTest::load(*session);
    QVERIFY(partial);
    QCOMPARE(orphansIn(*partial, failing), 0);
    const QString text = m_window->banner()->text();
    QVERIFY(m_window->banner()->isVisible());
    QCOMPARE(m_window->banner()->level(), ErrorBanner::Level::Warning);
    QVERIFY2(text.contains(u"contoso-prod"_s) && text.contains(failing), qPrintable(text));
    QVERIFY2(text.contains(u"not reported as orphans"_s), qPrintable(text));
}

void TestGuiFailures::unreadableLeaseAsksBeforeWriting()
{
    open();
    DashboardSession *session = m_window->session();
    addFault({{u"method"_s, u"GET"_s}, {u"path"_s, u"*/leases/*"_s}, {u"kind"_s, u"status"_s}, {u"status"_s, 403}});
    QSignalSpy leaseRead(session, &DashboardSession::leaseChanged);
    QSignalSpy ready(session, &DashboardSession::previewReady);
    m_window->preview();
    QVERIFY(ready.wait(GuiTest::kTimeoutMs));
    QVERIFY(leaseRead.wait(GuiTest::kTimeoutMs));
    QVERIFY(!session->agentActive());
    QVERIFY(!session->leaseError().isEmpty());
    QVERIFY2(m_window->leaseText().startsWith(u"Cannot read the Lease"_s), qPrintable(m_window->leaseText()));
    QVERIFY(m_window->banner()->text().contains(u"Cannot read the Lease"_s));

    const QMap<QString, QString> before = GuiTest::versions(*session);
    UserPrompt::setNextAnswers({true, false}); // yes to the counts, no to a possible second writer
    m_window->approve();
    const QStringList asked = UserPrompt::asked();
    QCOMPARE(asked.size(), 4);
    QVERIFY2(asked.at(3).contains(u"cannot be read"_s), qPrintable(asked.at(3)));
    QVERIFY(!session->isApplying());
    QTest::qWait(200);
    QCOMPARE(GuiTest::versions(*session), before);
}

void TestGuiFailures::readOnlyUserCannotApprove()
{
    // the demo scenario, signed in as a user who may only get, list and watch
    QFile file(DemoHost::bundledScenarioPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject kube = json.value(u"kubernetes"_s).toObject();
    kube.insert(u"users"_s, QJsonArray {QJsonObject {{u"name"_s, u"viewer"_s}, {u"token"_s, u"viewer-token"_s}}});
    kube.insert(u"rbac"_s,
                QJsonArray {QJsonObject {{u"user"_s, u"viewer"_s},
                                         {u"verbs"_s, QJsonArray {u"get"_s, u"list"_s, u"watch"_s}},
                                         {u"apiGroups"_s, QJsonArray {u"*"_s}},
                                         {u"resources"_s, QJsonArray {u"*"_s}}}});
    json.insert(u"kubernetes"_s, kube);
    QString error;
    const auto scenario = Sandbox::Scenario::fromJson(json, &error);
    QVERIFY2(scenario, qPrintable(error));
    open(&*scenario);
    DashboardSession *session = m_window->session();
    QSignalSpy access(session, &DashboardSession::writeAccessChanged);
    QVERIFY(GuiTest::load(*session));
    QVERIFY(session->data()->plan.hasWrites());
    QTRY_COMPARE_WITH_TIMEOUT(int(session->writeAccess().state), int(WriteAccess::State::Denied), GuiTest::kTimeoutMs);
    QVERIFY2(session->writeAccess().reason.contains(u"may not create azureidentities"_s),
             qPrintable(session->writeAccess().reason));
    auto *approve = m_window->findChild<QAction *>(u"approveAction"_s);
    QVERIFY(approve);
    QVERIFY(!approve->isEnabled());
    QVERIFY(approve->toolTip().contains(session->writeAccess().reason));
    auto *accessText = m_window->findChild<QLabel *>(u"accessText"_s);
    QVERIFY(accessText->text().contains(u"No write access"_s));
}

void TestGuiFailures::readOnlyModeHidesWrites()
{
    open();
    m_window->setForcedReadOnly(true);
    DashboardSession *session = m_window->session();
    QSignalSpy ready(session, &DashboardSession::previewReady);
    m_window->preview();
    QVERIFY(ready.wait(GuiTest::kTimeoutMs));
    QVERIFY(!m_window->findChild<QAction *>(u"approveAction"_s)->isVisible());
    QVERIFY(m_window->planDialog());
    QVERIFY(m_window->planDialog()->findChild<QWidget *>(u"approveButton"_s)->isHidden());
    QVERIFY(m_window->windowTitle().contains(u"read only"_s));
}

QTEST_MAIN(TestGuiFailures)
#include "tst_guifailures.moc"
