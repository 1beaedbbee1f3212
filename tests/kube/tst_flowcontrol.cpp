// SPDX-License-Identifier: MIT
#include "shared/kube/flowcontrol.h"

#include <QTest>

using Amo::Kube::FlowControl;

/** The client's gate: a cap on requests in flight and a token bucket. */
class TestFlowControl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void capsRequestsInFlight();
    void requestsWithoutASlotAreNotCapped();
    void bucketHoldsBurstThenRefills();
};

void TestFlowControl::capsRequestsInFlight()
{
    FlowControl flow(0, 0, 2); // qps 0: no rate limit, only the cap
    int granted = 0;
    for (int i = 0; i < 5; ++i)
        flow.acquire(this, true, [&granted] { ++granted; });
    QTRY_COMPARE(granted, 2);
    QCOMPARE(flow.inFlight(), 2);
    QCOMPARE(flow.waiting(), 3);
    flow.release();
    QTRY_COMPARE(granted, 3);
    QCOMPARE(flow.inFlight(), 2);
    flow.release();
    flow.release();
    QTRY_COMPARE(granted, 5);
    flow.release();
    flow.release();
    QCOMPARE(flow.inFlight(), 0);
}

void TestFlowControl::requestsWithoutASlotAreNotCapped()
{
    // Watches stay open for minutes; they must not eat the slots of ordinary requests.
    FlowControl flow(0, 0, 1);
    int granted = 0;
    for (int i = 0; i < 4; ++i)
        flow.acquire(this, false, [&granted] { ++granted; });
    QTRY_COMPARE(granted, 4);
    QCOMPARE(flow.inFlight(), 0);
}

void TestFlowControl::bucketHoldsBurstThenRefills()
{
    FlowControl flow(2, 3, 100); // 3 at once, then one every 500 ms
    int granted = 0;
    for (int i = 0; i < 6; ++i)
        flow.acquire(this, false, [&granted] { ++granted; });
    QTRY_VERIFY(granted >= 3);
    QVERIFY(granted < 6); // the rest wait for tokens
    QTRY_COMPARE_WITH_TIMEOUT(granted, 6, 10000);
}

QTEST_GUILESS_MAIN(TestFlowControl)
#include "tst_flowcontrol.moc"
