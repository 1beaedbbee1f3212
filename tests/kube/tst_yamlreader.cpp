// SPDX-License-Identifier: MIT
#include "shared/util/yamlreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::YamlReader;

class TestYamlReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documents_data();
    void documents();
    void errors_data();
    void errors();
    void allDocuments();
    void azAksKubeconfig();
    void kindKubeconfig();
};

static QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

void TestYamlReader::documents_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QJsonValue>("expected");
    auto row = [](const char *name, const char *yaml, const char *expected) {
        QTest::newRow(name) << QByteArray(yaml) << json(expected);
    };
    row("empty", "", "null");
    row("comment only", "# nothing\n", "null");
    row("plain map", "a: b\nc: d e\n", R"({"a":"b","c":"d e"})");
    row("core schema", "n: ~\nt: true\nf: False\ni: 42\nneg: -7\nx: 1.5\ns: yes\nh: 0x1f\nv: 1.2.3\n",
        R"({"n":null,"t":true,"f":false,"i":42,"neg":-7,"x":1.5,"s":"yes","h":31,"v":"1.2.3"})");
    row("nested", "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n", R"({"a":{"b":{"c":1},"d":2},"e":3})");
    row("seq same indent", "items:\n- a\n- b\nnext: x\n", R"({"items":["a","b"],"next":"x"})");
    row("seq indented", "items:\n  - a\n  -   b\n", R"({"items":["a","b"]})");
    row("seq of maps", "l:\n- name: a\n  v: 1\n- name: b\n  sub:\n    k: v\n",
        R"({"l":[{"name":"a","v":1},{"name":"b","sub":{"k":"v"}}]})");
    row("dash then block", "l:\n-\n  name: a\n", R"({"l":[{"name":"a"}]})");
    row("nested seq", "- - a\n  - b\n- c\n", R"([["a","b"],"c"])");
    row("comments", "# head\na: b # tail\nc: 'x # not' # real\nd: x#y\n\n  # indented\ne: f\n",
        R"({"a":"b","c":"x # not","d":"x#y","e":"f"})");
    row("single quoted", "a: 'it''s'\nb: ''\n", R"({"a":"it's","b":""})");
    row("double quoted", R"(a: "tab\there \"q\" \\ \u00e9 \x41")", R"({"a":"tab\there \"q\" \\ é A"})");
    row("quoted key", "\"a b\": 1\n'c:d': 2\n", R"({"a b":1,"c:d":2})");
    row("colon in value", "server: https://1.2.3.4:6443\nurl: http://x\n",
        R"({"server":"https://1.2.3.4:6443","url":"http://x"})");
    row("folded double quoted", "a: \"one\n  two\n\n  three\"\nb: 1\n", R"({"a":"one two\nthree","b":1})");
    row("escaped line break", "a: \"ab\\\n   cd\"\n", R"({"a":"abcd"})");
    row("multi-line plain", "a: one\n  two\n  three\nb: c\n", R"({"a":"one two three","b":"c"})");
    row("flow", "a: []\nb: {}\nc: [x, 'y', \"z\", 1]\nd: {k: v, n: [1, 2]}\n",
        R"({"a":[],"b":{},"c":["x","y","z",1],"d":{"k":"v","n":[1,2]}})");
    row("flow multi-line", "a: [x,\n  y]\nb: 1\n", R"({"a":["x","y"],"b":1})");
    row("literal", "a: |\n  line 1\n    more\n  line 3\nb: x\n", R"({"a":"line 1\n  more\nline 3\n","b":"x"})");
    row("literal strip keep", "a: |-\n  x\n\nb: |+\n  y\n\n\nc: 1\n", R"({"a":"x","b":"y\n\n\n","c":1})");
    row("literal keeps #", "a: |\n  # not a comment\n  x\n", R"({"a":"# not a comment\nx\n"})");
    row("folded", "a: >\n  one\n  two\n\n  three\n    indented\n  four\n",
        R"({"a":"one two\nthree\n  indented\nfour\n"})");
    row("indent indicator", "a: |2\n    x\n   y\n", R"({"a":"  x\n y\n"})");
    row("document markers", "%YAML 1.2\n---\na: 1\n...\nb: 2\n", R"({"a":1})");
    row("second document ignored", "a: 1\n---\nb: 2\n", R"({"a":1})");
    row("empty values", "a:\nb:\n  c:\n", R"({"a":null,"b":{"c":null}})");
    row("crlf", "a: 1\r\nb:\r\n- x\r\n", R"({"a":1,"b":["x"]})");
    row("top scalar", "hello world\n", R"("hello world")");
    row("anchor and alias", "base: &b {x: 1}\nother: *b\nlist: [&s one, *s]\n",
        R"({"base":{"x":1},"other":{"x":1},"list":["one","one"]})");
    row("merge key", "d: &d\n  a: 1\n  b: 2\nm:\n  <<: *d\n  b: 3\n", R"({"d":{"a":1,"b":2},"m":{"a":1,"b":3}})");
    row("merge list first wins", "x: &x {a: 1}\ny: &y {a: 2, b: 2}\nm:\n  <<: [*x, *y]\n",
        R"({"x":{"a":1},"y":{"a":2,"b":2},"m":{"a":1,"b":2}})");
    row("quoted merge key is a key", "'<<': 1\n", R"({"<<":1})");
    row("tags", "a: !!str 42\nb: !!int \"7\"\nc: !custom x\nd: !!binary QUJD\ne: !!float 1\nf: !!null ''\n",
        R"({"a":"42","b":7,"c":"x","d":"QUJD","e":1,"f":null})");
    row("quoted scalars stay strings", "a: \"42\"\nb: 'true'\nc: \"\"\n", R"({"a":"42","b":"true","c":""})");
}

void TestYamlReader::documents()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QJsonValue, expected);
    const YamlReader::Result r = YamlReader::parse(yaml);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.value, expected);
}

void TestYamlReader::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad indent") << QByteArray("a: 1\n   b: 2\n") << u"line 2, column 5: illegal map value"_s;
    QTest::newRow("duplicate") << QByteArray("a: 1\na: 2\n") << u"line 2, column 1: duplicate key \"a\""_s;
    QTest::newRow("unterminated flow map")
        << QByteArray("a: {b: 1\n") << u"line 2, column 1: end of map flow not found"_s;
    QTest::newRow("two values") << QByteArray("a: b: c\n") << u"line 1, column 5: illegal map value"_s;
    QTest::newRow("unknown alias") << QByteArray("a: 1\nb: *x\n")
                                   << u"line 2, column 4: the referenced anchor is not defined"_s;
    QTest::newRow("seq then map") << QByteArray("- a\nb: 1\n") << u"line 2, column 1: content after the end"_s;
    QTest::newRow("map then seq") << QByteArray("a: 1\n# c\n\n- b\n") << u"line 4, column 1: end of map not found"_s;
    QTest::newRow("bad flow") << QByteArray("a: [1, 2\n") << u"end of sequence flow not found"_s;
    QTest::newRow("complex key") << QByteArray("? [a, b]\n: 1\n") << u"line 1, column 3: only scalar mapping keys"_s;
    QTest::newRow("bad int tag") << QByteArray("a: !!int x\n") << u"\"x\" is not a valid !!int"_s;
    QTest::newRow("merge of a scalar") << QByteArray("a:\n  <<: 1\n") << u"merge key (<<) takes a mapping"_s;
    // Nine levels of ten aliases each would expand to a billion nodes; reading stops at 100000.
    QByteArray laughs = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i) {
        const QByteArray prev = "*l" + QByteArray::number(i - 1);
        laughs += "l" + QByteArray::number(i) + ": &l" + QByteArray::number(i) + " [" + prev;
        for (int j = 1; j < 10; ++j)
            laughs += ", " + prev;
        laughs += "]\n";
    }
    QTest::newRow("billion laughs") << laughs << u"more than 100000 nodes"_s;
    // 50,000 nested flow sequences would exhaust the stack; the parser stops and says why.
    QTest::newRow("deep nesting") << (QByteArray("a: ") + QByteArray(50000, '[')) << u"levels deep"_s;
}

void TestYamlReader::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, message);
    const YamlReader::Result r = YamlReader::parse(yaml);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QVERIFY2(r.line > 0 && r.column > 0, qPrintable(r.error));
    QVERIFY(r.error.startsWith(u"line %1, column %2: "_s.arg(r.line).arg(r.column)));
}

void TestYamlReader::allDocuments()
{
    const YamlReader::Result r = YamlReader::parse("a: 1\n---\n# second\nb: [2]\n---\n...\n");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.documents.size(), 3);
    QCOMPARE(r.value, r.documents[0]);
    QCOMPARE(r.documents[1], json(R"({"b":[2]})"));
    QCOMPARE(r.documents[2], QJsonValue());
}

void TestYamlReader::azAksKubeconfig()
{
    // The shape `az aks get-credentials` writes for an Entra ID cluster after `kubelogin convert-kubeconfig`.
    const QByteArray yaml = R"(apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUU2RENDQXRDZ0F3SUJBZ0lRT==
    server: https://myaks-dns-12345678.hcp.westeurope.azmk8s.io:443
  name: myaks
contexts:
- context:
    cluster: myaks
    user: clusterUser_rg_myaks
  name: myaks
current-context: myaks
kind: Config
preferences: {}
users:
- name: clusterUser_rg_myaks
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      args:
      - get-token
      - --login
      - azurecli
      - --server-id
      - 6dae42f8-4368-4678-94ff-3960e28e3630
      command: kubelogin
      env: null
      installHint: |2

        kubelogin is not installed which is required to connect to AAD enabled cluster.

        To learn more, please go to https://aka.ms/aks/kubelogin
      provideClusterInfo: false
)";
    const YamlReader::Result r = YamlReader::parse(yaml);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QJsonObject o = r.value.toObject();
    QCOMPARE(o[u"current-context"_s].toString(), u"myaks"_s);
    QCOMPARE(o[u"preferences"_s].toObject(), QJsonObject());
    const QJsonObject exec = o[u"users"_s][0][u"user"_s][u"exec"_s].toObject();
    QCOMPARE(exec[u"args"_s].toArray().size(), 5);
    QCOMPARE(exec[u"env"_s], QJsonValue());
    QCOMPARE(exec[u"provideClusterInfo"_s], QJsonValue(false));
    QCOMPARE(exec[u"installHint"_s].toString(),
             u"\nkubelogin is not installed which is required to connect to AAD enabled cluster.\n\n"
             u"To learn more, please go to https://aka.ms/aks/kubelogin\n"_s);
    QCOMPARE(o[u"clusters"_s][0][u"cluster"_s][u"server"_s].toString(),
             u"https://myaks-dns-12345678.hcp.westeurope.azmk8s.io:443"_s);
}

void TestYamlReader::kindKubeconfig()
{
    // kind and `kubectl config view --raw` write the same layout, with quoted empty strings and timestamps.
    const QByteArray yaml = R"(apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: QUJD
    server: https://127.0.0.1:40123
  name: kind-kind
contexts:
- context:
    cluster: kind-kind
    namespace: "team-a"
    user: kind-kind
  name: kind-kind
current-context: kind-kind
kind: Config
preferences: {}
users:
- name: kind-kind
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
- name: "with-token"
  user:
    token: 'abc.def'
    as-groups: [system:masters, "dev"]
)";
    const YamlReader::Result r = YamlReader::parse(yaml);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QJsonObject o = r.value.toObject();
    QCOMPARE(o[u"contexts"_s][0][u"context"_s][u"namespace"_s].toString(), u"team-a"_s);
    QCOMPARE(o[u"users"_s][1][u"user"_s][u"token"_s].toString(), u"abc.def"_s);
    QCOMPARE(o[u"users"_s][1][u"user"_s][u"as-groups"_s].toArray(), (QJsonArray {u"system:masters"_s, u"dev"_s}));
    QCOMPARE(o[u"users"_s][0][u"user"_s][u"client-key-data"_s].toString(), u"S0VZ"_s);
}

QTEST_GUILESS_MAIN(TestYamlReader)
#include "tst_yamlreader.moc"
