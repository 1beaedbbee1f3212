// SPDX-License-Identifier: MIT
#include "plannerfixture.h"
#include "shared/util/mergepatch.h"

class TestMergePatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mergePatch_data();
    void mergePatch();
};

void TestMergePatch::mergePatch_data()
{
    // Examples from RFC 7386 appendix A.
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("result");
    QTest::newRow("replace") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":"c"})") << QByteArray(R"({"a":"c"})");
    QTest::newRow("add") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"b":"c"})")
                         << QByteArray(R"({"a":"b","b":"c"})");
    QTest::newRow("remove") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":null})") << QByteArray("{}");
    QTest::newRow("remove one of two") << QByteArray(R"({"a":"b","b":"c"})") << QByteArray(R"({"a":null})")
                                       << QByteArray(R"({"b":"c"})");
    QTest::newRow("array replaced") << QByteArray(R"({"a":["b"]})") << QByteArray(R"({"a":"c"})")
                                    << QByteArray(R"({"a":"c"})");
    QTest::newRow("nested") << QByteArray(R"({"a":{"b":"c"}})") << QByteArray(R"({"a":{"b":"d","c":null}})")
                            << QByteArray(R"({"a":{"b":"d"}})");
    QTest::newRow("scalar becomes object") << QByteArray(R"({"a":"foo"})") << QByteArray(R"({"a":{"bb":{"ccc":null}}})")
                                           << QByteArray(R"({"a":{"bb":{}}})");
    QTest::newRow("empty patch") << QByteArray(R"({"a":"b"})") << QByteArray("{}") << QByteArray(R"({"a":"b"})");
}

void TestMergePatch::mergePatch()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, result);
    QCOMPARE(compact(Amo::MergePatch::apply(QJsonDocument::fromJson(target).object(),
                                            QJsonDocument::fromJson(patch).object())),
             result);
}

QTEST_GUILESS_MAIN(TestMergePatch)
#include "tst_mergepatch.moc"
