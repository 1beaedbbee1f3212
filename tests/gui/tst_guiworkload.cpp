// SPDX-License-Identifier: MIT
// Workload identity mode in the dashboard against the embedded simulator: the Workload identity and
// Migration views, the migration report, and what Approve & Sync writes where.
#include "guitestutil.h"

#include "gui/session/applysummary.h"
#include "gui/session/migrationreport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo;
using namespace Amo::Gui;

class TstGuiWorkload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dump();
};

void TstGuiWorkload::dump()
{
    auto session = GuiTest::openDemo();
    QVERIFY(session);
    session->setWorkloadIdentity(true);
    const DashboardDataPtr data = GuiTest::load(*session);
    QVERIFY(data);
    qInfo() << "issuer" << session->issuer() << data->snapshot.workloadError << data->snapshot.workloadRead;
    for (const MigrationRow &r : data->migration)
        qInfo() << r.namespaceName << r.binding << r.ownerKind << r.ownerName << r.pods << r.serviceAccount << r.detail;
    for (const WorkloadRow &r : data->workload)
        qInfo() << r.namespaceName << r.serviceAccount << int(r.serviceAccountState) << r.credentialName
                << int(r.credentialState) << r.credentials << r.credentialsAfter << r.detail;
}

QTEST_MAIN(TstGuiWorkload)
#include "tst_guiworkload.moc"
