// SPDX-License-Identifier: MIT
// The REST layer against the simulator: typed operations, paging, typed errors, retries.
#include "kubetestenv.h"

#include "shared/sandbox/faultrule.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Kube;
using Amo::Sandbox::FaultKind;
using Amo::Sandbox::FaultRule;
using KubeTest::Env;

class TestKubeRest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writes();
    void paging();
    void continueExpiryRestarts();
    void errors();
    void invalidHasCauses();
    void nonJsonBody();
    void retryAfter429();
    void retriesServerErrors();
    void createWithUnknownOutcomeChecksFirst();
    void legacyAuthProvider();
    void noConfigListsPlaces();

private:
    FaultRule fault(const QByteArray &method, const QString &path, FaultKind kind, int status, int times);
    std::unique_ptr<Env> m_env;
    std::unique_ptr<KubeClient> m_client;
};

void TestKubeRest::init()
{
    m_env = std::make_unique<Env>(false);
    QCOMPARE(m_env->loadError, QString());
    m_client = m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s)));
}

FaultRule TestKubeRest::fault(const QByteArray &method, const QString &path, FaultKind kind, int status, int times)
{
    FaultRule rule;
    rule.method = method;
    rule.path = path;
    rule.kind = kind;
    rule.status = status;
    rule.times = times;
    return rule;
}

void TestKubeRest::writes()
{
    const KubeResponse created = KubeTest::run(
        m_client->create(Resource::AzureIdentities, u"team-a"_s, KubeTest::identity(u"team-a"_s, u"id1"_s)));
    QVERIFY2(created.ok(), qPrintable(created.error.message));
    QCOMPARE(created.httpStatus, 201);
    QJsonObject object = created.object;
    QJsonObject spec = object[u"spec"_s].toObject();
    spec[u"clientID"_s] = u"c2"_s;
    object[u"spec"_s] = spec;
    const KubeResponse updated = KubeTest::run(m_client->update(Resource::AzureIdentities, u"team-a"_s, object));
    QVERIFY2(updated.ok(), qPrintable(updated.error.message));
    QCOMPARE(updated.object[u"spec"_s][u"clientID"_s].toString(), u"c2"_s);
    // A stale resourceVersion is a typed Conflict.
    QCOMPARE(KubeTest::run(m_client->update(Resource::AzureIdentities, u"team-a"_s, object)).error.type,
             KubeError::Type::Conflict);
    const KubeResponse merged = KubeTest::run(m_client->mergePatch(
        Resource::AzureIdentities, u"team-a"_s, u"id1"_s,
        QJsonObject {{u"metadata"_s, QJsonObject {{u"labels"_s, QJsonObject {{u"owner"_s, u"amo"_s}}}}}}));
    QVERIFY2(merged.ok(), qPrintable(merged.error.message));
    QCOMPARE(merged.object[u"metadata"_s][u"labels"_s][u"owner"_s].toString(), u"amo"_s);
    // Leases, events and service accounts use the same typed paths.
    const QJsonObject lease {{u"apiVersion"_s, u"coordination.k8s.io/v1"_s},
                             {u"kind"_s, u"Lease"_s},
                             {u"metadata"_s, QJsonObject {{u"name"_s, u"amo"_s}, {u"namespace"_s, u"team-a"_s}}},
                             {u"spec"_s, QJsonObject {{u"holderIdentity"_s, u"me"_s}}}};
    QVERIFY(KubeTest::run(m_client->create(Resource::Leases, u"team-a"_s, lease)).ok());
    QVERIFY(KubeTest::run(m_client->get(Resource::Leases, u"team-a"_s, u"amo"_s)).ok());
    QVERIFY(KubeTest::run(m_client->list(Resource::Events, u"team-a"_s, {})).ok());
    QVERIFY(KubeTest::run(m_client->list(Resource::ServiceAccounts, {}, {})).ok());
}

void TestKubeRest::paging()
{
    for (int i = 0; i < 1234; ++i)
        m_env->store().put(KubeTest::identity(i % 2 ? u"team-a"_s : u"team-b"_s, u"id-%1"_s.arg(i)));
    ListOptions options;
    options.pageSize = 100;
    const ListResult all = KubeTest::run(m_client->list(Resource::AzureIdentities, {}, options));
    QVERIFY2(all.ok(), qPrintable(all.error.message));
    QCOMPARE(all.items.size(), 1234);
    QCOMPARE(all.pages, 13);
    QVERIFY(!all.resourceVersion.isEmpty());
    const ListResult one = KubeTest::run(m_client->list(Resource::AzureIdentities, u"team-a"_s, {}));
    QCOMPARE(one.items.size(), 617);
    QCOMPARE(one.pages, 2); // default limit 500
    const QStringList &requests = m_env->recorder.requests;
    QVERIFY(requests.last().contains(u"limit=500"_s));
    QVERIFY(requests.last().contains(u"continue="_s));
}

void TestKubeRest::continueExpiryRestarts()
{
    for (int i = 0; i < 50; ++i)
        m_env->store().put(KubeTest::identity(u"team-a"_s, u"id-%1"_s.arg(i)));
    ListOptions options;
    options.pageSize = 20;
    ListJob *job = m_client->list(Resource::AzureIdentities, u"team-a"_s, options);
    int pages = 0;
    int restarts = 0;
    connect(job, &ListJob::page, this, [&] {
        if (++pages == 1)
            m_env->store().compactNow(); // the continue token of page 1 expires: 410 on page 2
    });
    connect(job, &ListJob::restarted, this, [&] { ++restarts; });
    const ListResult r = KubeTest::run(job);
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(restarts, 1);
    QCOMPARE(r.restarts, 1);
    QCOMPARE(r.items.size(), 50); // no duplicates from the abandoned pass
    // Without restarts left, the expiry surfaces as a typed Gone.
    options.maxRestarts = 0;
    ListJob *strict = m_client->list(Resource::AzureIdentities, u"team-a"_s, options);
    connect(strict, &ListJob::page, this, [&] { m_env->store().compactNow(); });
    QCOMPARE(KubeTest::run(strict).error.type, KubeError::Type::Gone);
}

void TestKubeRest::errors()
{
    QCOMPARE(KubeTest::run(m_client->get(Resource::AzureIdentities, u"team-a"_s, u"none"_s)).error.type,
             KubeError::Type::NotFound);
    const QJsonObject id = KubeTest::identity(u"team-a"_s, u"dup"_s);
    QVERIFY(KubeTest::run(m_client->create(Resource::AzureIdentities, u"team-a"_s, id)).ok());
    QCOMPARE(KubeTest::run(m_client->create(Resource::AzureIdentities, u"team-a"_s, id)).error.type,
             KubeError::Type::AlreadyExists);
    auto reader = m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-reader\n"_s)));
    const KubeResponse forbidden = KubeTest::run(
        reader->create(Resource::AzureIdentities, u"team-a"_s, KubeTest::identity(u"team-a"_s, u"x"_s)));
    QCOMPARE(forbidden.error.type, KubeError::Type::Forbidden);
    QCOMPARE(forbidden.httpStatus, 403);
    auto stranger = m_env->client(m_env->load(m_env->kubeconfig(u"    token: wrong\n"_s)));
    QCOMPARE(KubeTest::run(stranger->get(Resource::Namespaces, {}, u"team-a"_s)).error.type,
             KubeError::Type::Unauthorized);
    // Server-side failures that outlast the retries keep their type.
    ClientOptions once = Env::fastOptions();
    once.maxRetries = 0;
    auto noRetry = m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s)), once);
    const QList<std::pair<int, KubeError::Type>> statuses {{500, KubeError::Type::InternalError},
                                                           {503, KubeError::Type::ServiceUnavailable},
                                                           {504, KubeError::Type::ServerTimeout},
                                                           {429, KubeError::Type::TooManyRequests}};
    for (const auto &[status, type] : statuses) {
        m_env->server.faults().add(fault("GET", u"/api/v1/namespaces/team-b"_s, FaultKind::Status, status, 1));
        const KubeResponse r = KubeTest::run(noRetry->get(Resource::Namespaces, {}, u"team-b"_s));
        QCOMPARE(r.error.type, type);
        QCOMPARE(r.httpStatus, status);
    }
    // A watch from a compacted version answers Gone (as an ERROR event or as HTTP 410).
    QCOMPARE(
        KubeError::fromStatus(QJsonObject {{u"kind"_s, u"Status"_s}, {u"code"_s, 410}, {u"reason"_s, u"Expired"_s}})
            .type,
        KubeError::Type::Gone);
}

void TestKubeRest::invalidHasCauses()
{
    QJsonObject bad = KubeTest::identity(u"team-a"_s, u"Not_A_Name"_s);
    const KubeResponse r = KubeTest::run(m_client->create(Resource::AzureIdentities, u"team-a"_s, bad));
    QCOMPARE(r.error.type, KubeError::Type::Invalid);
    QCOMPARE(r.httpStatus, 422);
    QVERIFY(!r.error.causes.isEmpty());
    QCOMPARE(r.error.causes.first().field, u"metadata.name"_s);
}

void TestKubeRest::nonJsonBody()
{
    const KubeError e
        = KubeError::fromResponse(502, "<html><body>Bad Gateway from the corporate proxy</body></html>", {});
    QCOMPARE(e.type, KubeError::Type::Other);
    QVERIFY2(e.message.contains(u"<html><body>Bad Gateway"_s), qPrintable(e.message));
    // A 200 whose body is broken JSON, from the server.
    ClientOptions once = Env::fastOptions();
    once.maxRetries = 0;
    auto client = m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s)), once);
    m_env->server.faults().add(fault("GET", u"/api/v1/namespaces/team-a"_s, FaultKind::MalformedJson, 200, 1));
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QCOMPARE(r.error.type, KubeError::Type::BadResponse);
    QVERIFY2(r.error.message.contains(u"not a JSON object"_s), qPrintable(r.error.message));
}

void TestKubeRest::retryAfter429()
{
    FaultRule rule = fault("GET", u"/api/v1/namespaces/team-a"_s, FaultKind::Status, 429, 1);
    rule.retryAfterSeconds = 1;
    m_env->server.faults().add(rule);
    QElapsedTimer timer;
    timer.start();
    const KubeResponse r = KubeTest::run(m_client->get(Resource::Namespaces, {}, u"team-a"_s));
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.attempts, 2);
    // The backoff here is at most 100 ms, so only Retry-After explains a wait of about a second.
    QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
}

void TestKubeRest::retriesServerErrors()
{
    m_env->server.faults().add(fault("GET", u"/api/v1/namespaces/team-a"_s, FaultKind::Status, 500, 2));
    m_env->server.faults().add(fault("GET", u"/api/v1/namespaces/team-b"_s, FaultKind::Reset, 200, 1));
    const KubeResponse a = KubeTest::run(m_client->get(Resource::Namespaces, {}, u"team-a"_s));
    QVERIFY2(a.ok(), qPrintable(a.error.message));
    QCOMPARE(a.attempts, 3);
    const KubeResponse b = KubeTest::run(m_client->get(Resource::Namespaces, {}, u"team-b"_s));
    QVERIFY2(b.ok(), qPrintable(b.error.message));
    QCOMPARE(b.attempts, 2);
}

void TestKubeRest::createWithUnknownOutcomeChecksFirst()
{
    // The server stores the object, then the connection is reset mid-answer: the job must find it,
    // not POST again (which would fail with AlreadyExists or, with generateName, create a twin).
    m_env->server.faults().add(
        fault("POST", u"/apis/aadpodidentity.k8s.io/v1/namespaces/team-a/azureidentities"_s, FaultKind::Reset, 201, 1));
    const KubeResponse r = KubeTest::run(
        m_client->create(Resource::AzureIdentities, u"team-a"_s, KubeTest::identity(u"team-a"_s, u"lost"_s)));
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QVERIFY(r.createdBeforeUnknownOutcome);
    int posts = 0;
    for (const QString &request : m_env->recorder.requests)
        posts += request.startsWith(u"POST"_s);
    QCOMPARE(posts, 1);
    // A 500 before storing: the GET finds nothing, so the create is sent again.
    m_env->server.faults().add(fault("POST", u"/apis/aadpodidentity.k8s.io/v1/namespaces/team-a/azureidentities"_s,
                                     FaultKind::Status, 500, 1));
    const KubeResponse again = KubeTest::run(
        m_client->create(Resource::AzureIdentities, u"team-a"_s, KubeTest::identity(u"team-a"_s, u"second"_s)));
    QVERIFY2(again.ok(), qPrintable(again.error.message));
    QVERIFY(!again.createdBeforeUnknownOutcome);
    QCOMPARE(again.attempts, 2);
}

void TestKubeRest::legacyAuthProvider()
{
    m_env->load(
        m_env->kubeconfig(u"    auth-provider:\n      name: azure\n      config:\n        apiserver-id: x\n"_s));
    QVERIFY2(m_env->lastError.contains(u"kubelogin"_s), qPrintable(m_env->lastError));
    m_env->load(m_env->kubeconfig(u"    token: a\n    username: b\n"_s));
    QVERIFY2(m_env->lastError.contains(u"more than one authentication method"_s), qPrintable(m_env->lastError));
}

void TestKubeRest::noConfigListsPlaces()
{
    ConnectionSettings settings;
    settings.environment = QProcessEnvironment();
    settings.environment.insert(u"KUBECONFIG"_s, u"/no/such/a:/no/such/b"_s);
    settings.homeDir = m_env->dir.filePath(u"home"_s);
    const RestConfigResult r = ConnectionLoader::load(settings);
    QVERIFY(!r.ok());
    for (const QString &place : QStringList {u"--kubeconfig"_s, u"KUBECONFIG=/no/such/a:/no/such/b"_s, u"in-cluster"_s,
                                             settings.homeDir + u"/.kube/config"_s})
        QVERIFY2(r.error.contains(place), qPrintable(r.error));
    settings.kubeconfig = u"/no/such/explicit"_s;
    QVERIFY(ConnectionLoader::load(settings).error.contains(u"/no/such/explicit"_s));
}

QTEST_GUILESS_MAIN(TestKubeRest)
#include "tst_kuberest.moc"
