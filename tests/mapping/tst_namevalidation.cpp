// SPDX-License-Identifier: MIT
#include "shared/kube/namevalidation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Kube::NameValidation;

class TestNameValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules_data();
    void rules();
};

void TestNameValidation::rules_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    // Cases follow apimachinery's validation tests for the same rules.
    QTest::newRow("label: simple") << u"label"_s << u"team-a"_s << true;
    QTest::newRow("label: digits") << u"label"_s << u"123-abc"_s << true;
    QTest::newRow("label: single char") << u"label"_s << u"a"_s << true;
    QTest::newRow("label: empty") << u"label"_s << QString() << false;
    QTest::newRow("label: upper") << u"label"_s << u"Team"_s << false;
    QTest::newRow("label: leading dash") << u"label"_s << u"-a"_s << false;
    QTest::newRow("label: trailing dash") << u"label"_s << u"a-"_s << false;
    QTest::newRow("label: dot") << u"label"_s << u"a.b"_s << false;
    QTest::newRow("label: 63") << u"label"_s << QString(63, u'a') << true;
    QTest::newRow("label: 64") << u"label"_s << QString(64, u'a') << false;
    QTest::newRow("subdomain: dots") << u"subdomain"_s << u"example.com"_s << true;
    QTest::newRow("subdomain: empty part") << u"subdomain"_s << u"a..b"_s << false;
    QTest::newRow("subdomain: trailing dot") << u"subdomain"_s << u"a."_s << false;
    QTest::newRow("subdomain: underscore") << u"subdomain"_s << u"a_b"_s << false;
    QTest::newRow("subdomain: 253") << u"subdomain"_s << QString(253, u'a') << true;
    QTest::newRow("subdomain: 254") << u"subdomain"_s << QString(254, u'a') << false;
    QTest::newRow("value: empty") << u"value"_s << QString() << true;
    QTest::newRow("value: mixed") << u"value"_s << u"My_Value.1-x"_s << true;
    QTest::newRow("value: leading dot") << u"value"_s << u".a"_s << false;
    QTest::newRow("value: paren") << u"value"_s << u"rg(prod)"_s << false;
    QTest::newRow("value: slash") << u"value"_s << u"a/b"_s << false;
    QTest::newRow("value: 64") << u"value"_s << QString(64, u'a') << false;
    QTest::newRow("key: plain") << u"key"_s << u"app"_s << true;
    QTest::newRow("key: prefixed") << u"key"_s << u"msi.azure.k8s.io/name"_s << true;
    QTest::newRow("key: upper name") << u"key"_s << u"aadpodidentity.k8s.io/Behavior"_s << true;
    QTest::newRow("key: empty prefix") << u"key"_s << u"/name"_s << false;
    QTest::newRow("key: empty name") << u"key"_s << u"example.com/"_s << false;
    QTest::newRow("key: two slashes") << u"key"_s << u"a/b/c"_s << false;
    QTest::newRow("key: upper prefix") << u"key"_s << u"Example.com/name"_s << false;
    QTest::newRow("key: space") << u"key"_s << u"msi azure/name"_s << false;
    QTest::newRow("key: name 64") << u"key"_s << u"p/"_s + QString(64, u'a') << false;
}

void TestNameValidation::rules()
{
    QFETCH(QString, rule);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QStringList problems;
    if (rule == u"label"_s)
        problems = NameValidation::dns1123Label(value);
    else if (rule == u"subdomain"_s)
        problems = NameValidation::dns1123Subdomain(value);
    else if (rule == u"value"_s)
        problems = NameValidation::labelValue(value);
    else
        problems = NameValidation::qualifiedName(value);
    QCOMPARE(problems.isEmpty(), valid);
}

QTEST_GUILESS_MAIN(TestNameValidation)
#include "tst_namevalidation.moc"
