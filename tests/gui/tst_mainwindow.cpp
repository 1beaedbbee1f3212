// SPDX-License-Identifier: MIT
#include "gui/models/dashboardtablemodel.h"
#include "gui/models/rowfilterproxymodel.h"
#include "gui/views/applyprogressdialog.h"
#include "gui/views/detailspane.h"
#include "gui/views/mainwindow.h"
#include "gui/views/plandialog.h"
#include "gui/views/userprompt.h"
#include "gui/views/yamldiffview.h"
#include "guitestutil.h"
#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/faultrule.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>

using namespace Amo;
using namespace Amo::Gui;
using namespace Qt::StringLiterals;

/** The window over the demo: shortcuts, filter, details and the two-writers warning. */
class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void filterShortcutFiltersRows();
    void detailsHighlightDifferences();
    void previewShowsChecklist();
    void activeAgentAsksBeforeWriting();
    void tickingRepointTicksItsIdentity();
    void keyboardSwitchesViewsAndClearsTheFilter();
    void namespaceCreatedShowsWithoutRefresh();
    void escapeCancelsApplyAndResultsStay();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    auto session = GuiTest::openDemo();
    QVERIFY(session);
    m_window = std::make_unique<MainWindow>();
    m_window->setSession(session.release());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(GuiTest::load(*m_window->session()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    UserPrompt::setNextAnswers({});
    UserPrompt::clearAsked();
}

void TestMainWindow::filterShortcutFiltersRows()
{
    QTableView *table = m_window->table(MainWindow::Msis);
    const int all = table->model()->rowCount();
    QVERIFY(all > 0);
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    auto *filter = m_window->findChild<QLineEdit *>(u"filterEdit"_s);
    QVERIFY(filter);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, u"checkout"_s);
    QVERIFY(table->model()->rowCount() > 0);
    QVERIFY(table->model()->rowCount() < all);
}

void TestMainWindow::detailsHighlightDifferences()
{
    QTableView *table = m_window->table(MainWindow::Msis);
    int pick = -1;
    for (int row = 0; row < table->model()->rowCount() && pick < 0; ++row) {
        if (table->model()->index(row, 0).data(DashboardTableModel::StateRole).toInt() == int(RowState::WillUpdate))
            pick = row;
    }
    QVERIFY(pick >= 0);
    table->selectRow(pick);
    DetailsPane *details = m_window->details();
    QVERIFY(details->diffView()->desired().contains(u"kind: AzureIdentity"_s));
    QVERIFY(details->diffView()->live().contains(u"kind: AzureIdentity"_s));
    QVERIFY(details->diffView()->highlightedLines() > 0);
    QVERIFY(details->content().templateOutputs.contains(u"Namespace template output"_s));
}

void TestMainWindow::previewShowsChecklist()
{
    QSignalSpy ready(m_window->session(), &DashboardSession::previewReady);
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
    QVERIFY(ready.wait(GuiTest::kTimeoutMs));
    PlanDialog *dialog = m_window->planDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QLabel *>(u"planSummary"_s)->text().contains(u"to create"_s));
    const auto data = m_window->session()->data();
    QCOMPARE(dialog->tickedActions().size(), data->plan.writeCount());
    dialog->setTicked({});
    QCOMPARE(dialog->tickedActions().size(), 0);
    QVERIFY(dialog->tree()->topLevelItemCount() >= 3);
}

void TestMainWindow::activeAgentAsksBeforeWriting()
{
    // an agent renewed its Lease a moment ago
    DashboardSession *session = m_window->session();
    const QJsonObject lease {
        {u"apiVersion"_s, u"coordination.k8s.io/v1"_s},
        {u"kind"_s, u"Lease"_s},
        {u"metadata"_s, QJsonObject {{u"name"_s, u"azure-msi-operator-leader"_s}, {u"namespace"_s, u"default"_s}}},
        {u"spec"_s,
         QJsonObject {{u"holderIdentity"_s, u"agent-pod-7"_s},
                      {u"leaseDurationSeconds"_s, 600},
                      {u"renewTime"_s, QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-ddTHH:mm:ss.zzz000Z"_s)}}}};
    bool created = false;
    GuiTest::inSandbox(*session, [&] {
        created = GuiTest::store(*session).create(GuiTest::typeOf(u"leases"_s), u"default"_s, lease).ok();
    });
    QVERIFY(created);
    QSignalSpy leaseRead(session, &DashboardSession::leaseChanged);
    QSignalSpy ready(session, &DashboardSession::previewReady);
    m_window->preview();
    QVERIFY(ready.wait(GuiTest::kTimeoutMs));
    QVERIFY(leaseRead.wait(GuiTest::kTimeoutMs));
    QVERIFY(session->agentActive());
    QVERIFY2(m_window->leaseText().contains(u"agent-pod-7"_s), qPrintable(m_window->leaseText()));

    const QMap<QString, QString> before = GuiTest::versions(*session);
    UserPrompt::setNextAnswers({true, false}); // yes to the counts, no to two writers
    m_window->approve();
    const QStringList asked = UserPrompt::asked();
    QCOMPARE(asked.size(), 4);
    QVERIFY(asked.at(1).contains(session->clusterDescription()));
    QVERIFY(asked.at(3).contains(u"agent-pod-7"_s));
    QVERIFY(!session->isApplying());
    QTest::qWait(200);
    QCOMPARE(GuiTest::versions(*session), before);
}

void TestMainWindow::tickingRepointTicksItsIdentity()
{
    QSignalSpy ready(m_window->session(), &DashboardSession::previewReady);
    m_window->preview();
    QVERIFY(ready.wait(GuiTest::kTimeoutMs));
    PlanDialog *dialog = m_window->planDialog();
    const QList<Sync::Action> &actions = dialog->basis()->plan.actions;
    int repoint = -1, identity = -1;
    for (int i = 0; i < actions.size() && repoint < 0; ++i) {
        if (actions.at(i).kind == Sync::Action::Kind::RepointBinding && !actions.at(i).afterIdentity.isEmpty())
            repoint = i;
    }
    QVERIFY(repoint >= 0);
    for (int i = 0; i < actions.size() && identity < 0; ++i) {
        if (actions.at(i).kind != Sync::Action::Kind::RepointBinding && actions.at(i).isWrite()
            && actions.at(i).namespaceName == actions.at(repoint).namespaceName
            && actions.at(i).name == actions.at(repoint).afterIdentity)
            identity = i;
    }
    QVERIFY(identity >= 0);
    // ticking only the re-point brings its identity along, so the applier does not refuse it
    dialog->setTicked({repoint});
    QList<Sync::Action> ticked = dialog->tickedActions();
    QCOMPARE(ticked.size(), 2);
    QCOMPARE(ticked.count(actions.at(identity)), 1);
    QCOMPARE(ticked.count(actions.at(repoint)), 1);
    // unticking the identity unticks the re-point that waits for it
    dialog->setTicked({identity});
    QCOMPARE(dialog->tickedActions(), QList<Sync::Action> {actions.at(identity)});
    dialog->setTicked({repoint});
    QTreeWidgetItem *identityItem = nullptr;
    for (int g = 0; g < dialog->tree()->topLevelItemCount() && !identityItem; ++g) {
        for (int c = 0; c < dialog->tree()->topLevelItem(g)->childCount(); ++c) {
            QTreeWidgetItem *item = dialog->tree()->topLevelItem(g)->child(c);
            if (item->data(0, Qt::UserRole + 1).toInt() == identity)
                identityItem = item;
        }
    }
    QVERIFY(identityItem);
    identityItem->setCheckState(0, Qt::Unchecked);
    QCOMPARE(dialog->tickedCount(), 0);
    // the export holds the ticked items and the reports, not the whole plan
    dialog->setTicked({identity});
    const Sync::Plan exported = dialog->tickedPlan();
    QCOMPARE(exported.writeCount(), 1);
    QCOMPARE(exported.actions.size(), actions.size() - dialog->basis()->plan.writeCount() + 1);
}

void TestMainWindow::keyboardSwitchesViewsAndClearsTheFilter()
{
    auto *tabs = m_window->findChild<QTabWidget *>(u"viewTabs"_s);
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), int(MainWindow::Drift));
    QTest::keyClick(m_window.get(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), int(MainWindow::Expiry));
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::AltModifier);
    QCOMPARE(tabs->currentIndex(), int(MainWindow::Msis));

    auto *filter = m_window->findChild<QLineEdit *>(u"filterEdit"_s);
    auto *rows = m_window->findChild<QLabel *>(u"rowCount"_s);
    const int all = m_window->model(MainWindow::Msis)->rowCount();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(filter, u"checkout"_s);
    const int shown = m_window->table(MainWindow::Msis)->model()->rowCount();
    QVERIFY2(rows->text().startsWith(u"Rows: %1 of %2"_s.arg(shown).arg(all)), qPrintable(rows->text()));
    QTest::keyClick(filter, Qt::Key_Escape);
    QVERIFY(filter->text().isEmpty());
    QCOMPARE(m_window->table(MainWindow::Msis)->model()->rowCount(), all);

    // every control has a name for screen readers
    QVERIFY(!filter->accessibleName().isEmpty());
    QVERIFY(!m_window->findChild<QWidget *>(u"profileMenuButton"_s)->accessibleName().isEmpty());
    QVERIFY(!m_window->profilePicker()->accessibleName().isEmpty());
    QVERIFY(m_window->windowTitle().contains(m_window->session()->clusterDescription()));

    UserPrompt::setNextAnswers({true});
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    QVERIFY(UserPrompt::asked().value(1).contains(u"Ctrl+P"_s));
}

void TestMainWindow::namespaceCreatedShowsWithoutRefresh()
{
    DashboardSession *session = m_window->session();
    QTRY_VERIFY_WITH_TIMEOUT(session->isLive(), GuiTest::kTimeoutMs);
    QSignalSpy ready(session, &DashboardSession::previewReady);
    m_window->preview();
    QVERIFY(ready.wait(GuiTest::kTimeoutMs));
    QVERIFY(!m_window->planDialog()->isStale());
    QString absent;
    for (const NamespaceRow &row : session->data()->namespaces) {
        if (!row.exists && !row.ignored && absent.isEmpty())
            absent = row.name;
    }
    QVERIFY(!absent.isEmpty());
    QVERIFY(session->data()->plan.count(Sync::Action::Kind::WaitForNamespace) > 0);

    // kubectl create namespace, as far as the dashboard can tell
    QSignalSpy loaded(session, &DashboardSession::loaded);
    bool created = false;
    GuiTest::inSandbox(*session, [&] {
        const auto *type = Sandbox::KubeResourceType::find(QString(), u"v1"_s, u"namespaces"_s);
        created = GuiTest::store(*session)
                      .create(*type, QString(),
                              QJsonObject {{u"apiVersion"_s, u"v1"_s},
                                           {u"kind"_s, u"Namespace"_s},
                                           {u"metadata"_s, QJsonObject {{u"name"_s, absent}}}})
                      .ok();
    });
    QVERIFY(created);
    QVERIFY(loaded.wait(GuiTest::kTimeoutMs)); // no refresh: the watch brought it
    const auto it = std::find_if(session->data()->namespaces.cbegin(), session->data()->namespaces.cend(),
                                 [&](const NamespaceRow &row) { return row.name == absent; });
    QVERIFY(it != session->data()->namespaces.cend());
    QVERIFY(it->exists);
    QVERIFY(m_window->planDialog()->isStale()); // the open preview says it no longer holds
    QVERIFY(m_window->statusText().contains(u"cluster live"_s));
}

void TestMainWindow::escapeCancelsApplyAndResultsStay()
{
    DashboardSession *session = m_window->session();
    QString error;
    auto rule = Sandbox::FaultRule::fromJson(QJsonObject {{u"method"_s, u"POST"_s},
                                                          {u"path"_s, u"*azureidentities*"_s},
                                                          {u"kind"_s, u"latency"_s},
                                                          {u"minDelayMs"_s, 300},
                                                          {u"maxDelayMs"_s, 300}},
                                             &error);
    QVERIFY2(rule, qPrintable(error));
    GuiTest::inSandbox(*session, [&] { session->demoHost()->sandbox().faults().add(*rule); });
    QSignalSpy ready(session, &DashboardSession::previewReady);
    m_window->preview();
    QVERIFY(ready.wait(GuiTest::kTimeoutMs));
    const int total = int(m_window->planDialog()->tickedActions().size());
    QVERIFY(total > 8);

    QSignalSpy started(session, &DashboardSession::applyStarted);
    QSignalSpy item(session, &DashboardSession::applyItemFinished);
    QSignalSpy finished(session, &DashboardSession::applyFinished);
    UserPrompt::setNextAnswers({true});
    m_window->approve();
    QVERIFY(started.wait(GuiTest::kTimeoutMs));
    // while writing: the status says so, reads and approve are off
    QVERIFY2(m_window->statusText().contains(u"Approve & Sync"_s), qPrintable(m_window->statusText()));
    QVERIFY(!m_window->findChild<QAction *>(u"refreshAction"_s)->isEnabled());
    QVERIFY(!m_window->findChild<QAction *>(u"previewAction"_s)->isEnabled());
    QVERIFY(!m_window->findChild<QAction *>(u"approveAction"_s)->isEnabled());
    QVERIFY(item.wait(GuiTest::kTimeoutMs));

    ApplyProgressDialog *dialog = m_window->applyDialog();
    QVERIFY(dialog);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(dialog->isVisible()); // Esc cancels; it does not hide the dialog while writes go on
    // closing the window asks too, and "no" keeps it open
    UserPrompt::setNextAnswers({false});
    QVERIFY(!m_window->close());
    QVERIFY(finished.wait(GuiTest::kTimeoutMs));
    const auto results = finished.first().first().value<QList<Sync::ActionResult>>();
    int cancelled = 0;
    for (const Sync::ActionResult &result : results)
        cancelled += result.outcome == Sync::ActionResult::Outcome::Cancelled;
    QVERIFY(cancelled > 0);
    QVERIFY2(dialog->summary().contains(u"%1 cancelled of %2"_s.arg(cancelled).arg(total)),
             qPrintable(dialog->summary()));
    // the summary stays in the status bar once the read after the apply is in
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusText().contains(u"Azure read at"_s), GuiTest::kTimeoutMs);
    QVERIFY2(m_window->statusText().contains(u"cancelled of"_s), qPrintable(m_window->statusText()));
    // the per-item results stay after the dialog closes
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(m_window->applyDialog(), dialog);
    QCOMPARE(dialog->items()->topLevelItemCount(), total);
    auto *showResults = m_window->findChild<QAction *>(u"applyResultsAction"_s);
    QVERIFY(showResults->isEnabled());
    showResults->trigger();
    QVERIFY(dialog->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
