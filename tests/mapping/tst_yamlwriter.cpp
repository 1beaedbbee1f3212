// SPDX-License-Identifier: MIT
#include "shared/util/yamlwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::YamlWriter;

class TestYamlWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scalars_data();
    void scalars();
    void nesting();
};

void TestYamlWriter::scalars_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("yaml");
    QTest::newRow("plain") << u"team-a"_s << u"team-a"_s;
    QTest::newRow("key with slash") << u"msi.azure.k8s.io/name"_s << u"msi.azure.k8s.io/name"_s;
    QTest::newRow("date is quoted") << u"2021-11-28"_s << u"\"2021-11-28\""_s;
    QTest::newRow("number is quoted") << u"0123"_s << u"\"0123\""_s;
    QTest::newRow("bool word is quoted") << u"yes"_s << u"\"yes\""_s;
    QTest::newRow("null word is quoted") << u"Null"_s << u"\"Null\""_s;
    QTest::newRow("empty") << QString() << u"\"\""_s;
    QTest::newRow("colon space") << u"a: b"_s << u"\"a: b\""_s;
    QTest::newRow("hash") << u"a #b"_s << u"\"a #b\""_s;
    QTest::newRow("leading star") << u"*x"_s << u"\"*x\""_s;
    QTest::newRow("quote and backslash") << u"say \"hi\" \\o/"_s << u"\"say \\\"hi\\\" \\\\o/\""_s;
    QTest::newRow("newline and tab") << u"a\nb\tc"_s << u"\"a\\nb\\tc\""_s;
    QTest::newRow("control") << u"a\u0001"_s << u"\"a\\x01\""_s;
    QTest::newRow("unicode kept") << u"Grüße"_s << u"\"Grüße\""_s;
    QTest::newRow("template braces") << u"{{ .Name }}"_s << u"\"{{ .Name }}\""_s;
}

void TestYamlWriter::scalars()
{
    QFETCH(QString, value);
    QFETCH(QString, yaml);
    QCOMPARE(YamlWriter::scalar(value), yaml);
}

void TestYamlWriter::nesting()
{
    const QJsonObject object = QJsonDocument::fromJson(R"({
        "spec": {"type": 0, "ratio": 0.5, "on": true, "none": null, "empty": {}, "list": []},
        "kind": "X", "apiVersion": "v1",
        "items": [{"name": "a", "b": 1}, "s", [1, 2]]
    })")
                                   .object();
    const QString expected = u"apiVersion: v1\n"
                             "kind: X\n"
                             "spec:\n"
                             "  type: 0\n"
                             "  empty: {}\n"
                             "  list: []\n"
                             "  none: null\n"
                             "  \"on\": true\n"
                             "  ratio: 0.5\n"
                             "items:\n"
                             "- name: a\n"
                             "  b: 1\n"
                             "- s\n"
                             "-\n"
                             "  - 1\n"
                             "  - 2\n"_s;
    QCOMPARE(YamlWriter::document(object), expected);
}

QTEST_GUILESS_MAIN(TestYamlWriter)
#include "tst_yamlwriter.moc"
