// SPDX-License-Identifier: MIT
#include "gui/models/dashboardtablemodel.h"
#include "gui/views/mainwindow.h"
#include "guitestutil.h"
#include "shared/sandbox/scenario.h"
#include "shared/sandbox/scenariogenerator.h"

#include <QElapsedTimer>
#include <QTableView>
#include <QTimer>

using namespace Amo;
using namespace Amo::Gui;
using namespace Qt::StringLiterals;

/**
 * Loads 10,000 MSIs into the window and reports the longest time the event loop was blocked,
 * measured by a 10 ms timer. A reported figure, not a pass/fail timer.
 */
class TestGuiLoad : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tenThousandMsisKeepTheLoopResponsive();
};

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

    QElapsedTimer clock;
    qint64 last = 0, longest = 0;
    QTimer probe;
    probe.setInterval(10);
    connect(&probe, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    QSignalSpy loaded(window.session(), &DashboardSession::loaded);
    clock.start();
    probe.start();
    window.refresh();
    QVERIFY(loaded.wait(120000));
    QTest::qWait(500); // let the views lay out and paint the new rows
    probe.stop();
    qInfo("10,000 MSIs: loaded in %lld ms; longest event-loop stall %lld ms", clock.elapsed(), longest);

    QCOMPARE(window.model(MainWindow::Msis)->rowCount(), 10000);
    QCOMPARE(window.table(MainWindow::Msis)->model()->rowCount(), 10000);
}

QTEST_MAIN(TestGuiLoad)
#include "tst_guiload.moc"
