// SPDX-License-Identifier: MIT
#include "shared/model/clusterstate.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo;

namespace {
QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestClusterState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namespacePhase_data();
    void namespacePhase();
    void identityFromJson();
    void identityType_data();
    void identityType();
    void bindingFromJson();
    void indexesByNamespaceAndName();
};

void TestClusterState::namespacePhase_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("active");
    QTest::newRow("active") << QByteArray(R"({"metadata":{"name":"a"},"status":{"phase":"Active"}})") << true;
    QTest::newRow("no status yet") << QByteArray(R"({"metadata":{"name":"a"}})") << true;
    QTest::newRow("terminating") << QByteArray(R"({"metadata":{"name":"a"},"status":{"phase":"Terminating"}})")
                                 << false;
    QTest::newRow("deletion requested") << QByteArray(
        R"({"metadata":{"name":"a","deletionTimestamp":"2021-08-29T00:00:00Z"},)"
        R"("status":{"phase":"Active"}})")
                                        << false;
}

void TestClusterState::namespacePhase()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, active);
    const Model::ObservedNamespace ns = Model::ObservedNamespace::fromJson(parse(json));
    QCOMPARE(ns.name, u"a"_s);
    QCOMPARE(ns.isActive(), active);
}

void TestClusterState::identityFromJson()
{
    const Model::ObservedIdentity identity = Model::ObservedIdentity::fromJson(parse(R"({
        "apiVersion": "aadpodidentity.k8s.io/v1", "kind": "AzureIdentity",
        "metadata": {"name": "foobar-df39", "namespace": "test123", "uid": "u-1", "resourceVersion": "99",
                     "labels": {"msi.azure.k8s.io/name": "foobar"},
                     "annotations": {"janitor/expires": "2021-11-28"}},
        "spec": {"type": 0, "resourceID": "/subscriptions/S/resourcegroups/g/providers/p/t/foobar",
                 "clientID": "df39", "adEndpoint": "ignored"},
        "status": {"availableReplicas": 1}})"));
    QCOMPARE(identity.namespaceName, u"test123"_s);
    QCOMPARE(identity.name, u"foobar-df39"_s);
    QCOMPARE(identity.uid, u"u-1"_s);
    QCOMPARE(identity.resourceVersion, u"99"_s);
    QCOMPARE(identity.labels, (QMap<QString, QString> {{u"msi.azure.k8s.io/name"_s, u"foobar"_s}}));
    QCOMPARE(identity.annotations, (QMap<QString, QString> {{u"janitor/expires"_s, u"2021-11-28"_s}}));
    QCOMPARE(identity.type, std::optional<int>(0));
    QCOMPARE(identity.resourceId, u"/subscriptions/S/resourcegroups/g/providers/p/t/foobar"_s);
    QCOMPARE(identity.clientId, u"df39"_s);
}

void TestClusterState::identityType_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<int>("type"); // -1: absent
    QTest::newRow("user-assigned") << QByteArray(R"({"type":0})") << 0;
    QTest::newRow("service principal") << QByteArray(R"({"type":1})") << 1;
    QTest::newRow("absent") << QByteArray("{}") << -1;
    QTest::newRow("a string is not a type") << QByteArray(R"({"type":"0"})") << -1;
}

void TestClusterState::identityType()
{
    QFETCH(QByteArray, spec);
    QFETCH(int, type);
    const auto identity = Model::ObservedIdentity::fromJson(QJsonObject {{u"spec"_s, parse(spec)}});
    QCOMPARE(identity.type.value_or(-1), type);
}

void TestClusterState::bindingFromJson()
{
    const Model::ObservedBinding binding = Model::ObservedBinding::fromJson(parse(R"({
        "metadata": {"name": "foobar", "namespace": "test123", "resourceVersion": "42",
                     "labels": {"msi.azure.k8s.io/name": "foobar"}},
        "spec": {"azureIdentity": "foobar-df39", "selector": "web", "weight": 1}})"));
    QCOMPARE(binding,
             (Model::ObservedBinding {u"test123"_s,
                                      u"foobar"_s,
                                      u"42"_s,
                                      {{u"msi.azure.k8s.io/name"_s, u"foobar"_s}},
                                      u"foobar-df39"_s,
                                      u"web"_s,
                                      {}}));
}

void TestClusterState::indexesByNamespaceAndName()
{
    Model::ClusterState state;
    state.insert(Model::ObservedNamespace {u"b"_s, Model::ObservedNamespace::Phase::Active, {}, {}, {}});
    state.insert(Model::ObservedNamespace {u"t"_s, Model::ObservedNamespace::Phase::Terminating, {}, {}, {}});
    for (const QString &key : {u"b/y"_s, u"a/z"_s, u"b/x"_s}) {
        Model::ObservedIdentity identity;
        identity.namespaceName = key.section(u'/', 0, 0);
        identity.name = key.section(u'/', 1);
        state.insert(identity);
    }
    state.insert(Model::ObservedBinding {u"b"_s, u"bind"_s, u"1"_s, {}, u"x"_s, u"s"_s, {}});

    QVERIFY(state.isNamespaceReady(u"b"_s));
    QVERIFY(!state.isNamespaceReady(u"t"_s));
    QVERIFY(!state.isNamespaceReady(u"missing"_s));
    QVERIFY(state.findNamespace(u"t"_s));
    QVERIFY(state.findIdentity(u"b"_s, u"x"_s));
    QVERIFY(!state.findIdentity(u"a"_s, u"x"_s));
    QStringList order;
    for (const Model::ObservedIdentity &identity : state.identities())
        order << identity.namespaceName + u'/' + identity.name;
    QCOMPARE(order, (QStringList {u"a/z"_s, u"b/x"_s, u"b/y"_s}));
    QCOMPARE(state.bindingsIn(u"b"_s).size(), 1);
    QVERIFY(state.bindingsIn(u"a"_s).isEmpty());

    // Replacing and removing, as a watch would.
    Model::ObservedBinding moved = *state.findBinding(u"b"_s, u"bind"_s);
    moved.azureIdentity = u"y"_s;
    state.insert(moved);
    QCOMPARE(state.bindingsIn(u"b"_s).first().azureIdentity, u"y"_s);
    state.removeBinding(u"b"_s, u"bind"_s);
    QVERIFY(state.bindingsIn(u"b"_s).isEmpty());
    state.removeIdentity(u"a"_s, u"z"_s);
    QCOMPARE(state.identities().size(), 2);
    state.removeNamespace(u"b"_s);
    QVERIFY(!state.isNamespaceReady(u"b"_s));
}

QTEST_GUILESS_MAIN(TestClusterState)
#include "tst_clusterstate.moc"
