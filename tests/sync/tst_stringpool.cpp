// SPDX-License-Identifier: MIT
// The shared strings of the model: equal values share one copy, and copies nobody holds are dropped.
#include "shared/model/observedidentity.h"
#include "shared/model/stringpool.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Model::ObservedIdentity;
using Amo::Model::StringPool;

class TestStringPool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void equalStringsShareOneCopy();
    void unusedStringsAreDropped();
    void equalMapsShareOneCopy();
    void observedObjectsShareWithEachOther();
};

void TestStringPool::equalStringsShareOneCopy()
{
    const QString a = StringPool::intern(u"rg-payments"_s + QString::number(1));
    const QString b = StringPool::intern(u"rg-payments1"_s);
    QCOMPARE(a, b);
    QCOMPARE(a.constData(), b.constData()); // one allocation
    QVERIFY(StringPool::intern(QString()).isNull());
}

void TestStringPool::unusedStringsAreDropped()
{
    // Fill past the pruning point with strings nobody keeps: the pool must not keep them all.
    for (int i = 0; i < 20000; ++i)
        StringPool::intern(u"transient-%1"_s.arg(i));
    const QString kept = StringPool::intern(u"kept-value"_s);
    for (int i = 0; i < 20000; ++i)
        StringPool::intern(u"transient-b-%1"_s.arg(i));
    QVERIFY2(StringPool::size() < 20000, qPrintable(QString::number(StringPool::size())));
    // A string still held is kept and shared.
    QCOMPARE(StringPool::intern(u"kept-value"_s).constData(), kept.constData());
}

void TestStringPool::equalMapsShareOneCopy()
{
    const QMap<QString, QString> one = StringPool::internMap({{u"k8snamespace"_s, u"team-a"_s}});
    const QMap<QString, QString> two = StringPool::internMap({{u"k8snamespace"_s, u"team-a"_s}});
    QCOMPARE(one, two);
    QVERIFY(!one.isDetached()); // the pool and both copies hold the same data
    QVERIFY(StringPool::internMap({}).isEmpty());
    QVERIFY(StringPool::internMap({{u"k8snamespace"_s, u"team-b"_s}}) != one);
}

void TestStringPool::observedObjectsShareWithEachOther()
{
    const QByteArray json = R"({"metadata":{"name":"id-a","namespace":"team-a","uid":"u1","resourceVersion":"5",
        "labels":{"msi.azure.k8s.io/name":"a"},"annotations":{"janitor/expires":"2026-01-01"}},
        "spec":{"type":0,"resourceID":"/subscriptions/s/resourcegroups/rg/providers/x/y/a","clientID":"c1"}})";
    const ObservedIdentity first = ObservedIdentity::fromJson(QJsonDocument::fromJson(json).object());
    const ObservedIdentity second = ObservedIdentity::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(first, second);
    QCOMPARE(first.resourceId.constData(), second.resourceId.constData());
    QCOMPARE(first.namespaceName.constData(), second.namespaceName.constData());
    QVERIFY(!first.labels.isDetached());
    QCOMPARE(first.labels.value(u"msi.azure.k8s.io/name"_s), u"a"_s);
    QCOMPARE(first.annotations.value(u"janitor/expires"_s), u"2026-01-01"_s);
}

QTEST_GUILESS_MAIN(TestStringPool)
#include "tst_stringpool.moc"
