// SPDX-License-Identifier: MIT
// The one backoff formula that ARM retries, Kubernetes retries and informer restarts share.
#include "shared/azure/retrypolicy.h"
#include "shared/util/backoff.h"

#include <QTest>

using Amo::Backoff;

class TestBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void equalJitterDoublesUpToTheCap();
    void armJitterStaysCapped();
    void drawsStayInRange();
};

void TestBackoff::equalJitterDoublesUpToTheCap()
{
    const Backoff kube {200, 10000};
    QCOMPARE(kube.delayMs(0, 0.0), 100); // half fixed...
    QCOMPARE(kube.delayMs(0, 0.5), 150); // ...half random
    QCOMPARE(kube.delayMs(3, 0.0), 800);
    QCOMPARE(kube.delayMs(3, 0.999), 1599);
    QCOMPARE(kube.delayMs(10, 0.0), 5000); // the ceiling is capped before the jitter
    QCOMPARE(kube.delayMs(1000, 0.999), 9995); // no overflow on long outages
    QCOMPARE(kube.delayMs(-1, 0.0), 100);
}

void TestBackoff::armJitterStaysCapped()
{
    const Backoff arm {800, 60000, 0.8, 1.3};
    QCOMPARE(arm.delayMs(0, 0.0), 640);
    QCOMPARE(arm.delayMs(0, 0.5), 840);
    QCOMPARE(arm.delayMs(2, 0.0), 2560);
    QCOMPARE(arm.delayMs(20, 0.999), 60000); // above the cap the jitter cannot lift it further
    QCOMPARE(arm.delayMs(20, 0.0), 48000);
}

void TestBackoff::drawsStayInRange()
{
    const Amo::Azure::RetryPolicy policy;
    const Backoff kube {200, 10000};
    for (int i = 0; i < 200; ++i) {
        const qint64 armDelay = policy.backoffMs(1);
        QVERIFY2(armDelay >= 1280 && armDelay < 2080, qPrintable(QString::number(armDelay)));
        const qint64 kubeDelay = kube.delayMs(2);
        QVERIFY2(kubeDelay >= 400 && kubeDelay <= 800, qPrintable(QString::number(kubeDelay)));
    }
}

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
