// SPDX-License-Identifier: MIT
#include "shared/sandbox/kubeapihandler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo;
using namespace Amo::Sandbox;

namespace {

/** Collects what a handler writes to a watch stream. */
class FakeStream : public HttpStream
{
public:
    using HttpStream::HttpStream;
    void write(const QByteArray &piece) override { data += piece; }
    void finish() override { end(false); }
    void abort() override { end(true); }
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> out;
        for (const QByteArray &line : data.split('\n')) {
            if (!line.isEmpty())
                out.append(QJsonDocument::fromJson(line).object());
        }
        return out;
    }
    QByteArray data;
    bool finished = false;
    bool aborted = false;

private:
    void end(bool abortIt)
    {
        if (finished || aborted)
            return;
        (abortIt ? aborted : finished) = true;
        Q_EMIT closed();
    }
};

/** Records the one answer a handler gives. */
class FakeExchange : public HttpExchange
{
public:
    void respond(const HttpResponse &r) override { response = r; }
    HttpStream *openStream(int status, const HeaderList &headers) override
    {
        response.status = status;
        response.headers = headers;
        stream = std::make_unique<FakeStream>();
        return stream.get();
    }
    void setRoutePattern(const QString &p) override { pattern = p; }
    QJsonObject json() const { return QJsonDocument::fromJson(response.body).object(); }

    HttpResponse response {0, {}, {}};
    std::unique_ptr<FakeStream> stream;
    QString pattern;
};

HttpRequest makeRequest(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                        const QByteArray &contentType = "application/json")
{
    HttpRequest r;
    r.method = method;
    const qsizetype q = pathAndQuery.indexOf(u'?');
    r.path = pathAndQuery.left(q);
    if (q >= 0)
        r.query = QUrlQuery(pathAndQuery.mid(q + 1));
    r.body = body;
    r.headers.insert("content-type", contentType);
    return r;
}

const QString kIdentities = u"/apis/aadpodidentity.k8s.io/v1/namespaces/team-a/azureidentities"_s;
const QByteArray kIdentity
    = R"({"apiVersion":"aadpodidentity.k8s.io/v1","kind":"AzureIdentity","metadata":{"name":"id1"},"spec":{"type":0,"clientID":"c1"}})";

} // namespace

class TestKubeApiHandler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void routing_data();
    void routing();
    void discovery();
    void customResourceDefinitions();
    void crud();
    void statusBodies_data();
    void statusBodies();
    void pagedList();
    void watchStream();
    void watchTooOld();
    void authentication();
    void rbacAndReviews();

private:
    FakeExchange send(const HttpRequest &request, bool *handled = nullptr)
    {
        FakeExchange exchange;
        const bool h = m_handler->handle(request, exchange);
        if (handled)
            *handled = h;
        return exchange;
    }
    FakeExchange send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                      const QByteArray &contentType = "application/json")
    {
        return send(makeRequest(method, path, body, contentType));
    }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<KubeApiHandler> m_handler;
};

void TestKubeApiHandler::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC));
    m_handler = std::make_unique<KubeApiHandler>(*m_clock);
    QCOMPARE(m_handler->loadScenario(QJsonDocument::fromJson(R"({"namespaces": ["team-a", "team-b"]})").object()),
             QString());
}

void TestKubeApiHandler::routing_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("pattern");

    QTest::newRow("version") << QByteArray("GET") << u"/version"_s << 200 << u"/version"_s;
    QTest::newRow("api") << QByteArray("GET") << u"/api"_s << 200 << u"/api"_s;
    QTest::newRow("core v1") << QByteArray("GET") << u"/api/v1"_s << 200 << u"/api/v1"_s;
    QTest::newRow("apis") << QByteArray("GET") << u"/apis"_s << 200 << u"/apis"_s;
    QTest::newRow("group") << QByteArray("GET") << u"/apis/coordination.k8s.io"_s << 200 << u"/apis/{group}"_s;
    QTest::newRow("group version") << QByteArray("GET") << u"/apis/events.k8s.io/v1"_s << 200
                                   << u"/apis/{group}/{version}"_s;
    QTest::newRow("unknown group") << QByteArray("GET") << u"/apis/nope.io/v1"_s << 404 << u"/apis/{group}/{version}"_s;
    QTest::newRow("openapi v2") << QByteArray("GET") << u"/openapi/v2"_s << 200 << u"/openapi/{version}"_s;
    QTest::newRow("namespaces") << QByteArray("GET") << u"/api/v1/namespaces"_s << 200 << u"/api/v1/{resource}"_s;
    QTest::newRow("namespace") << QByteArray("GET") << u"/api/v1/namespaces/team-a"_s << 200
                               << u"/api/v1/{resource}/{name}"_s;
    QTest::newRow("namespaced list") << QByteArray("GET") << kIdentities << 200
                                     << u"/apis/{group}/{version}/namespaces/{namespace}/{resource}"_s;
    QTest::newRow("cluster-wide list") << QByteArray("GET") << u"/apis/aadpodidentity.k8s.io/v1/azureidentities"_s
                                       << 200 << u"/apis/{group}/{version}/{resource}"_s;
    QTest::newRow("item") << QByteArray("GET") << kIdentities + u"/missing"_s << 404
                          << u"/apis/{group}/{version}/namespaces/{namespace}/{resource}/{name}"_s;
    QTest::newRow("leases") << QByteArray("GET") << u"/apis/coordination.k8s.io/v1/namespaces/team-a/leases"_s << 200
                            << u"/apis/{group}/{version}/namespaces/{namespace}/{resource}"_s;
    QTest::newRow("core events") << QByteArray("GET") << u"/api/v1/namespaces/team-a/events"_s << 200
                                 << u"/api/v1/namespaces/{namespace}/{resource}"_s;
    QTest::newRow("unknown resource") << QByteArray("GET") << u"/api/v1/secrets"_s << 404 << u"/api/{unknown}"_s;
    QTest::newRow("item without namespace")
        << QByteArray("GET") << u"/apis/aadpodidentity.k8s.io/v1/azureidentities/x"_s << 404 << u"/apis/{unknown}"_s;
    QTest::newRow("subresource") << QByteArray("GET") << kIdentities + u"/x/status"_s << 404
                                 << u"/apis/{group}/{version}/namespaces/{namespace}/{resource}/{name}/{subresource}"_s;
    QTest::newRow("post to item") << QByteArray("POST") << kIdentities + u"/x"_s << 405
                                  << u"/apis/{group}/{version}/namespaces/{namespace}/{resource}/{name}"_s;
    QTest::newRow("write a CRD") << QByteArray("DELETE")
                                 << u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/x"_s << 405
                                 << u"/apis/{group}/{version}/{resource}/{name}"_s;
}

void TestKubeApiHandler::routing()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const FakeExchange e = send(method, path);
    QTEST(e.response.status, "status");
    QTEST(e.pattern, "pattern");
    if (e.response.status >= 400)
        QCOMPARE(e.json().value(u"kind"_s).toString(), u"Status"_s);

    bool handled = true;
    send(makeRequest("GET", u"/subscriptions/abc"_s), &handled);
    QVERIFY(!handled);
}

void TestKubeApiHandler::discovery()
{
    QVERIFY(send("GET", u"/version"_s).json().value(u"gitVersion"_s).toString().startsWith(u"v1.29."_s));
    const QJsonArray core = send("GET", u"/api/v1"_s).json().value(u"resources"_s).toArray();
    bool sawNamespaces = false;
    for (const QJsonValue &v : core) {
        const QJsonObject r = v.toObject();
        if (r.value(u"name"_s) == u"namespaces"_s) {
            sawNamespaces = true;
            QCOMPARE(r.value(u"namespaced"_s).toBool(), false);
            QCOMPARE(r.value(u"kind"_s).toString(), u"Namespace"_s);
            QCOMPARE(r.value(u"shortNames"_s).toArray(), QJsonArray {u"ns"_s});
        }
    }
    QVERIFY(sawNamespaces);
    const QJsonObject aad = send("GET", u"/apis/aadpodidentity.k8s.io/v1"_s).json();
    QCOMPARE(aad.value(u"kind"_s).toString(), u"APIResourceList"_s);
    QCOMPARE(aad.value(u"groupVersion"_s).toString(), u"aadpodidentity.k8s.io/v1"_s);
    QStringList kinds;
    for (const QJsonValue &v : aad.value(u"resources"_s).toArray()) {
        kinds.append(v.toObject().value(u"kind"_s).toString());
        QVERIFY(v.toObject().value(u"verbs"_s).toArray().contains(u"watch"_s));
        QVERIFY(v.toObject().value(u"namespaced"_s).toBool());
    }
    QCOMPARE(kinds,
             (QStringList {u"AzureAssignedIdentity"_s, u"AzureIdentity"_s, u"AzureIdentityBinding"_s,
                           u"AzurePodIdentityException"_s}));
    QStringList groups;
    for (const QJsonValue &v : send("GET", u"/apis"_s).json().value(u"groups"_s).toArray())
        groups.append(v.toObject().value(u"name"_s).toString());
    for (const QString &g : {u"aadpodidentity.k8s.io"_s, u"coordination.k8s.io"_s, u"events.k8s.io"_s,
                             u"apiextensions.k8s.io"_s, u"authorization.k8s.io"_s})
        QVERIFY2(groups.contains(g), qPrintable(g));
}

void TestKubeApiHandler::customResourceDefinitions()
{
    const QJsonObject list = send("GET", u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions"_s).json();
    QCOMPARE(list.value(u"kind"_s).toString(), u"CustomResourceDefinitionList"_s);
    QCOMPARE(list.value(u"items"_s).toArray().size(), 4);
    const QJsonObject crd
        = send("GET",
               u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/azureidentities.aadpodidentity.k8s.io"_s)
              .json();
    QCOMPARE(crd.value(u"spec"_s).toObject().value(u"names"_s).toObject().value(u"kind"_s).toString(),
             u"AzureIdentity"_s);
    const QJsonArray conditions = crd.value(u"status"_s).toObject().value(u"conditions"_s).toArray();
    QCOMPARE(conditions.at(1).toObject().value(u"type"_s).toString(), u"Established"_s);
}

void TestKubeApiHandler::crud()
{
    FakeExchange created = send("POST", kIdentities, kIdentity);
    QCOMPARE(created.response.status, 201);
    QCOMPARE(created.json().value(u"metadata"_s).toObject().value(u"namespace"_s).toString(), u"team-a"_s);
    QCOMPARE(send("GET", kIdentities + u"/id1"_s).response.status, 200);
    const FakeExchange patched = send("PATCH", kIdentities + u"/id1"_s, R"({"metadata":{"labels":{"a":"b"}}})",
                                      "application/merge-patch+json");
    QCOMPARE(patched.response.status, 200);
    QCOMPARE(patched.json().value(u"metadata"_s).toObject().value(u"labels"_s).toObject().value(u"a"_s).toString(),
             u"b"_s);
    const FakeExchange jsonPatched
        = send("PATCH", kIdentities + u"/id1"_s, R"([{"op":"replace","path":"/spec/clientID","value":"c2"}])",
               "application/json-patch+json");
    QCOMPARE(jsonPatched.response.status, 200);
    QJsonObject body = jsonPatched.json();
    body.insert(u"spec"_s, QJsonObject {{u"type"_s, 0}, {u"clientID"_s, u"c3"_s}});
    QCOMPARE(send("PUT", kIdentities + u"/id1"_s, QJsonDocument(body).toJson()).response.status, 200);
    QCOMPARE(send("PUT", kIdentities + u"/id1"_s, QJsonDocument(body).toJson()).response.status, 409); // stale now
    QCOMPARE(send("DELETE", kIdentities + u"/id1"_s).response.status, 200);
    QCOMPARE(send("GET", kIdentities + u"/id1"_s).response.status, 404);
}

void TestKubeApiHandler::statusBodies_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");

    const QByteArray json = "application/json";
    QTest::newRow("duplicate") << QByteArray("POST") << kIdentities << kIdentity << json << 409 << u"AlreadyExists"_s;
    QTest::newRow("malformed") << QByteArray("POST") << kIdentities << QByteArray("{oops") << json << 400
                               << u"BadRequest"_s;
    QTest::newRow("missing namespace") << QByteArray("POST")
                                       << u"/apis/aadpodidentity.k8s.io/v1/namespaces/nope/azureidentities"_s
                                       << kIdentity << json << 404 << u"NotFound"_s;
    QTest::newRow("invalid name") << QByteArray("POST") << kIdentities << QByteArray(R"({"metadata":{"name":"UPPER"}})")
                                  << json << 422 << u"Invalid"_s;
    QTest::newRow("strategic on CRD") << QByteArray("PATCH") << kIdentities + u"/id1"_s << QByteArray("{}")
                                      << QByteArray("application/strategic-merge-patch+json") << 415
                                      << u"UnsupportedMediaType"_s;
    QTest::newRow("name mismatch") << QByteArray("PUT") << kIdentities + u"/other"_s << kIdentity << json << 400
                                   << u"BadRequest"_s;
    QTest::newRow("bad selector") << QByteArray("GET") << kIdentities + u"?labelSelector=a%3E1"_s << QByteArray()
                                  << json << 400 << u"BadRequest"_s;
}

void TestKubeApiHandler::statusBodies()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QCOMPARE(send("POST", kIdentities, kIdentity).response.status, 201);
    const FakeExchange e = send(method, path, body, contentType);
    QTEST(e.response.status, "code");
    const QJsonObject status = e.json();
    QCOMPARE(status.value(u"apiVersion"_s).toString(), u"v1"_s);
    QCOMPARE(status.value(u"kind"_s).toString(), u"Status"_s);
    QCOMPARE(status.value(u"status"_s).toString(), u"Failure"_s);
    QCOMPARE(status.value(u"code"_s).toInt(), e.response.status);
    QTEST(status.value(u"reason"_s).toString(), "reason");
    QVERIFY(!status.value(u"message"_s).toString().isEmpty());
}

void TestKubeApiHandler::pagedList()
{
    for (int i = 0; i < 7; ++i) {
        QByteArray body = kIdentity;
        body.replace(QByteArray("\"id1\""), QByteArray("\"id" + QByteArray::number(i) + '"'));
        QCOMPARE(send("POST", kIdentities, body).response.status, 201);
    }
    QJsonObject page = send("GET", u"/apis/aadpodidentity.k8s.io/v1/azureidentities?limit=3"_s).json();
    QCOMPARE(page.value(u"kind"_s).toString(), u"AzureIdentityList"_s);
    const QString rv = page.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString();
    QCOMPARE(page.value(u"metadata"_s).toObject().value(u"remainingItemCount"_s).toInt(), 4);
    int items = page.value(u"items"_s).toArray().size();
    while (page.value(u"metadata"_s).toObject().contains(u"continue"_s)) {
        const QString token = page.value(u"metadata"_s).toObject().value(u"continue"_s).toString();
        page = send("GET", u"/apis/aadpodidentity.k8s.io/v1/azureidentities?limit=3&continue="_s + token).json();
        QCOMPARE(page.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString(), rv);
        items += page.value(u"items"_s).toArray().size();
    }
    QCOMPARE(items, 7);
    m_handler->store().compactNow();
    const FakeExchange expired = send("GET", u"/apis/aadpodidentity.k8s.io/v1/azureidentities?limit=3"_s);
    const QString token = expired.json().value(u"metadata"_s).toObject().value(u"continue"_s).toString();
    m_handler->store().compactNow();
    const FakeExchange gone
        = send("GET", u"/apis/aadpodidentity.k8s.io/v1/azureidentities?limit=3&continue="_s + token);
    QCOMPARE(gone.response.status, 410);
    QCOMPARE(gone.json().value(u"reason"_s).toString(), u"Expired"_s);
}

void TestKubeApiHandler::watchStream()
{
    QCOMPARE(send("POST", kIdentities, kIdentity).response.status, 201);
    FakeExchange watch = send("GET", u"/apis/aadpodidentity.k8s.io/v1/azureidentities?watch=1"_s);
    QCOMPARE(watch.response.status, 200);
    QVERIFY(watch.stream);
    QCOMPARE(watch.stream->events().size(), 1);
    QCOMPARE(watch.stream->events().at(0).value(u"type"_s).toString(), u"ADDED"_s);
    send("PATCH", kIdentities + u"/id1"_s, R"({"spec":{"clientID":"z"}})", "application/merge-patch+json");
    QCOMPARE(watch.stream->events().at(1).value(u"type"_s).toString(), u"MODIFIED"_s);
    QVERIFY(watch.stream->data.endsWith('\n'));
    QCOMPARE(m_handler->store().watchCount(), 1);
    // The client goes away: the watch must stop.
    watch.stream->abort();
    QCOMPARE(m_handler->store().watchCount(), 0);
    send("DELETE", kIdentities + u"/id1"_s);
    QCOMPARE(watch.stream->events().size(), 2);

    // timeoutSeconds ends the body normally.
    FakeExchange timed = send("GET", kIdentities + u"?watch=true&timeoutSeconds=1&resourceVersion=1"_s);
    QTRY_VERIFY_WITH_TIMEOUT(timed.stream->finished, 3000);
    QVERIFY(!timed.stream->aborted);
}

void TestKubeApiHandler::watchTooOld()
{
    send("POST", kIdentities, kIdentity);
    m_handler->store().compactNow();
    FakeExchange old = send("GET", kIdentities + u"?watch=true&resourceVersion=2"_s);
    QCOMPARE(old.response.status, 200);
    QCOMPARE(old.stream->events().size(), 1);
    QCOMPARE(old.stream->events().at(0).value(u"type"_s).toString(), u"ERROR"_s);
    QCOMPARE(old.stream->events().at(0).value(u"object"_s).toObject().value(u"code"_s).toInt(), 410);
    QVERIFY(old.stream->finished);

    QCOMPARE(m_handler->loadScenario(QJsonDocument::fromJson(R"({"tooOldWatchAsHttp410": true})").object()), QString());
    const FakeExchange refused = send("GET", kIdentities + u"?watch=true&resourceVersion=2"_s);
    QCOMPARE(refused.response.status, 410);
    QVERIFY(!refused.stream);

    // A running stream broken by the test API gets ERROR 410, then ends.
    FakeExchange running = send("GET", kIdentities + u"?watch=true"_s);
    m_handler->store().expireAllWatches();
    QCOMPARE(running.stream->events().constLast().value(u"type"_s).toString(), u"ERROR"_s);
    QVERIFY(running.stream->finished);
    FakeExchange dropped = send("GET", kIdentities + u"?watch=true"_s);
    m_handler->store().dropAllWatches();
    QVERIFY(dropped.stream->aborted);
}

void TestKubeApiHandler::authentication()
{
    QCOMPARE(m_handler->loadScenario(QJsonDocument::fromJson(R"({
        "users": [{"name": "admin", "token": "t-admin", "groups": ["system:masters"]}]})")
                                         .object()),
             QString());
    FakeExchange anonymous = send("GET", u"/api/v1/namespaces"_s);
    QCOMPARE(anonymous.response.status, 401);
    QCOMPARE(anonymous.json().value(u"reason"_s).toString(), u"Unauthorized"_s);
    QCOMPARE(send("GET", u"/version"_s).response.status, 200);
    QCOMPARE(send("GET", u"/apis"_s).response.status, 401);
    HttpRequest withToken = makeRequest("GET", u"/api/v1/namespaces"_s);
    withToken.headers.insert("authorization", "Bearer t-admin");
    QCOMPARE(send(withToken).response.status, 200);
    withToken.headers.insert("authorization", "Bearer wrong");
    QCOMPARE(send(withToken).response.status, 401);
    HttpRequest withCert = makeRequest("GET", u"/api/v1/namespaces"_s);
    withCert.clientCertificateCommonName = u"operator"_s;
    withCert.clientCertificateOrganizations = {u"system:masters"_s};
    QCOMPARE(send(withCert).response.status, 200);
}

void TestKubeApiHandler::rbacAndReviews()
{
    QCOMPARE(m_handler->loadScenario(QJsonDocument::fromJson(R"({
        "users": [{"name": "dev", "token": "t-dev"}],
        "rbac": [{"user": "dev", "verbs": ["get", "list"], "apiGroups": ["aadpodidentity.k8s.io"],
                  "resources": ["azureidentities"], "namespaces": ["team-a"]}]})")
                                         .object()),
             QString());
    const auto as = [](HttpRequest r) {
        r.headers.insert("authorization", "Bearer t-dev");
        return r;
    };
    QCOMPARE(send(as(makeRequest("GET", kIdentities))).response.status, 200);
    const FakeExchange denied
        = send(as(makeRequest("GET", u"/apis/aadpodidentity.k8s.io/v1/namespaces/team-b/azureidentities"_s)));
    QCOMPARE(denied.response.status, 403);
    QCOMPARE(
        denied.json().value(u"message"_s).toString(),
        u"azureidentities.aadpodidentity.k8s.io is forbidden: User \"dev\" cannot list resource \"azureidentities\" "
        "in API group \"aadpodidentity.k8s.io\" in the namespace \"team-b\""_s);
    QCOMPARE(denied.json().value(u"details"_s).toObject().value(u"kind"_s).toString(), u"azureidentities"_s);
    QCOMPARE(send(as(makeRequest("POST", kIdentities, kIdentity))).response.status, 403);

    const auto review = [&](const QString &verb, const QString &ns) {
        const QJsonObject body {{u"apiVersion"_s, u"authorization.k8s.io/v1"_s},
                                {u"kind"_s, u"SelfSubjectAccessReview"_s},
                                {u"spec"_s,
                                 QJsonObject {{u"resourceAttributes"_s,
                                               QJsonObject {{u"verb"_s, verb},
                                                            {u"group"_s, u"aadpodidentity.k8s.io"_s},
                                                            {u"resource"_s, u"azureidentities"_s},
                                                            {u"namespace"_s, ns}}}}}};
        return send(as(makeRequest("POST", u"/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"_s,
                                   QJsonDocument(body).toJson())));
    };
    FakeExchange yes = review(u"list"_s, u"team-a"_s);
    QCOMPARE(yes.response.status, 201);
    QCOMPARE(yes.json().value(u"status"_s).toObject().value(u"allowed"_s).toBool(), true);
    QCOMPARE(review(u"delete"_s, u"team-a"_s).json().value(u"status"_s).toObject().value(u"allowed"_s).toBool(), false);
    QCOMPARE(review(u"list"_s, u"team-b"_s).json().value(u"status"_s).toObject().value(u"allowed"_s).toBool(), false);

    const FakeExchange rules = send(as(makeRequest("POST", u"/apis/authorization.k8s.io/v1/selfsubjectrulesreviews"_s,
                                                   R"({"spec":{"namespace":"team-a"}})")));
    QCOMPARE(rules.response.status, 201);
    QVERIFY(rules.json().value(u"status"_s).toObject().value(u"resourceRules"_s).toArray().size() >= 2);
}

QTEST_GUILESS_MAIN(TestKubeApiHandler)
#include "tst_kubeapihandler.moc"
