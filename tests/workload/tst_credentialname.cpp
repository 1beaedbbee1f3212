// SPDX-License-Identifier: MIT
#include "shared/workload/credentialname.h"
#include "shared/workload/federatedcredential.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Workload::CredentialName;
using Amo::Workload::FederatedCredential;

class TestCredentialName : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validity_data();
    void validity();
    void readableWhenItFits();
    void shortenedWithAStableHash();
    void replacedCharactersKeepNamesApart();
    void armFixtureRoundTrips();
    void specComparisonIgnoresAudienceOrder();
};

void TestCredentialName::validity_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"ficResourceName"_s << true;
    QTest::newRow("dash underscore") << u"a-b_c"_s << true;
    QTest::newRow("three") << u"abc"_s << true;
    QTest::newRow("two") << u"ab"_s << false;
    QTest::newRow("leading dash") << u"-abc"_s << false;
    QTest::newRow("leading underscore") << u"_abc"_s << false;
    QTest::newRow("dot") << u"a.bc"_s << false;
    QTest::newRow("120") << QString(120, u'a') << true;
    QTest::newRow("121") << QString(121, u'a') << false;
    QTest::newRow("non-ascii") << u"caf\u00e9s"_s << false;
}

void TestCredentialName::validity()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const QString problem = CredentialName::problem(name);
    QCOMPARE(problem.isEmpty(), valid);
    if (!valid)
        QVERIFY2(problem.contains(u'"' + name + u'"'), qPrintable(problem));
}

void TestCredentialName::readableWhenItFits()
{
    QCOMPARE(CredentialName::build(u"prod-weu"_s, u"test123"_s, u"foobar"_s), u"prod-weu-test123-foobar"_s);
    QCOMPARE(CredentialName::build(QString(), u"test123"_s, u"foobar"_s), u"test123-foobar"_s);
}

void TestCredentialName::shortenedWithAStableHash()
{
    const QString sa = QString(200, u'x');
    const QString first = CredentialName::build(u"c"_s, u"ns"_s, sa);
    QCOMPARE(first.size(), CredentialName::MaxLength);
    QVERIFY2(CredentialName::problem(first).isEmpty(), qPrintable(first));
    QCOMPARE(CredentialName::build(u"c"_s, u"ns"_s, sa), first); // stable
    QVERIFY(first.startsWith(u"c-ns-xxx"_s));
    // Two long names that share their first 109 characters still differ.
    QVERIFY(CredentialName::build(u"c"_s, u"ns"_s, sa + u"y"_s) != first);
}

void TestCredentialName::replacedCharactersKeepNamesApart()
{
    // ServiceAccount names may hold dots, which Azure does not allow.
    const QString dotted = CredentialName::build(u"c"_s, u"ns"_s, u"app.web"_s);
    const QString dashed = CredentialName::build(u"c"_s, u"ns"_s, u"app-web"_s);
    QVERIFY2(CredentialName::problem(dotted).isEmpty(), qPrintable(dotted));
    QVERIFY(dotted.startsWith(u"c-ns-app-web-"_s));
    QCOMPARE(dashed, u"c-ns-app-web"_s);
    QVERIFY(dotted != dashed);
    // A cluster name that starts with something Azure does not allow is trimmed, and still valid.
    const QString odd = CredentialName::build(u"--x"_s, u"n"_s, u"s"_s);
    QVERIFY2(CredentialName::problem(odd).isEmpty(), qPrintable(odd));
}

void TestCredentialName::armFixtureRoundTrips()
{
    QFile file(QStringLiteral(AMO_TEST_DATA_DIR "/arm/msi/2023-01-31/FederatedIdentityCredentialCreate.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonObject example = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject body
        = example.value(u"responses"_s).toObject().value(u"201"_s).toObject().value(u"body"_s).toObject();
    FederatedCredential credential;
    QString error;
    QVERIFY2(FederatedCredential::fromArmJson(body, &credential, &error), qPrintable(error));
    QCOMPARE(credential.name, u"ficResourceName"_s);
    QCOMPARE(credential.subject, FederatedCredential::subjectFor(u"ns"_s, u"svcaccount"_s));
    QCOMPARE(credential.audiences, QStringList {FederatedCredential::tokenExchangeAudience()});
    const QJsonObject request = example.value(u"parameters"_s).toObject().value(u"parameters"_s).toObject();
    QCOMPARE(credential.toArmBody(), request);

    QVERIFY(!FederatedCredential::fromArmJson(QJsonObject {{u"name"_s, u"x"_s}}, &credential, &error));
    QVERIFY2(error.contains(u"\"x\""_s) && error.contains(u"issuer"_s), qPrintable(error));
}

void TestCredentialName::specComparisonIgnoresAudienceOrder()
{
    FederatedCredential a {u"n"_s, u"https://issuer"_s, u"system:serviceaccount:a:b"_s, {u"x"_s, u"y"_s}};
    FederatedCredential b = a;
    b.name = u"other"_s;
    b.audiences = {u"y"_s, u"x"_s};
    QVERIFY(a.sameSpecAs(b));
    b.issuer = u"https://issuer/"_s;
    QVERIFY(!a.sameSpecAs(b));
}

QTEST_GUILESS_MAIN(TestCredentialName)
#include "tst_credentialname.moc"
