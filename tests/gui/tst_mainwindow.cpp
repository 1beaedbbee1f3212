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

#include <QAction>
#include <QLabel>
#include <QLineEdit>
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
