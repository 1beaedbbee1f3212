// SPDX-License-Identifier: MIT
#include "shared/sandbox/kubeaccesscontrol.h"
#include "shared/sandbox/kuberesourcetype.h"
#include "shared/sandbox/kubestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace Amo;
using namespace Amo::Sandbox;

namespace {

const KubeResourceType &type(const QString &group, const QString &resource)
{
    return *KubeResourceType::find(group, u"v1"_s, resource);
}
const KubeResourceType &identities()
{
    return type(u"aadpodidentity.k8s.io"_s, u"azureidentities"_s);
}
const KubeResourceType &namespaces()
{
    return type({}, u"namespaces"_s);
}

QJsonObject identity(const QString &ns, const QString &name, const QJsonObject &labels = {})
{
    QJsonObject metadata {{u"name"_s, name}, {u"namespace"_s, ns}};
    if (!labels.isEmpty())
        metadata.insert(u"labels"_s, labels);
    return {{u"apiVersion"_s, u"aadpodidentity.k8s.io/v1"_s},
            {u"kind"_s, u"AzureIdentity"_s},
            {u"metadata"_s, metadata},
            {u"spec"_s, QJsonObject {{u"type"_s, 0}, {u"clientID"_s, QString(u"c-"_s + name)}}}};
}

QJsonObject parseEvent(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

QString rvOf(const KubeObjectPtr &o)
{
    return o->metadata().value(u"resourceVersion"_s).toString();
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

class TestKubeStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createSetsMetadata();
    void errors_data();
    void errors();
    void generationAndNoOpUpdates();
    void patches_data();
    void patches();
    void labelSelector_data();
    void labelSelector();
    void fieldSelector();
    void pagination();
    void continueExpiry();
    void watchInitialState();
    void watchFromResourceVersion();
    void watchSelectorTransitions();
    void watchBookmarks();
    void watchTooOldAsEvent();
    void watchTooOldAsHttpError();
    void runningWatchExpiredAndDropped();
    void watchTimeout();
    void namespaceDeleteCascades();
    void expiredContinueCarriesFreshToken();
    void futureResourceVersionIsTooLarge();
    void exactListServesThatRevision();
    void dryRunPersistsNothing();
    void finalizersDelayDeletion();
    void terminatingNamespaceRefusesCreates();
    void schemaPrunesAndChecksTypes();
    void putRules();
    void eventsServedInBothShapes();
    void rbac_data();
    void rbac();
    void authentication();
    void scenario();
    void scale();

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<KubeStore> m_store;
};

void TestKubeStore::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC));
    m_store = std::make_unique<KubeStore>(*m_clock);
    m_store->put(QJsonObject {{u"apiVersion"_s, u"v1"_s},
                              {u"kind"_s, u"Namespace"_s},
                              {u"metadata"_s, QJsonObject {{u"name"_s, u"team-a"_s}}}});
}

void TestKubeStore::createSetsMetadata()
{
    const qint64 before = m_store->resourceVersion();
    const KubeResult r = m_store->create(identities(), u"team-a"_s, identity(u"team-a"_s, u"id1"_s));
    QVERIFY(r.ok());
    const QJsonObject md = r.object->metadata();
    QCOMPARE(md.value(u"resourceVersion"_s).toString(), QString::number(before + 1));
    QCOMPARE(md.value(u"generation"_s).toInt(), 1);
    QCOMPARE(md.value(u"creationTimestamp"_s).toString(), u"2024-05-01T12:00:00Z"_s);
    QCOMPARE(md.value(u"uid"_s).toString().size(), 36);
    QCOMPARE(md.value(u"namespace"_s).toString(), u"team-a"_s);
    QCOMPARE(m_store->get(identities(), u"team-a"_s, u"id1"_s).object, r.object);
    const QJsonObject ns = m_store->get(namespaces(), {}, u"team-a"_s).object->json();
    QCOMPARE(ns.value(u"status"_s).toObject().value(u"phase"_s).toString(), u"Active"_s);
}

void TestKubeStore::errors_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");

    const auto withName = [](const QString &name) {
        return identity(u"team-a"_s, name);
    };
    QTest::newRow("duplicate create") << u"create"_s << withName(u"id1"_s) << 409 << u"AlreadyExists"_s
                                      << u"azureidentities.aadpodidentity.k8s.io \"id1\" already exists"_s;
    QJsonObject stale = withName(u"id1"_s);
    QJsonObject md = stale.value(u"metadata"_s).toObject();
    md.insert(u"resourceVersion"_s, u"1"_s);
    stale.insert(u"metadata"_s, md);
    QTest::newRow("stale update") << u"update"_s << stale << 409 << u"Conflict"_s
                                  << u"Operation cannot be fulfilled on azureidentities.aadpodidentity.k8s.io \"id1\": "
                                     "the object has been modified; please apply your changes to the latest version "
                                     "and try again"_s;
    QTest::newRow("get missing") << u"get"_s << withName(u"nope"_s) << 404 << u"NotFound"_s
                                 << u"azureidentities.aadpodidentity.k8s.io \"nope\" not found"_s;
    QTest::newRow("update missing") << u"update"_s << withName(u"nope"_s) << 404 << u"NotFound"_s
                                    << u"azureidentities.aadpodidentity.k8s.io \"nope\" not found"_s;
    QTest::newRow("missing namespace") << u"create-in-nope"_s << identity(u"nope"_s, u"x"_s) << 404 << u"NotFound"_s
                                       << u"namespaces \"nope\" not found"_s;
    QTest::newRow("bad name") << u"create"_s << withName(u"Bad_Name"_s) << 422 << u"Invalid"_s
                              << u"AzureIdentity.aadpodidentity.k8s.io \"Bad_Name\" is invalid: metadata.name: "
                                 "Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain"_s;
    QTest::newRow("bad label key") << u"create"_s << identity(u"team-a"_s, u"x"_s, {{u"a/b/c"_s, u"v"_s}}) << 422
                                   << u"Invalid"_s << u"metadata.labels: Invalid value: \"a/b/c\""_s;
    QTest::newRow("bad label value") << u"create"_s << identity(u"team-a"_s, u"x"_s, {{u"k"_s, u"-v"_s}}) << 422
                                     << u"Invalid"_s << u"metadata.labels: Invalid value: \"-v\": a valid label"_s;
    QTest::newRow("name mismatch") << u"update-other"_s << withName(u"id1"_s) << 400 << u"BadRequest"_s
                                   << u"the name of the object (id1) does not match the name on the URL (other)"_s;
    QTest::newRow("bad namespace name")
        << u"create-ns"_s << QJsonObject {{u"metadata"_s, QJsonObject {{u"name"_s, u"a.b"_s}}}} << 422 << u"Invalid"_s
        << u"Namespace \"a.b\" is invalid: metadata.name: Invalid value: \"a.b\": a lowercase RFC 1123 label"_s;
}

void TestKubeStore::errors()
{
    QFETCH(QString, operation);
    QFETCH(QJsonObject, body);
    QVERIFY(m_store->create(identities(), u"team-a"_s, identity(u"team-a"_s, u"id1"_s)).ok());
    m_store->update(identities(), u"team-a"_s, u"id1"_s, identity(u"team-a"_s, u"id1"_s)); // rv moves on
    const QString name = body.value(u"metadata"_s).toObject().value(u"name"_s).toString();
    KubeResult r;
    if (operation == u"create")
        r = m_store->create(identities(), u"team-a"_s, body);
    else if (operation == u"create-in-nope")
        r = m_store->create(identities(), u"nope"_s, body);
    else if (operation == u"create-ns")
        r = m_store->create(namespaces(), {}, body);
    else if (operation == u"update")
        r = m_store->update(identities(), u"team-a"_s, name, body);
    else if (operation == u"update-other")
        r = m_store->update(identities(), u"team-a"_s, u"other"_s, body);
    else
        r = m_store->get(identities(), u"team-a"_s, name);
    QVERIFY(!r.ok());
    const QJsonObject status = r.error.status;
    QTEST(r.error.code, "code");
    QCOMPARE(status.value(u"code"_s).toInt(), r.error.code);
    QCOMPARE(status.value(u"kind"_s).toString(), u"Status"_s);
    QCOMPARE(status.value(u"status"_s).toString(), u"Failure"_s);
    QTEST(status.value(u"reason"_s).toString(), "reason");
    QFETCH(QString, message);
    QVERIFY2(status.value(u"message"_s).toString().contains(message),
             qPrintable(status.value(u"message"_s).toString()));
    if (r.error.code == 422) {
        const QJsonArray causes = status.value(u"details"_s).toObject().value(u"causes"_s).toArray();
        QVERIFY(!causes.isEmpty());
        QVERIFY(causes.at(0).toObject().value(u"field"_s).toString().startsWith(u"metadata."_s));
    }
    if (r.error.code == 404 || r.error.code == 409)
        QVERIFY(!status.value(u"details"_s).toObject().value(u"name"_s).toString().isEmpty());
}

void TestKubeStore::generationAndNoOpUpdates()
{
    const KubeObjectPtr created = m_store->create(identities(), u"team-a"_s, identity(u"team-a"_s, u"g"_s)).object;
    QJsonObject body = created->json();
    // Same content: no write, no new resourceVersion.
    const KubeResult same = m_store->update(identities(), u"team-a"_s, u"g"_s, body);
    QVERIFY(same.ok());
    QCOMPARE(rvOf(same.object), rvOf(created));
    // Label change: new resourceVersion, same generation.
    QJsonObject md = body.value(u"metadata"_s).toObject();
    md.insert(u"labels"_s, QJsonObject {{u"a"_s, u"b"_s}});
    body.insert(u"metadata"_s, md);
    const KubeResult labelled = m_store->update(identities(), u"team-a"_s, u"g"_s, body);
    QVERIFY(rvOf(labelled.object) != rvOf(created));
    QCOMPARE(labelled.object->metadata().value(u"generation"_s).toInt(), 1);
    // Spec change: generation 2; uid and creationTimestamp survive.
    const KubeResult specChanged
        = m_store->patch(identities(), u"team-a"_s, u"g"_s, KubePatchType::Merge, R"({"spec":{"clientID":"new"}})");
    QVERIFY(specChanged.ok());
    QCOMPARE(specChanged.object->metadata().value(u"generation"_s).toInt(), 2);
    QCOMPARE(specChanged.object->metadata().value(u"uid"_s), created->metadata().value(u"uid"_s));
}

void TestKubeStore::patches_data()
{
    QTest::addColumn<int>("patchType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("clientID");

    const int merge = int(KubePatchType::Merge), json = int(KubePatchType::Json);
    QTest::newRow("merge") << merge << QByteArray(R"({"spec":{"clientID":"m"}})") << 200 << u"m"_s;
    QTest::newRow("merge removes") << merge << QByteArray(R"({"spec":{"clientID":null}})") << 200 << QString();
    QTest::newRow("merge stale rv") << merge << QByteArray(R"({"metadata":{"resourceVersion":"1"}})") << 409
                                    << u"c-p"_s;
    QTest::newRow("json replace") << json << QByteArray(R"([{"op":"replace","path":"/spec/clientID","value":"j"}])")
                                  << 200 << u"j"_s;
    QTest::newRow("json test ok")
        << json
        << QByteArray(
               R"([{"op":"test","path":"/spec/clientID","value":"c-p"},{"op":"add","path":"/spec/clientID","value":"t"}])")
        << 200 << u"t"_s;
    QTest::newRow("json test fails")
        << json
        << QByteArray(
               R"([{"op":"test","path":"/spec/clientID","value":"x"},{"op":"add","path":"/spec/clientID","value":"t"}])")
        << 422 << u"c-p"_s;
    QTest::newRow("json move") << json << QByteArray(R"([{"op":"move","from":"/spec/clientID","path":"/spec/x"}])")
                               << 200 << QString();
    QTest::newRow("json copy") << json
                               << QByteArray(R"([{"op":"copy","from":"/metadata/name","path":"/spec/clientID"}])")
                               << 200 << u"p"_s;
    QTest::newRow("json remove missing") << json << QByteArray(R"([{"op":"remove","path":"/spec/nope"}])") << 422
                                         << u"c-p"_s;
    QTest::newRow("json malformed") << json << QByteArray(R"({"op":"add"})") << 400 << u"c-p"_s;
    QTest::newRow("not json") << merge << QByteArray("{nope") << 400 << u"c-p"_s;
    QTest::newRow("strategic on CRD") << int(KubePatchType::Strategic) << QByteArray("{}") << 415 << u"c-p"_s;
}

void TestKubeStore::patches()
{
    QFETCH(int, patchType);
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, clientID);
    QVERIFY(m_store->create(identities(), u"team-a"_s, identity(u"team-a"_s, u"p"_s)).ok());
    m_store->patch(identities(), u"team-a"_s, u"p"_s, KubePatchType::Merge, R"({"metadata":{"labels":{"x":"y"}}})");
    const KubeResult r = m_store->patch(identities(), u"team-a"_s, u"p"_s, KubePatchType(patchType), body);
    QCOMPARE(r.ok() ? 200 : r.error.code, code);
    const KubeObjectPtr now = m_store->object(identities(), u"team-a"_s, u"p"_s);
    QCOMPARE(now->json().value(u"spec"_s).toObject().value(u"clientID"_s).toString(), clientID);
}

void TestKubeStore::labelSelector_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("valid");

    QTest::newRow("equals") << u"app=web"_s << QStringList {u"a"_s} << true;
    QTest::newRow("double equals") << u"app==web"_s << QStringList {u"a"_s} << true;
    QTest::newRow("not equals") << u"app!=web"_s << QStringList {u"b"_s, u"c"_s} << true;
    QTest::newRow("in") << u"app in (web, db)"_s << QStringList {u"a"_s, u"b"_s} << true;
    QTest::newRow("notin") << u"app notin (web)"_s << QStringList {u"b"_s, u"c"_s} << true;
    QTest::newRow("exists") << u"app"_s << QStringList {u"a"_s, u"b"_s} << true;
    QTest::newRow("not exists") << u"!app"_s << QStringList {u"c"_s} << true;
    QTest::newRow("and") << u"app,tier=back"_s << QStringList {u"b"_s} << true;
    QTest::newRow("empty") << QString() << QStringList {u"a"_s, u"b"_s, u"c"_s} << true;
    QTest::newRow("bad operator") << u"app>web"_s << QStringList {} << false;
    QTest::newRow("unclosed set") << u"app in (web"_s << QStringList {} << false;
    QTest::newRow("bad key") << u"-app=web"_s << QStringList {} << false;
}

void TestKubeStore::labelSelector()
{
    QFETCH(QString, selector);
    QFETCH(QStringList, expected);
    QFETCH(bool, valid);
    m_store->put(identity(u"team-a"_s, u"a"_s, {{u"app"_s, u"web"_s}}));
    m_store->put(identity(u"team-a"_s, u"b"_s, {{u"app"_s, u"db"_s}, {u"tier"_s, u"back"_s}}));
    m_store->put(identity(u"team-a"_s, u"c"_s));
    KubeListOptions options;
    options.labelSelector = selector;
    const KubeListResult r = m_store->list(identities(), u"team-a"_s, options);
    QCOMPARE(!r.error.isError(), valid);
    if (!valid) {
        QCOMPARE(r.error.code, 400);
        QCOMPARE(r.error.status.value(u"reason"_s).toString(), u"BadRequest"_s);
        return;
    }
    QStringList names;
    for (const auto &o : r.items)
        names.append(o->metadata().value(u"name"_s).toString());
    QCOMPARE(names, expected);
}

void TestKubeStore::fieldSelector()
{
    m_store->put(identity(u"team-a"_s, u"a"_s));
    m_store->put(identity(u"team-b"_s, u"b"_s));
    const auto names = [&](const QString &selector, const QString &ns = {}) {
        KubeListOptions options;
        options.fieldSelector = selector;
        QStringList out;
        for (const auto &o : m_store->list(identities(), ns, options).items)
            out.append(o->metadata().value(u"name"_s).toString());
        return out;
    };
    QCOMPARE(names(u"metadata.name=a"_s), QStringList {u"a"_s});
    QCOMPARE(names(u"metadata.name==b"_s), QStringList {u"b"_s});
    QCOMPARE(names(u"metadata.namespace!=team-a"_s), QStringList {u"b"_s});
    QCOMPARE(names(u"metadata.namespace=team-b,metadata.name=a"_s), QStringList {});
    KubeListOptions bad;
    bad.fieldSelector = u"spec.clientID=x"_s;
    const KubeListResult r = m_store->list(identities(), {}, bad);
    QCOMPARE(r.error.code, 400);
    QVERIFY(r.error.status.value(u"message"_s).toString().contains(u"not a known field selector"_s));
}

void TestKubeStore::pagination()
{
    for (int i = 0; i < 25; ++i)
        m_store->put(
            identity(u"team-a"_s, u"id%1"_s.arg(i, 2, 10, QChar(u'0')), {{u"even"_s, i % 2 ? u"no"_s : u"yes"_s}}));
    KubeListOptions options;
    options.limit = 10;
    KubeListResult page = m_store->list(identities(), {}, options);
    const qint64 firstRv = page.resourceVersion;
    QCOMPARE(page.items.size(), 10);
    QCOMPARE(page.remainingItemCount, 15);
    QVERIFY(!page.continueToken.isEmpty());
    // Changes after the first page do not show up in later pages.
    m_store->put(identity(u"team-a"_s, u"id99"_s));
    m_store->remove(identities(), u"team-a"_s, u"id24"_s);
    QStringList seen;
    for (const auto &o : page.items)
        seen.append(o->metadata().value(u"name"_s).toString());
    int pages = 1;
    while (!page.continueToken.isEmpty()) {
        options.continueToken = page.continueToken;
        page = m_store->list(identities(), {}, options);
        QVERIFY(!page.error.isError());
        QCOMPARE(page.resourceVersion, firstRv);
        for (const auto &o : page.items)
            seen.append(o->metadata().value(u"name"_s).toString());
        ++pages;
    }
    QCOMPARE(pages, 3);
    QCOMPARE(page.remainingItemCount, -1);
    QCOMPARE(seen.size(), 25);
    QVERIFY(seen.contains(u"id24"_s));
    QVERIFY(!seen.contains(u"id99"_s));
    QVERIFY(page.toJson(identities()).contains("\"kind\":\"AzureIdentityList\""));

    // With a selector the limit counts matches and remainingItemCount is left out.
    KubeListOptions selected;
    selected.limit = 5;
    selected.labelSelector = u"even=yes"_s;
    const KubeListResult filtered = m_store->list(identities(), u"team-a"_s, selected);
    QCOMPARE(filtered.items.size(), 5);
    QCOMPARE(filtered.remainingItemCount, -1);
    QVERIFY(!filtered.continueToken.isEmpty());

    KubeListOptions withRv = options;
    withRv.resourceVersion = u"5"_s;
    QCOMPARE(m_store->list(identities(), {}, withRv).error.code, 400);
    KubeListOptions garbage;
    garbage.continueToken = u"!!!"_s;
    QCOMPARE(m_store->list(identities(), {}, garbage).error.code, 400);
}

// apiserver etcd3 store (handleCompactedErrorForPaging): the 410 carries a token over the current state.
void TestKubeStore::expiredContinueCarriesFreshToken()
{
    for (int i = 0; i < 5; ++i)
        m_store->put(identity(u"team-a"_s, u"id%1"_s.arg(i)));
    KubeListOptions options;
    options.limit = 2;
    const QString token = m_store->list(identities(), {}, options).continueToken;
    m_store->compactNow();
    m_store->put(identity(u"team-a"_s, u"id9"_s));
    options.continueToken = token;
    const KubeListResult expired = m_store->list(identities(), {}, options);
    QCOMPARE(expired.error.code, 410);
    QVERIFY(expired.error.status.value(u"message"_s).toString().contains(u"inconsistent list"_s));
    const QJsonObject listMeta = expired.error.status.value(u"metadata"_s).toObject();
    QCOMPARE(listMeta.value(u"remainingItemCount"_s).toInt(), 4); // id2, id3, id4 and the new id9
    options.continueToken = listMeta.value(u"continue"_s).toString();
    options.limit = 0;
    const KubeListResult rest = m_store->list(identities(), {}, options);
    QVERIFY(!rest.error.isError());
    QStringList names;
    for (const KubeObjectPtr &o : rest.items)
        names.append(o->metadata().value(u"name"_s).toString());
    QCOMPARE(names, (QStringList {u"id2"_s, u"id3"_s, u"id4"_s, u"id9"_s}));
}

// A version the server has not reached is refused (cacher: "Too large resource version"), for lists and
// watches alike, so a client of a restarted simulator relists instead of silently missing changes.
void TestKubeStore::futureResourceVersionIsTooLarge()
{
    KubeListOptions options;
    options.resourceVersion = QString::number(m_store->resourceVersion() + 10);
    const KubeListResult list = m_store->list(identities(), {}, options);
    QCOMPARE(list.error.code, 504);
    QVERIFY(list.error.status.value(u"message"_s).toString().startsWith(u"Too large resource version"_s));
    KubeWatchOptions watchOptions;
    watchOptions.resourceVersion = options.resourceVersion;
    KubeError error;
    QCOMPARE(m_store->watch(identities(), {}, watchOptions, nullptr, &error), nullptr);
    QCOMPARE(error.code, 504);
}

void TestKubeStore::exactListServesThatRevision()
{
    m_store->put(identity(u"team-a"_s, u"before"_s));
    const QString rv = QString::number(m_store->resourceVersion());
    m_store->put(identity(u"team-a"_s, u"after"_s));
    m_store->remove(identities(), u"team-a"_s, u"before"_s);
    KubeListOptions options;
    options.resourceVersion = rv;
    options.resourceVersionMatch = u"Exact"_s;
    const KubeListResult then = m_store->list(identities(), u"team-a"_s, options);
    QVERIFY(!then.error.isError());
    QCOMPARE(then.resourceVersion, rv.toLongLong());
    QCOMPARE(then.items.size(), 1);
    QCOMPARE(then.items.at(0)->metadata().value(u"name"_s).toString(), u"before"_s);
    m_store->compactNow();
    QCOMPARE(m_store->list(identities(), u"team-a"_s, options).error.code, 410);
}

void TestKubeStore::dryRunPersistsNothing()
{
    KubeWriteOptions dry;
    dry.dryRun = true;
    const qint64 rv = m_store->resourceVersion();
    QVERIFY(m_store->create(identities(), u"team-a"_s, identity(u"team-a"_s, u"ghost"_s), dry).ok());
    QCOMPARE(m_store->object(identities(), u"team-a"_s, u"ghost"_s), nullptr);
    // Checks still run: a second real create of an existing name conflicts even when dry.
    m_store->put(identity(u"team-a"_s, u"real"_s));
    QCOMPARE(m_store->create(identities(), u"team-a"_s, identity(u"team-a"_s, u"real"_s), dry).error.code, 409);
    QVERIFY(m_store->remove(identities(), u"team-a"_s, u"real"_s, {}, dry).ok());
    QVERIFY(m_store->object(identities(), u"team-a"_s, u"real"_s));
    QVERIFY(m_store->remove(namespaces(), {}, u"team-a"_s, {}, dry).ok());
    QVERIFY(m_store->object(namespaces(), {}, u"team-a"_s));
    QCOMPARE(m_store->resourceVersion(), rv + 1); // only the real put
}

void TestKubeStore::finalizersDelayDeletion()
{
    QJsonObject held = identity(u"team-a"_s, u"held"_s);
    QJsonObject md = held.value(u"metadata"_s).toObject();
    md.insert(u"finalizers"_s, QJsonArray {u"example.com/hold"_s});
    held.insert(u"metadata"_s, md);
    QVERIFY(m_store->create(identities(), u"team-a"_s, held).ok());
    const KubeResult marked = m_store->remove(identities(), u"team-a"_s, u"held"_s);
    QVERIFY(marked.ok());
    QVERIFY(marked.object->metadata().contains(u"deletionTimestamp"_s));
    QVERIFY(m_store->object(identities(), u"team-a"_s, u"held"_s));
    const KubeResult released = m_store->patch(identities(), u"team-a"_s, u"held"_s, KubePatchType::Merge,
                                               R"({"metadata":{"finalizers":null}})");
    QVERIFY(released.ok());
    QCOMPARE(m_store->object(identities(), u"team-a"_s, u"held"_s), nullptr);
}

void TestKubeStore::terminatingNamespaceRefusesCreates()
{
    QJsonObject held = identity(u"team-a"_s, u"held"_s);
    QJsonObject md = held.value(u"metadata"_s).toObject();
    md.insert(u"finalizers"_s, QJsonArray {u"example.com/hold"_s});
    held.insert(u"metadata"_s, md);
    QVERIFY(m_store->create(identities(), u"team-a"_s, held).ok());
    m_store->put(identity(u"team-a"_s, u"plain"_s));
    const KubeResult r = m_store->remove(namespaces(), {}, u"team-a"_s);
    QVERIFY(r.ok());
    QCOMPARE(r.object->json().value(u"status"_s).toObject().value(u"phase"_s).toString(), u"Terminating"_s);
    QCOMPARE(m_store->object(identities(), u"team-a"_s, u"plain"_s), nullptr);
    const KubeResult refused = m_store->create(identities(), u"team-a"_s, identity(u"team-a"_s, u"late"_s));
    QCOMPARE(refused.error.code, 403);
    QCOMPARE(refused.error.status.value(u"details"_s)
                 .toObject()
                 .value(u"causes"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"reason"_s)
                 .toString(),
             u"NamespaceTerminating"_s);
    QVERIFY(
        m_store->patch(identities(), u"team-a"_s, u"held"_s, KubePatchType::Merge, R"({"metadata":{"finalizers":[]}})")
            .ok());
    QCOMPARE(m_store->object(namespaces(), {}, u"team-a"_s), nullptr); // empty now: gone
}

void TestKubeStore::schemaPrunesAndChecksTypes()
{
    QJsonObject o = identity(u"team-a"_s, u"typed"_s);
    QJsonObject spec = o.value(u"spec"_s).toObject();
    spec.insert(u"bogus"_s, 1);
    o.insert(u"spec"_s, spec);
    const KubeResult warned = m_store->create(identities(), u"team-a"_s, o);
    QVERIFY(warned.ok());
    QCOMPARE(warned.warnings, QStringList {u"unknown field \"spec.bogus\""_s});
    QVERIFY(!warned.object->json().value(u"spec"_s).toObject().contains(u"bogus"_s));
    KubeWriteOptions strict;
    strict.fieldValidation = u"Strict"_s;
    o.insert(u"metadata"_s, QJsonObject {{u"name"_s, u"strict"_s}});
    QCOMPARE(m_store->create(identities(), u"team-a"_s, o, strict).error.code, 400);
    spec.remove(u"bogus"_s);
    spec.insert(u"type"_s, u"zero"_s);
    o.insert(u"spec"_s, spec);
    const KubeResult invalid = m_store->create(identities(), u"team-a"_s, o);
    QCOMPARE(invalid.error.code, 422);
    QVERIFY(invalid.error.status.value(u"message"_s)
                .toString()
                .contains(u"spec.type in body must be of type integer: \"string\""_s));

    // kubectl create sends "creationTimestamp": null; the server decodes it and sets its own.
    o = identity(u"team-a"_s, u"null-time"_s);
    QJsonObject md = o.value(u"metadata"_s).toObject();
    md.insert(u"creationTimestamp"_s, QJsonValue::Null);
    o.insert(u"metadata"_s, md);
    const KubeResult nullTime = m_store->create(identities(), u"team-a"_s, o);
    QVERIFY2(nullTime.ok(), qPrintable(nullTime.error.status.value(u"message"_s).toString()));
    QVERIFY(!nullTime.object->metadata().value(u"creationTimestamp"_s).toString().isEmpty());
    // A string field that is not nullable still refuses the wrong type.
    md.insert(u"creationTimestamp"_s, 5);
    md.insert(u"name"_s, u"number-time"_s);
    o.insert(u"metadata"_s, md);
    QCOMPARE(m_store->create(identities(), u"team-a"_s, o).error.code, 400);
}

void TestKubeStore::putRules()
{
    const KubeResult created = m_store->create(identities(), u"team-a"_s, identity(u"team-a"_s, u"put"_s));
    QJsonObject body = created.object->json();
    QJsonObject md = body.value(u"metadata"_s).toObject();
    md.remove(u"resourceVersion"_s);
    body.insert(u"metadata"_s, md);
    QCOMPARE(m_store->update(identities(), u"team-a"_s, u"put"_s, body).error.code, 422);
    md.insert(u"uid"_s, u"other"_s);
    md.insert(u"resourceVersion"_s, created.object->metadata().value(u"resourceVersion"_s));
    body.insert(u"metadata"_s, md);
    QCOMPARE(m_store->update(identities(), u"team-a"_s, u"put"_s, body).error.code, 409);
    const KubeResourceType &leases = *KubeResourceType::find(u"coordination.k8s.io"_s, u"v1"_s, u"leases"_s);
    const QJsonObject lease {{u"metadata"_s, QJsonObject {{u"name"_s, u"l"_s}}},
                             {u"spec"_s, QJsonObject {{u"leaseDurationSeconds"_s, 10}}}};
    QVERIFY(m_store->update(leases, u"team-a"_s, u"l"_s, lease).ok()); // AllowCreateOnUpdate
    QVERIFY(m_store->object(leases, u"team-a"_s, u"l"_s));
    QCOMPARE(m_store->update(leases, u"team-a"_s, u"l"_s, lease).error.code, 422); // no resourceVersion
}

// One stored Event, two APIs (pkg/apis/events/v1/conversion.go), selectable by the involved object.
void TestKubeStore::eventsServedInBothShapes()
{
    const KubeResourceType &eventsApi = *KubeResourceType::find(u"events.k8s.io"_s, u"v1"_s, u"events"_s);
    const KubeResourceType &core = *KubeResourceType::find({}, u"v1"_s, u"events"_s);
    const QJsonObject event {
        {u"metadata"_s, QJsonObject {{u"name"_s, u"e1"_s}}},
        {u"eventTime"_s, u"2024-05-01T12:00:00.000000Z"_s},
        {u"reportingController"_s, u"example.com/operator"_s},
        {u"reportingInstance"_s, u"pod-1"_s},
        {u"action"_s, u"Create"_s},
        {u"reason"_s, u"Created"_s},
        {u"type"_s, u"Normal"_s},
        {u"note"_s, u"made it"_s},
        {u"regarding"_s,
         QJsonObject {{u"kind"_s, u"AzureIdentity"_s}, {u"name"_s, u"id1"_s}, {u"namespace"_s, u"team-a"_s}}}};
    const KubeResult created = m_store->create(eventsApi, u"team-a"_s, event);
    QVERIFY2(created.ok(), qPrintable(created.error.status.value(u"message"_s).toString()));
    KubeListOptions options;
    options.fieldSelector = u"involvedObject.kind=AzureIdentity,involvedObject.name=id1"_s;
    const KubeListResult list = m_store->list(core, u"team-a"_s, options);
    QVERIFY(!list.error.isError());
    QCOMPARE(list.items.size(), 1);
    const QJsonObject coreShape = list.items.at(0)->json();
    QCOMPARE(coreShape.value(u"message"_s).toString(), u"made it"_s);
    QCOMPARE(coreShape.value(u"reportingComponent"_s).toString(), u"example.com/operator"_s);
    QCOMPARE(coreShape.value(u"apiVersion"_s).toString(), u"v1"_s);
    QCOMPARE(list.items.at(0)->resourceVersion(), created.object->resourceVersion());
    options.fieldSelector = u"regarding.name=id1,reason=Created"_s;
    QCOMPARE(m_store->list(eventsApi, u"team-a"_s, options).items.size(), 1);
    options.fieldSelector = u"involvedObject.name=other"_s;
    QCOMPARE(m_store->list(core, u"team-a"_s, options).items.size(), 0);
    QVERIFY(m_store->remove(core, u"team-a"_s, u"e1"_s).ok());
    QCOMPARE(m_store->object(eventsApi, u"team-a"_s, u"e1"_s), nullptr);
}

void TestKubeStore::continueExpiry()
{
    for (int i = 0; i < 5; ++i)
        m_store->put(identity(u"team-a"_s, u"id%1"_s.arg(i)));
    KubeListOptions options;
    options.limit = 2;
    const QString token = m_store->list(identities(), {}, options).continueToken;
    m_clock->advanceMs(m_store->options().compactionWindowMs + 1);
    options.continueToken = token;
    KubeListResult r = m_store->list(identities(), {}, options);
    QCOMPARE(r.error.code, 410);
    QCOMPARE(r.error.status.value(u"reason"_s).toString(), u"Expired"_s);

    // Evicted by newer snapshots.
    KubeStoreOptions small = m_store->options();
    small.maxSnapshots = 1;
    m_store->setOptions(small);
    KubeListOptions fresh;
    fresh.limit = 2;
    const QString first = m_store->list(identities(), {}, fresh).continueToken;
    m_store->list(identities(), {}, fresh);
    fresh.continueToken = first;
    QCOMPARE(m_store->list(identities(), {}, fresh).error.code, 410);
}

void TestKubeStore::watchInitialState()
{
    m_store->put(identity(u"team-a"_s, u"a"_s));
    m_store->put(identity(u"team-b"_s, u"b"_s));
    KubeError error;
    KubeWatchOptions options;
    options.allowBookmarks = true;
    options.sendInitialEvents = true;
    std::unique_ptr<KubeWatch> w(m_store->watch(identities(), u"team-a"_s, options, nullptr, &error));
    QSignalSpy spy(w.get(), &KubeWatch::eventReady);
    w->start();
    QCOMPARE(spy.size(), 2);
    QCOMPARE(parseEvent(spy.at(0).at(0).toByteArray()).value(u"type"_s).toString(), u"ADDED"_s);
    const QJsonObject bookmark = parseEvent(spy.at(1).at(0).toByteArray());
    QCOMPARE(bookmark.value(u"type"_s).toString(), u"BOOKMARK"_s);
    QCOMPARE(bookmark.value(u"object"_s)
                 .toObject()
                 .value(u"metadata"_s)
                 .toObject()
                 .value(u"annotations"_s)
                 .toObject()
                 .value(u"k8s.io/initial-events-end"_s)
                 .toString(),
             u"true"_s);
}

void TestKubeStore::watchFromResourceVersion()
{
    const QString start = rvOf(m_store->put(identity(u"team-a"_s, u"a"_s)).object);
    m_store->put(identity(u"team-a"_s, u"b"_s));
    m_store->patch(identities(), u"team-a"_s, u"a"_s, KubePatchType::Merge, R"({"spec":{"clientID":"z"}})");
    KubeError error;
    KubeWatchOptions options;
    options.resourceVersion = start;
    std::unique_ptr<KubeWatch> w(m_store->watch(identities(), {}, options, nullptr, &error));
    QSignalSpy spy(w.get(), &KubeWatch::eventReady);
    w->start();
    QCOMPARE(spy.size(), 2); // strictly after `start`: b ADDED, a MODIFIED
    QCOMPARE(parseEvent(spy.at(0).at(0).toByteArray()).value(u"type"_s).toString(), u"ADDED"_s);
    QCOMPARE(parseEvent(spy.at(1).at(0).toByteArray()).value(u"type"_s).toString(), u"MODIFIED"_s);
    m_store->remove(identities(), u"team-a"_s, u"b"_s);
    QCOMPARE(spy.size(), 3);
    const QJsonObject deleted = parseEvent(spy.at(2).at(0).toByteArray());
    QCOMPARE(deleted.value(u"type"_s).toString(), u"DELETED"_s);
    QCOMPARE(
        deleted.value(u"object"_s).toObject().value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString(),
        QString::number(m_store->resourceVersion()));
    QCOMPARE(w->position(), m_store->resourceVersion());
}

void TestKubeStore::watchSelectorTransitions()
{
    m_store->put(identity(u"team-a"_s, u"a"_s));
    KubeError error;
    KubeWatchOptions options;
    options.labelSelector = u"sel=yes"_s;
    options.resourceVersion = QString::number(m_store->resourceVersion());
    std::unique_ptr<KubeWatch> w(m_store->watch(identities(), {}, options, nullptr, &error));
    QSignalSpy spy(w.get(), &KubeWatch::eventReady);
    w->start();
    m_store->patch(identities(), u"team-a"_s, u"a"_s, KubePatchType::Merge, R"({"metadata":{"labels":{"sel":"yes"}}})");
    m_store->patch(identities(), u"team-a"_s, u"a"_s, KubePatchType::Merge, R"({"metadata":{"labels":{"sel":"no"}}})");
    QCOMPARE(spy.size(), 2);
    QCOMPARE(parseEvent(spy.at(0).at(0).toByteArray()).value(u"type"_s).toString(), u"ADDED"_s);
    QCOMPARE(parseEvent(spy.at(1).at(0).toByteArray()).value(u"type"_s).toString(), u"DELETED"_s);
}

void TestKubeStore::watchBookmarks()
{
    KubeStoreOptions o = m_store->options();
    o.bookmarkIntervalMs = 50;
    m_store->setOptions(o);
    KubeError error;
    KubeWatchOptions options;
    options.allowBookmarks = true;
    options.resourceVersion = QString::number(m_store->resourceVersion());
    std::unique_ptr<KubeWatch> w(m_store->watch(identities(), {}, options, nullptr, &error));
    QSignalSpy spy(w.get(), &KubeWatch::eventReady);
    w->start();
    m_store->put(identity(u"team-a"_s, u"a"_s));
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 3, 2000);
    const QJsonObject bookmark = parseEvent(spy.at(1).at(0).toByteArray());
    QCOMPARE(bookmark.value(u"type"_s).toString(), u"BOOKMARK"_s);
    const QJsonObject object = bookmark.value(u"object"_s).toObject();
    QCOMPARE(object.keys(), (QStringList {u"apiVersion"_s, u"kind"_s, u"metadata"_s}));
    QCOMPARE(object.value(u"metadata"_s).toObject().keys(), QStringList {u"resourceVersion"_s});
    QCOMPARE(object.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString(),
             QString::number(m_store->resourceVersion()));
    QCOMPARE(object.value(u"kind"_s).toString(), u"AzureIdentity"_s);
}

void TestKubeStore::watchTooOldAsEvent()
{
    const QString old = rvOf(m_store->put(identity(u"team-a"_s, u"a"_s)).object);
    m_store->put(identity(u"team-a"_s, u"b"_s));
    m_store->compactNow();
    KubeError error;
    KubeWatchOptions options;
    options.resourceVersion = QString::number(old.toLongLong() - 1);
    std::unique_ptr<KubeWatch> w(m_store->watch(identities(), {}, options, nullptr, &error));
    QVERIFY(w);
    QSignalSpy events(w.get(), &KubeWatch::eventReady);
    QSignalSpy closed(w.get(), &KubeWatch::closed);
    w->start();
    QCOMPARE(events.size(), 1);
    const QJsonObject e = parseEvent(events.at(0).at(0).toByteArray());
    QCOMPARE(e.value(u"type"_s).toString(), u"ERROR"_s);
    QCOMPARE(e.value(u"object"_s).toObject().value(u"code"_s).toInt(), 410);
    QCOMPARE(e.value(u"object"_s).toObject().value(u"reason"_s).toString(), u"Expired"_s);
    QVERIFY(e.value(u"object"_s).toObject().value(u"message"_s).toString().startsWith(u"too old resource version: "_s));
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closed.at(0).at(0).toBool(), false);

    // Also by age: history older than the compaction window is gone.
    const QString recent = QString::number(m_store->resourceVersion());
    m_store->put(identity(u"team-a"_s, u"c"_s));
    m_clock->advanceMs(m_store->options().compactionWindowMs + 1);
    m_store->put(identity(u"team-a"_s, u"d"_s));
    options.resourceVersion = recent;
    std::unique_ptr<KubeWatch> aged(m_store->watch(identities(), {}, options, nullptr, &error));
    QSignalSpy agedEvents(aged.get(), &KubeWatch::eventReady);
    aged->start();
    QCOMPARE(parseEvent(agedEvents.at(0).at(0).toByteArray()).value(u"type"_s).toString(), u"ERROR"_s);
}

void TestKubeStore::watchTooOldAsHttpError()
{
    m_store->put(identity(u"team-a"_s, u"a"_s));
    m_store->put(identity(u"team-a"_s, u"b"_s));
    m_store->compactNow();
    KubeStoreOptions o = m_store->options();
    o.tooOldWatchAsHttpError = true;
    m_store->setOptions(o);
    KubeError error;
    KubeWatchOptions options;
    options.resourceVersion = u"1"_s;
    QCOMPARE(m_store->watch(identities(), {}, options, nullptr, &error), nullptr);
    QCOMPARE(error.code, 410);
    QCOMPARE(error.status.value(u"reason"_s).toString(), u"Expired"_s);
}

void TestKubeStore::runningWatchExpiredAndDropped()
{
    KubeError error;
    std::unique_ptr<KubeWatch> a(m_store->watch(identities(), {}, {}, nullptr, &error));
    std::unique_ptr<KubeWatch> b(m_store->watch(identities(), {}, {}, nullptr, &error));
    a->start();
    b->start();
    QCOMPARE(m_store->watchCount(), 2);
    QSignalSpy aEvents(a.get(), &KubeWatch::eventReady);
    QSignalSpy aClosed(a.get(), &KubeWatch::closed);
    m_store->expireAllWatches();
    QCOMPARE(parseEvent(aEvents.at(0).at(0).toByteArray()).value(u"object"_s).toObject().value(u"code"_s).toInt(), 410);
    QCOMPARE(aClosed.at(0).at(0).toBool(), false);
    QCOMPARE(m_store->watchCount(), 0);

    std::unique_ptr<KubeWatch> c(m_store->watch(identities(), {}, {}, nullptr, &error));
    c->start();
    QSignalSpy cEvents(c.get(), &KubeWatch::eventReady);
    QSignalSpy cClosed(c.get(), &KubeWatch::closed);
    m_store->dropAllWatches();
    QCOMPARE(cEvents.size(), 0);
    QCOMPARE(cClosed.at(0).at(0).toBool(), true);
    m_store->put(identity(u"team-a"_s, u"after"_s));
    QCOMPARE(cEvents.size(), 0);
}

void TestKubeStore::watchTimeout()
{
    KubeError error;
    KubeWatchOptions options;
    options.timeoutSeconds = 1;
    std::unique_ptr<KubeWatch> w(m_store->watch(identities(), {}, options, nullptr, &error));
    QSignalSpy closed(w.get(), &KubeWatch::closed);
    w->start();
    QVERIFY(closed.wait(3000));
    QCOMPARE(closed.at(0).at(0).toBool(), false);
}

void TestKubeStore::namespaceDeleteCascades()
{
    m_store->put(identity(u"team-a"_s, u"a"_s));
    m_store->put(identity(u"team-b"_s, u"b"_s));
    KubeError error;
    std::unique_ptr<KubeWatch> w(m_store->watch(identities(), {}, {}, nullptr, &error));
    w->start();
    QSignalSpy spy(w.get(), &KubeWatch::eventReady);
    const KubeResult r = m_store->remove(namespaces(), {}, u"team-a"_s);
    QVERIFY(r.ok());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(parseEvent(spy.at(0).at(0).toByteArray()).value(u"type"_s).toString(), u"DELETED"_s);
    QVERIFY(!m_store->object(identities(), u"team-a"_s, u"a"_s));
    QVERIFY(m_store->object(identities(), u"team-b"_s, u"b"_s));
    QCOMPARE(m_store->remove(namespaces(), {}, u"team-a"_s).error.code, 404);
    QCOMPARE(m_store->create(identities(), u"team-a"_s, identity(u"team-a"_s, u"x"_s)).error.code, 404);
}

void TestKubeStore::rbac_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("message");

    QTest::newRow("list in granted ns") << u"list"_s << u"team-a"_s << u"azureidentities"_s << true << QString();
    QTest::newRow("list elsewhere")
        << u"list"_s << u"team-b"_s << u"azureidentities"_s << false
        << u"azureidentities.aadpodidentity.k8s.io is forbidden: User \"dev\" cannot list resource \"azureidentities\" "
           "in API group \"aadpodidentity.k8s.io\" in the namespace \"team-b\""_s;
    QTest::newRow("list cluster-wide")
        << u"list"_s << QString() << u"azureidentities"_s << false
        << u"azureidentities.aadpodidentity.k8s.io is forbidden: User \"dev\" cannot list resource \"azureidentities\" "
           "in API group \"aadpodidentity.k8s.io\" at the cluster scope"_s;
    QTest::newRow("delete not granted") << u"delete"_s << u"team-a"_s << u"azureidentities"_s << false << QString();
    QTest::newRow("wildcard via group") << u"watch"_s << u"team-z"_s << u"leases"_s << true << QString();
}

void TestKubeStore::rbac()
{
    QFETCH(QString, verb);
    QFETCH(QString, ns);
    QFETCH(QString, resource);
    QFETCH(bool, allowed);
    QFETCH(QString, message);
    KubeAccessControl access;
    QCOMPARE(access.loadScenario(QJsonDocument::fromJson(R"({
        "users": [{"name": "dev", "token": "t-dev", "groups": ["devs"]}],
        "rbac": [{"user": "dev", "verbs": ["get", "list", "watch"], "apiGroups": ["aadpodidentity.k8s.io"],
                  "resources": ["azureidentities"], "namespaces": ["team-a"]},
                 {"group": "devs", "verbs": ["*"], "resources": ["leases"]}]})")
                                     .object()),
             QString());
    const KubeUser user = *access.authenticate("Bearer t-dev", {}, {});
    const QString group = resource == u"leases" ? u"coordination.k8s.io"_s : u"aadpodidentity.k8s.io"_s;
    const KubeAccess request {verb, group, resource, ns, {}, {}};
    QCOMPARE(access.allowed(user, request), allowed);
    if (!allowed) {
        const KubeError e = KubeAccessControl::forbidden(user, request);
        QCOMPARE(e.code, 403);
        QCOMPARE(e.status.value(u"reason"_s).toString(), u"Forbidden"_s);
        if (!message.isEmpty())
            QCOMPARE(e.status.value(u"message"_s).toString(), message);
    }
}

void TestKubeStore::authentication()
{
    KubeAccessControl access;
    QVERIFY(access.authenticate({}, {}, {}).has_value()); // no users: open sandbox
    access.addUser(u"alice"_s, u"secret"_s, {u"system:masters"_s});
    QVERIFY(!access.authenticate({}, {}, {}).has_value());
    QVERIFY(!access.authenticate("Bearer wrong", {}, {}).has_value());
    QCOMPARE(access.authenticate("Bearer secret", {}, {})->name, u"alice"_s);
    const auto cert = access.authenticate({}, u"bob"_s, {u"devs"_s});
    QCOMPARE(cert->name, u"bob"_s);
    QVERIFY(cert->groups.contains(u"devs"_s));
}

void TestKubeStore::scenario()
{
    const QJsonObject section = QJsonDocument::fromJson(R"({
        "compactionWindowSeconds": 60, "bookmarkIntervalMs": 250,
        "namespaces": ["team-b", {"name": "team-c", "labels": {"env": "dev"}}],
        "azureIdentities": [{"name": "id1", "namespace": "team-b", "spec": {"type": 0, "clientID": "c1"}}],
        "azureIdentityBindings": [{"name": "b1", "namespace": "team-b", "spec": {"azureIdentity": "id1", "selector": "id1"}}],
        "leases": [{"name": "azure-msi-operator", "namespace": "team-c", "spec": {"holderIdentity": "x"}}]})")
                                    .object();
    QCOMPARE(m_store->loadScenario(section), QString());
    QCOMPARE(m_store->options().compactionWindowMs, 60000);
    QCOMPARE(m_store->options().bookmarkIntervalMs, 250);
    QVERIFY(m_store->object(identities(), u"team-b"_s, u"id1"_s));
    QVERIFY(m_store->object(type(u"coordination.k8s.io"_s, u"leases"_s), u"team-c"_s, u"azure-msi-operator"_s));
    QCOMPARE(m_store->object(namespaces(), {}, u"team-c"_s)->labels().value(u"env"_s).toString(), u"dev"_s);
    QVERIFY(!m_store->loadScenario(QJsonDocument::fromJson(R"({"namespaces": ["Bad_NS"]})").object()).isEmpty());
}

void TestKubeStore::scale()
{
    const double startFill = cpuSeconds();
    for (int n = 0; n < 20; ++n)
        m_store->put(QJsonObject {{u"apiVersion"_s, u"v1"_s},
                                  {u"kind"_s, u"Namespace"_s},
                                  {u"metadata"_s, QJsonObject {{u"name"_s, u"ns-%1"_s.arg(n)}}}});
    for (int i = 0; i < 30000; ++i) {
        const QString ns = u"ns-%1"_s.arg(i % 20);
        const KubeResourceType &t
            = i < 10000 ? identities() : type(u"aadpodidentity.k8s.io"_s, u"azureidentitybindings"_s);
        QJsonObject o = identity(ns, u"obj-%1"_s.arg(i));
        if (i >= 10000)
            o.insert(u"kind"_s, u"AzureIdentityBinding"_s);
        QVERIFY(m_store->create(t, ns, o).ok());
    }
    const double fillCpu = cpuSeconds() - startFill;

    const double startList = cpuSeconds();
    KubeListOptions options;
    options.limit = 500;
    qsizetype total = 0;
    qsizetype bytes = 0;
    int pages = 0;
    do {
        const KubeListResult page = m_store->list(identities(), {}, options);
        QVERIFY(!page.error.isError());
        total += page.items.size();
        bytes += page.toJson(identities()).size(); // what the handler sends
        options.continueToken = page.continueToken;
        ++pages;
    } while (!options.continueToken.isEmpty());
    const double listCpu = cpuSeconds() - startList;
    QCOMPARE(total, 10000);
    QCOMPARE(pages, 20);
    qInfo("scale: created 30000 objects in %.3f s CPU; listed 10000 azureidentities in %d pages of 500 "
          "(%lld bytes of JSON) in %.3f s CPU",
          fillCpu, pages, static_cast<long long>(bytes), listCpu);
}

QTEST_GUILESS_MAIN(TestKubeStore)
#include "tst_kubestore.moc"
