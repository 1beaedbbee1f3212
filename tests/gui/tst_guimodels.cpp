// SPDX-License-Identifier: MIT
#include "gui/models/drifttablemodel.h"
#include "gui/models/expirytablemodel.h"
#include "gui/models/msitablemodel.h"
#include "gui/models/namespacetablemodel.h"
#include "gui/models/rowfilterproxymodel.h"
#include "guitestutil.h"

#include <QAbstractItemModelTester>

using namespace Amo;
using namespace Amo::Gui;
using namespace Qt::StringLiterals;

/** The four view models and their filter proxy over the demo scenario. */
class TestGuiModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void modelsPassTheTester_data();
    void modelsPassTheTester();
    void demoRowsAreComplete();
    void filterFindsRows();
    void stateFilterKeepsOneState();

private:
    std::unique_ptr<DashboardSession> m_session;
    DashboardDataPtr m_data;
};

void TestGuiModels::initTestCase()
{
    m_session = GuiTest::openDemo();
    QVERIFY(m_session);
    m_data = GuiTest::load(*m_session);
    QVERIFY(m_data);
    QVERIFY2(m_data->error.isEmpty(), qPrintable(m_data->error));
}

void TestGuiModels::modelsPassTheTester_data()
{
    QTest::addColumn<int>("view");
    QTest::newRow("msis") << 0;
    QTest::newRow("namespaces") << 1;
    QTest::newRow("drift") << 2;
    QTest::newRow("expiry") << 3;
}

void TestGuiModels::modelsPassTheTester()
{
    QFETCH(int, view);
    std::unique_ptr<DashboardTableModel> model;
    switch (view) {
    case 0:
        model = std::make_unique<MsiTableModel>();
        break;
    case 1:
        model = std::make_unique<NamespaceTableModel>();
        break;
    case 2:
        model = std::make_unique<DriftTableModel>();
        break;
    default:
        model = std::make_unique<ExpiryTableModel>();
        break;
    }
    RowFilterProxyModel proxy;
    proxy.setSourceModel(model.get());
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model->setDashboard(m_data);
    QVERIFY(model->rowCount() > 0);
    proxy.sort(1, Qt::DescendingOrder);
    proxy.setText(u"a"_s);
    proxy.setState(int(RowState::InSync));
    proxy.setState(std::nullopt);
    proxy.setText({});
    QCOMPARE(proxy.rowCount(), model->rowCount());
    model->setDashboard(nullptr);
    QCOMPARE(proxy.rowCount(), 0);
    model->setDashboard(m_data);
}

void TestGuiModels::demoRowsAreComplete()
{
    QCOMPARE(m_data->msis.size(), m_data->snapshot.catalog.msis().size());
    QVERIFY(m_data->msis.size() >= 50);
    MsiTableModel msis;
    msis.setDashboard(m_data);
    // every MSI row names its subscription by display name and says what the sync would do
    int creates = 0;
    for (int row = 0; row < msis.rowCount(); ++row) {
        QVERIFY(!msis.index(row, MsiTableModel::Subscription).data().toString().isEmpty());
        QVERIFY(!msis.index(row, MsiTableModel::State).data().toString().isEmpty());
        creates += m_data->msis.at(row).state == RowState::WillCreate;
    }
    QVERIFY(creates > 0);
    QVERIFY(!m_data->drift.isEmpty());
    QVERIFY(!m_data->expiry.isEmpty());
    bool orphan = false;
    for (const ExpiryRow &row : m_data->expiry)
        orphan |= row.orphan;
    QVERIFY(orphan);
}

void TestGuiModels::filterFindsRows()
{
    MsiTableModel msis;
    msis.setDashboard(m_data);
    RowFilterProxyModel proxy;
    proxy.setSourceModel(&msis);
    proxy.setText(u"PAYMENTS"_s);
    QVERIFY(proxy.rowCount() > 0);
    QVERIFY(proxy.rowCount() < msis.rowCount());
    for (int row = 0; row < proxy.rowCount(); ++row) {
        bool found = false;
        for (int column = 0; column < proxy.columnCount(); ++column)
            found |= proxy.index(row, column).data().toString().contains(u"payments"_s, Qt::CaseInsensitive);
        QVERIFY(found);
    }
    // a client ID only appears in its own column
    const QString clientId = m_data->msis.at(3).clientId;
    proxy.setText(clientId);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, MsiTableModel::ClientId).data().toString(), clientId);
    proxy.setText(u"no-such-text-anywhere"_s);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestGuiModels::stateFilterKeepsOneState()
{
    MsiTableModel msis;
    msis.setDashboard(m_data);
    RowFilterProxyModel proxy;
    proxy.setSourceModel(&msis);
    proxy.setState(int(RowState::WillCreate));
    QVERIFY(proxy.rowCount() > 0);
    QVERIFY(proxy.rowCount() < msis.rowCount());
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.index(row, 0).data(DashboardTableModel::StateRole).toInt(), int(RowState::WillCreate));
}

QTEST_MAIN(TestGuiModels)
#include "tst_guimodels.moc"
