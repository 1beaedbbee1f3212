// SPDX-License-Identifier: MIT
#include "gui/models/dashboardtablemodel.h"
#include "gui/views/applyprogressdialog.h"
#include "gui/views/mainwindow.h"
#include "gui/views/plandialog.h"
#include "gui/views/userprompt.h"
#include "guitestutil.h"
#include "shared/sandbox/scenario.h"
#include "shared/sandbox/scenariogenerator.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>

using namespace Amo;
using namespace Amo::Gui;
using namespace Qt::StringLiterals;

/**
 * 10,000 MSIs in the window: load, refresh, filter, sort, preview, untick a group of 10,000 and
 * apply. For each it reports how long it took and the longest time the event loop was blocked,
 * measured by a 10 ms timer. Reported figures, not pass/fail timers; the test checks only that each
 * action finished with the right result.
 */
class TestGuiLoad : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tenThousandMsisKeepTheLoopResponsive();

private:
    /** Runs @p start, waits until @p done holds, prints the figures. */
    bool measure(const char *what, const std::function<void()> &start, const std::function<bool()> &done,
                 int timeoutMs = 180000);

    QStringList m_table;
};

bool TestGuiLoad::measure(const char *what, const std::function<void()> &start, const std::function<bool()> &done,
                          int timeoutMs)
{
    QElapsedTimer clock;
    qint64 last = 0, longest = 0;
    QTimer probe;
    probe.setInterval(10);
    connect(&probe, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    clock.start();
    probe.start();
    start();
    // the start itself may block: count it as a stall
    longest = std::max(longest, clock.elapsed() - last);
    last = clock.elapsed();
    const bool finished = QTest::qWaitFor(done, timeoutMs);
    const qint64 took = clock.elapsed();
    QTest::qWait(300); // let the views lay out and paint
    probe.stop();
    const QString line = u"| %1 | %2 ms | %3 ms |"_s.arg(QString::fromLatin1(what)).arg(took).arg(longest);
    m_table << line;
    qInfo("%s", qPrintable(line));
    return finished;
}

void TestGuiLoad::tenThousandMsisKeepTheLoopResponsive()
{
    Sandbox::ScenarioGenerator::Parameters parameters;
    QVERIFY(Sandbox::ScenarioGenerator::parse(u"10000:200:1000:0.05"_s, &parameters));
    QString error;
    const auto scenario = Sandbox::Scenario::fromJson(Sandbox::ScenarioGenerator::generate(parameters), &error);
    QVERIFY2(scenario, qPrintable(error));
    QCOMPARE(scenario->msis.size(), 10000);
    std::unique_ptr<DashboardSession> session = GuiTest::openDemo(&*scenario);
    QVERIFY(session);

    MainWindow window;
    window.setSession(session.release());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    DashboardSession *s = window.session();
    QTableView *table = window.table(MainWindow::Msis);

    m_table << u"| action (10,000 MSIs) | took | longest stall |"_s << u"|---|---|---|"_s;
    QSignalSpy loaded(s, &DashboardSession::loaded);
    QVERIFY(measure(
        "first load", [&] { window.refresh(); }, [&] { return loaded.size() == 1; }));
    QCOMPARE(window.model(MainWindow::Msis)->rowCount(), 10000);
    QCOMPARE(table->model()->rowCount(), 10000);

    QVERIFY(measure(
        "refresh (F5)", [&] { window.refresh(); }, [&] { return loaded.size() == 2; }));

    auto *filter = window.findChild<QLineEdit *>(u"filterEdit"_s);
    QVERIFY(measure(
        "filter (type \"-7\")", [&] { QTest::keyClicks(filter, u"-7"_s); },
        [&] { return table->model()->rowCount() < 10000; }));
    QVERIFY(table->model()->rowCount() > 0);
    QVERIFY(measure(
        "clear the filter", [&] { filter->clear(); }, [&] { return table->model()->rowCount() == 10000; }));

    const QString firstBefore = table->model()->index(0, 0).data().toString();
    QVERIFY(measure(
        "sort by name, descending", [&] { table->sortByColumn(0, Qt::DescendingOrder); },
        [&] { return table->model()->index(0, 0).data().toString() != firstBefore; }));

    QSignalSpy ready(s, &DashboardSession::previewReady);
    QVERIFY(measure(
        "preview (Ctrl+P) to the checklist", [&] { window.preview(); },
        [&] { return ready.size() == 1 && window.planDialog(); }));
    PlanDialog *dialog = window.planDialog();
    QTreeWidgetItem *creates = nullptr;
    for (int g = 0; g < dialog->tree()->topLevelItemCount(); ++g) {
        if (!creates || dialog->tree()->topLevelItem(g)->childCount() > creates->childCount())
            creates = dialog->tree()->topLevelItem(g);
    }
    QVERIFY(creates);
    QVERIFY(creates->childCount() >= 9000);
    const int ticked = dialog->tickedCount();
    // unticking identities also unticks the re-points that wait for them
    QVERIFY(measure(
        "untick the largest group", [&] { creates->setCheckState(0, Qt::Unchecked); },
        [&] { return dialog->tickedCount() <= ticked - creates->childCount(); }));
    const int unticked = dialog->tickedCount();
    QVERIFY(measure(
        "tick it again", [&] { creates->setCheckState(0, Qt::Checked); },
        [&] { return dialog->tickedCount() == unticked + creates->childCount(); }));

    // apply the first 1,000 writes: the figure is the window's, not the simulator's throughput
    QList<int> first;
    for (int i = 0; i < dialog->basis()->plan.actions.size() && first.size() < 1000; ++i) {
        if (dialog->basis()->plan.actions.at(i).isWrite())
            first << i;
    }
    dialog->setTicked(first);
    const int applying = dialog->tickedCount();
    QVERIFY(applying >= 1000);
    QSignalSpy applied(s, &DashboardSession::applyFinished);
    UserPrompt::setNextAnswers({true, true});
    QVERIFY(measure(
        "apply 1,000 items", [&] { window.approve(); }, [&] { return applied.size() == 1; }, 600000));
    const auto results = applied.first().first().value<QList<Sync::ActionResult>>();
    QCOMPARE(results.size(), applying);
    QVERIFY(window.applyDialog()->summary().contains(u"of %1"_s.arg(applying)));
    qInfo("\n%s", qPrintable(m_table.join(u'\n')));
}

QTEST_MAIN(TestGuiLoad)
#include "tst_guiload.moc"
