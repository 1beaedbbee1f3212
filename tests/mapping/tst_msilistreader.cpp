// SPDX-License-Identifier: MIT
#include "shared/mapping/msilistreader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Mapping::MsiListReader;

class TestMsiListReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void armFixtures_data();
    void armFixtures();
    void bareArray();
    void errorsNameTheCulprit_data();
    void errorsNameTheCulprit();
};

void TestMsiListReader::armFixtures_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::newRow("2018-11-30") << u"2018-11-30"_s;
    QTest::newRow("2023-01-31") << u"2023-01-31"_s;
    QTest::newRow("2024-11-30") << u"2024-11-30"_s;
}

void TestMsiListReader::armFixtures()
{
    QFETCH(QString, apiVersion);
    QFile file(QStringLiteral(AMO_TEST_DATA_DIR "/arm/msi/") + apiVersion + u"/IdentityListBySubscription.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    // The fixtures wrap the response body in an example envelope.
    const QJsonObject body
        = QJsonDocument::fromJson(file.readAll()).object()[u"responses"_s][u"200"_s][u"body"_s].toObject();
    const auto result = MsiListReader::read(QJsonDocument(body).toJson(), u"fixture"_s);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(u'\n')));
    QCOMPARE(result.msis.size(), 1);
    const Amo::Model::Msi &msi = result.msis.first();
    QCOMPARE(msi.name, u"identityName"_s);
    QCOMPARE(msi.resourceGroup, u"rgName"_s);
    QCOMPARE(msi.subscriptionId, u"subid"_s);
    QCOMPARE(msi.location, u"eastus"_s);
    QCOMPARE(msi.tags.value(u"key1"_s), u"value1"_s);
    QCOMPARE(msi.type, u"Microsoft.ManagedIdentity/userAssignedIdentities"_s);
    QVERIFY(!msi.clientId.isEmpty());
    QCOMPARE(result.warnings.size(), 1); // the fixtures carry a nextLink
}

void TestMsiListReader::bareArray()
{
    const auto result = MsiListReader::read(
        R"([{"id":"/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/n",
             "properties":{"clientId":"c"}}])",
        u"stdin"_s);
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.msis.size(), 1);
    QCOMPARE(result.msis.first().name, u"n"_s); // taken from the ID when absent
    QCOMPARE(result.msis.first().clientId, u"c"_s);
}

void TestMsiListReader::errorsNameTheCulprit_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("good");
    QTest::newRow("not json") << QByteArray("{nope") << u"in.json: not valid JSON at offset"_s << 0;
    QTest::newRow("wrong shape") << QByteArray(R"({"items":[]})") << u"expected an ARM list"_s << 0;
    QTest::newRow("item not object") << QByteArray("[1]") << u"in.json: item 0: expected an object"_s << 0;
    QTest::newRow("missing id") << QByteArray(R"([{"name":"x"}])") << u"item 0: missing \"id\""_s << 0;
    QTest::newRow("bad id, others kept") << QByteArray(
        R"([{"id":"/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ok"},
                          {"id":"/not/an/id"}])")
                                         << u"item 1 (\"/not/an/id\"): resource ID \"/not/an/id\" is not of the form"_s
                                         << 1;
    QTest::newRow("other resource type") << QByteArray(
        R"([{"id":"/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm"}])")
                                         << u"is not a Microsoft.ManagedIdentity/userAssignedIdentities resource"_s
                                         << 0;
    QTest::newRow("tag not string") << QByteArray(
        R"([{"id":"/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/n","tags":{"k":1}}])")
                                    << u"tag \"k\" must be a string"_s << 0;
}

void TestMsiListReader::errorsNameTheCulprit()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QFETCH(int, good);
    const auto result = MsiListReader::read(json, u"in.json"_s);
    QCOMPARE(result.errors.size(), 1);
    QVERIFY2(result.errors.first().contains(expected), qPrintable(result.errors.first()));
    QCOMPARE(result.msis.size(), good);
}

QTEST_GUILESS_MAIN(TestMsiListReader)
#include "tst_msilistreader.moc"
