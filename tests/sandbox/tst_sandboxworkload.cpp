// SPDX-License-Identifier: MIT
// Workload identity in the simulator: ARM federated identity credentials, the cluster's service-account
// issuer (discovery, JWKS, TokenRequest), the token exchange at AAD and the workload objects.
#include "sandboxtestutil.h"

#include "shared/sandbox/certificateauthority.h"
#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/jsonwebtoken.h"
#include "shared/sandbox/requestlog.h"
#include "shared/sandbox/sandbox.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Sandbox;
using namespace SandboxTest;

namespace {
const QString kTenant = u"11111111-1111-1111-1111-111111111111"_s;
const QString kApp = u"22222222-2222-2222-2222-222222222222"_s;
const QString kSub = u"44444444-4444-4444-4444-444444444444"_s;
const QString kForbiddenSub = u"55555555-5555-5555-5555-555555555555"_s;
const QString kMsiClient = u"77777777-7777-7777-7777-777777777777"_s;
const QString kMsiPrincipal = u"88888888-8888-8888-8888-888888888888"_s;
const QString kIdentityPath = u"/subscriptions/%1/resourceGroups/rg-apps/providers/Microsoft.ManagedIdentity/"
                              "userAssignedIdentities/id-payments"_s;
const QString kExchange = u"api://AzureADTokenExchange"_s;

QJsonObject ficBody(const QString &issuer, const QString &subject, const QJsonArray &audiences = {kExchange})
{
    return QJsonObject {
        {u"properties"_s, QJsonObject {{u"issuer"_s, issuer}, {u"subject"_s, subject}, {u"audiences"_s, audiences}}}};
}

QJsonObject preloaded(int n, const QString &issuer)
{
    return QJsonObject {{u"name"_s, u"fic-%1"_s.arg(n)},
                        {u"issuer"_s, issuer},
                        {u"subject"_s, u"system:serviceaccount:ns-%1:app"_s.arg(n)},
                        {u"audiences"_s, QJsonArray {kExchange}}};
}
} // namespace

class TestSandboxWorkload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void ficCreateReplaceGetListDelete();
    void ficListPagesWithTop();
    void ficRejectsBadNames_data();
    void ficRejectsBadNames();
    void ficRejectsBadProperties_data();
    void ficRejectsBadProperties();
    void ficRejectsDuplicateIssuerSubject();
    void ficCapsAtTwenty();
    void ficChecksApiVersions();
    void ficChecksParentAndAccess();
    void ficWritesAreThrottled();
    void ficRoutesTakeFaultsAndAreLogged();
    void scenarioRefusesWhatAzureRefuses_data();
    void scenarioRefusesWhatAzureRefuses();
    void issuerDiscoveryAndJwks();
    void issuerIsConfigurableAndDiscoveryCanFail();
    void tokenExchangeNeedsMatchingCredential();
    void tokenExchangeChecksSignature();
    void tokenRequestSubresource();
    void defaultServiceAccountPerNamespace();
    void serviceAccountsCreatePatchList();
    void workloadsHaveOwnerChains();
    void demoScenarioHasPodsBehindBindings();

private:
    QJsonObject scenarioJson() const;
    bool start(const QJsonObject &json);
    QString armToken();
    QUrl url(const QString &pathAndQuery) const { return QUrl(m_sandbox->baseUrl().toString() + pathAndQuery); }
    QUrl ficUrl(const QString &name, const QString &apiVersion = u"2023-01-31"_s) const
    {
        return url(kIdentityPath.arg(kSub) + u"/federatedIdentityCredentials"_s
                   + (name.isEmpty() ? QString() : u'/' + name) + u"?api-version="_s + apiVersion);
    }
    Reply arm(const QByteArray &verb, const QUrl &target, const QJsonObject &body = {});
    Reply putFic(const QString &name, const QJsonObject &body) { return arm("PUT", ficUrl(name), body); }
    Reply exchange(const QByteArray &assertion, const QString &clientId = kMsiClient);
    Reply kube(const QByteArray &verb, const QString &path, const QByteArray &body = {},
               const QByteArray &contentType = "application/json");

    std::unique_ptr<Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;
    QString m_token;
};

QJsonObject TestSandboxWorkload::scenarioJson() const
{
    return QJsonObject {
        {u"tenants"_s, QJsonArray {QJsonObject {{u"id"_s, kTenant}}}},
        {u"applications"_s,
         QJsonArray {QJsonObject {{u"clientId"_s, kApp}, {u"secrets"_s, QJsonArray {u"s3cret-value"_s}}}}},
        {u"subscriptions"_s,
         QJsonArray {QJsonObject {{u"id"_s, kSub}}, QJsonObject {{u"id"_s, kForbiddenSub}, {u"forbidden"_s, true}}}},
        {u"msis"_s,
         QJsonArray {QJsonObject {{u"subscriptionId"_s, kSub},
                                  {u"resourceGroup"_s, u"rg-apps"_s},
                                  {u"name"_s, u"id-payments"_s},
                                  {u"clientId"_s, kMsiClient},
                                  {u"principalId"_s, kMsiPrincipal}},
                     QJsonObject {{u"subscriptionId"_s, kForbiddenSub},
                                  {u"resourceGroup"_s, u"rg-fin"_s},
                                  {u"name"_s, u"id-ledger"_s}}}},
        {u"arm"_s, QJsonObject {{u"pageSize"_s, 100}}},
        {u"kubernetes"_s,
         QJsonObject {{u"namespaces"_s, QJsonArray {u"payments"_s, u"checkout"_s}},
                      {u"serviceAccounts"_s,
                       QJsonArray {QJsonObject {{u"name"_s, u"payments-api"_s}, {u"namespace"_s, u"payments"_s}}}}}}};
}

bool TestSandboxWorkload::start(const QJsonObject &json)
{
    QString error;
    const auto scenario = Scenario::fromJson(json, &error);
    if (!scenario) {
        qWarning("scenario: %s", qPrintable(error));
        return false;
    }
    m_sandbox = std::make_unique<Sandbox>();
    if (!m_sandbox->start(*scenario)) {
        qWarning("start: %s", qPrintable(m_sandbox->errorString()));
        return false;
    }
    m_token.clear();
    return true;
}

void TestSandboxWorkload::init()
{
    QVERIFY(start(scenarioJson()));
}

void TestSandboxWorkload::cleanup()
{
    m_sandbox.reset();
}

QString TestSandboxWorkload::armToken()
{
    if (m_token.isEmpty()) {
        QUrlQuery form;
        form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
        form.addQueryItem(u"client_id"_s, kApp);
        form.addQueryItem(u"client_secret"_s, u"s3cret-value"_s);
        form.addQueryItem(u"scope"_s, u"https://management.azure.com/.default"_s);
        m_token = postForm(m_nam, url(u"/"_s + kTenant + u"/oauth2/v2.0/token"_s), form)
                      .json()
                      .value(u"access_token"_s)
                      .toString();
    }
    return m_token;
}

Reply TestSandboxWorkload::arm(const QByteArray &verb, const QUrl &target, const QJsonObject &body)
{
    QNetworkRequest request(target);
    request.setRawHeader("Authorization", "Bearer " + armToken().toLatin1());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return send(m_nam, request, verb, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
}

Reply TestSandboxWorkload::exchange(const QByteArray &assertion, const QString &clientId)
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, clientId);
    form.addQueryItem(u"client_assertion_type"_s, u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s);
    form.addQueryItem(u"client_assertion"_s, QString::fromLatin1(assertion));
    form.addQueryItem(u"scope"_s, u"https://management.azure.com/.default"_s);
    return postForm(m_nam, url(u"/"_s + kTenant + u"/oauth2/v2.0/token"_s), form);
}

Reply TestSandboxWorkload::kube(const QByteArray &verb, const QString &path, const QByteArray &body,
                                const QByteArray &contentType)
{
    QNetworkRequest request(url(path));
    if (!body.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    return send(m_nam, request, verb, body);
}

void TestSandboxWorkload::ficCreateReplaceGetListDelete()
{
    const QString issuer = u"https://oidc.prod-aks.azure.com/TenantGUID/IssuerGUID"_s;
    const Reply created = putFic(u"ficResourceName"_s, ficBody(issuer, u"system:serviceaccount:ns:svcaccount"_s));
    QCOMPARE(created.status, 201);
    // the shape of the spec's FederatedIdentityCredentialCreate example
    const QJsonObject body = created.json();
    QCOMPARE(body.value(u"name"_s).toString(), u"ficResourceName"_s);
    QCOMPARE(body.value(u"type"_s).toString(),
             u"Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials"_s);
    QCOMPARE(body.value(u"id"_s).toString(),
             u"/subscriptions/%1/resourcegroups/rg-apps/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
             "id-payments/federatedIdentityCredentials/ficResourceName"_s.arg(kSub));
    const QJsonObject properties = body.value(u"properties"_s).toObject();
    QCOMPARE(properties.value(u"issuer"_s).toString(), issuer);
    QCOMPARE(properties.value(u"subject"_s).toString(), u"system:serviceaccount:ns:svcaccount"_s);
    QCOMPARE(properties.value(u"audiences"_s).toArray(), QJsonArray {kExchange});
    QVERIFY(!created.header("x-ms-ratelimit-remaining-subscription-writes").isEmpty());

    const Reply replaced = putFic(u"ficResourceName"_s, ficBody(issuer, u"system:serviceaccount:ns:other"_s));
    QCOMPARE(replaced.status, 200);
    const Reply got = arm("GET", ficUrl(u"ficResourceName"_s));
    QCOMPARE(got.status, 200);
    QCOMPARE(got.json().value(u"properties"_s).toObject().value(u"subject"_s).toString(),
             u"system:serviceaccount:ns:other"_s);
    const Reply list = arm("GET", ficUrl({}));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(u"value"_s).toArray().size(), 1);
    QVERIFY(!list.json().contains(u"nextLink"_s));

    QCOMPARE(arm("DELETE", ficUrl(u"ficResourceName"_s)).status, 200);
    QCOMPARE(arm("DELETE", ficUrl(u"ficResourceName"_s)).status, 204);
    const Reply gone = arm("GET", ficUrl(u"ficResourceName"_s));
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"ResourceNotFound"_s);
}

void TestSandboxWorkload::ficListPagesWithTop()
{
    QJsonObject json = scenarioJson();
    QJsonArray msis = json.value(u"msis"_s).toArray();
    QJsonObject msi = msis.at(0).toObject();
    QJsonArray fics;
    for (int i = 0; i < 5; ++i)
        fics.append(preloaded(i, u"https://issuer.test"_s));
    msi.insert(u"federatedIdentityCredentials"_s, fics);
    msis.replace(0, msi);
    json.insert(u"msis"_s, msis);
    QVERIFY(start(json));

    QStringList names;
    QUrl next = QUrl(ficUrl({}).toString() + u"&$top=2"_s);
    int pages = 0;
    while (next.isValid() && !next.isEmpty() && pages < 10) {
        const Reply page = arm("GET", next);
        QCOMPARE(page.status, 200);
        const QJsonArray value = page.json().value(u"value"_s).toArray();
        QVERIFY(value.size() <= 2);
        for (const QJsonValue &v : value)
            names.append(v.toObject().value(u"name"_s).toString());
        next = QUrl(page.json().value(u"nextLink"_s).toString());
        if (!next.isEmpty())
            QVERIFY(next.query().contains(u"$skiptoken="_s));
        ++pages;
    }
    QCOMPARE(pages, 3);
    QCOMPARE(names, (QStringList {u"fic-0"_s, u"fic-1"_s, u"fic-2"_s, u"fic-3"_s, u"fic-4"_s}));
    QCOMPARE(arm("GET", QUrl(ficUrl({}).toString() + u"&$top=0"_s)).status, 400);
}

void TestSandboxWorkload::ficRejectsBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("three characters") << u"abc"_s << true;
    QTest::newRow("120 characters") << QString(120, u'a') << true;
    QTest::newRow("hyphens and underscores") << u"a-b_c"_s << true;
    QTest::newRow("two characters") << u"ab"_s << false;
    QTest::newRow("121 characters") << QString(121, u'a') << false;
    QTest::newRow("leading hyphen") << u"-abc"_s << false;
    QTest::newRow("leading underscore") << u"_abc"_s << false;
    QTest::newRow("dot") << u"a.bc"_s << false;
}

void TestSandboxWorkload::ficRejectsBadNames()
{
    QFETCH(QString, name);
    QFETCH(bool, accepted);
    const Reply r = putFic(name, ficBody(u"https://issuer.test"_s, u"system:serviceaccount:a:b"_s));
    if (accepted) {
        QCOMPARE(r.status, 201);
        return;
    }
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"BadRequest"_s);
    QVERIFY2(error.value(u"message"_s).toString().contains(u'\'' + name + u'\''), r.body.constData());
    QCOMPARE(arm("GET", ficUrl({})).json().value(u"value"_s).toArray().size(), 0);
}

void TestSandboxWorkload::ficRejectsBadProperties_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("fragment");
    const QString sub = u"system:serviceaccount:a:b"_s;
    QTest::newRow("http issuer") << ficBody(u"http://issuer.test"_s, sub) << u"https"_s;
    QTest::newRow("no issuer") << ficBody({}, sub) << u"'issuer', 'subject' and 'audience'"_s;
    QTest::newRow("no subject") << ficBody(u"https://issuer.test"_s, {}) << u"'issuer', 'subject' and 'audience'"_s;
    QTest::newRow("no audience") << ficBody(u"https://issuer.test"_s, sub, {}) << u"'audience'"_s;
    QTest::newRow("two audiences") << ficBody(u"https://issuer.test"_s, sub, {kExchange, u"api://other"_s})
                                   << u"exactly one audience"_s;
}

void TestSandboxWorkload::ficRejectsBadProperties()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, fragment);
    const Reply r = putFic(u"fic-bad"_s, body);
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(fragment),
             r.body.constData());
    QCOMPARE(arm("GET", ficUrl(u"fic-bad"_s)).status, 404);
}

void TestSandboxWorkload::ficRejectsDuplicateIssuerSubject()
{
    const QJsonObject body = ficBody(u"https://issuer.test"_s, u"system:serviceaccount:a:b"_s);
    QCOMPARE(putFic(u"first"_s, body).status, 201);
    const Reply twice = putFic(u"second"_s, body);
    QCOMPARE(twice.status, 400);
    QVERIFY2(twice.json()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"message"_s)
                 .toString()
                 .contains(u"Issuer and subject combination already exists"_s),
             twice.body.constData());
    // the same pair under its own name is a replacement, not a duplicate
    QCOMPARE(putFic(u"first"_s, body).status, 200);
}

void TestSandboxWorkload::ficCapsAtTwenty()
{
    QJsonObject json = scenarioJson();
    QJsonArray msis = json.value(u"msis"_s).toArray();
    QJsonObject msi = msis.at(0).toObject();
    QJsonArray fics;
    for (int i = 0; i < 20; ++i)
        fics.append(preloaded(i, u"https://issuer.test"_s));
    msi.insert(u"federatedIdentityCredentials"_s, fics);
    msis.replace(0, msi);
    json.insert(u"msis"_s, msis);
    QVERIFY(start(json));

    const Reply full = putFic(u"fic-20"_s, ficBody(u"https://issuer.test"_s, u"system:serviceaccount:x:y"_s));
    QCOMPARE(full.status, 400);
    const QJsonObject error = full.json().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"BadRequest"_s);
    QVERIFY2(error.value(u"message"_s).toString().contains(u"Too many Federated Identity Credentials"_s),
             full.body.constData());
    QCOMPARE(arm("GET", ficUrl({})).json().value(u"value"_s).toArray().size(), 20);
    // replacing one of the twenty is still allowed
    QCOMPARE(putFic(u"fic-3"_s, ficBody(u"https://issuer.test"_s, u"system:serviceaccount:x:y"_s)).status, 200);
    QCOMPARE(arm("DELETE", ficUrl(u"fic-0"_s)).status, 200);
    QCOMPARE(putFic(u"fic-20"_s, ficBody(u"https://issuer.test"_s, u"system:serviceaccount:x:z"_s)).status, 201);
}

void TestSandboxWorkload::ficChecksApiVersions()
{
    const QJsonObject body = ficBody(u"https://issuer.test"_s, u"system:serviceaccount:a:b"_s);
    for (const QString &v : {u"2022-01-31-preview"_s, u"2023-01-31"_s, u"2024-11-30"_s})
        QVERIFY2(arm("PUT", ficUrl(u"fic-ok"_s, v), body).status < 300, qPrintable(v));
    // userAssignedIdentities has 2018-11-30, its federatedIdentityCredentials do not
    const Reply old = arm("PUT", ficUrl(u"fic-ok"_s, u"2018-11-30"_s), body);
    QCOMPARE(old.status, 400);
    QCOMPARE(old.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"NoRegisteredProviderFound"_s);
    QVERIFY(old.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"2023-01-31"_s));
    const Reply missing = arm("GET", url(kIdentityPath.arg(kSub) + u"/federatedIdentityCredentials"_s));
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"MissingApiVersionParameter"_s);
}

void TestSandboxWorkload::ficChecksParentAndAccess()
{
    const QJsonObject body = ficBody(u"https://issuer.test"_s, u"system:serviceaccount:a:b"_s);
    const QString base = u"/subscriptions/%1/resourceGroups/%2/providers/Microsoft.ManagedIdentity/"
                         "userAssignedIdentities/%3/federatedIdentityCredentials/fic-x?api-version=2023-01-31"_s;
    const Reply noIdentity = arm("PUT", url(base.arg(kSub, u"rg-apps"_s, u"id-missing"_s)), body);
    QCOMPARE(noIdentity.status, 404);
    QCOMPARE(noIdentity.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"ParentResourceNotFound"_s);
    QCOMPARE(arm("PUT", url(base.arg(kSub, u"rg-none"_s, u"id-payments"_s)), body).status, 404);
    const Reply forbidden = arm("PUT", url(base.arg(kForbiddenSub, u"rg-fin"_s, u"id-ledger"_s)), body);
    QCOMPARE(forbidden.status, 403);
    QVERIFY(forbidden.json()
                .value(u"error"_s)
                .toObject()
                .value(u"message"_s)
                .toString()
                .contains(u"Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/write"_s));
    QCOMPARE(arm("PATCH", ficUrl(u"fic-x"_s), body).status, 405);
    QNetworkRequest anonymous(ficUrl(u"fic-x"_s));
    QCOMPARE(send(m_nam, anonymous, "PUT", QJsonDocument(body).toJson()).status, 401);
}

void TestSandboxWorkload::ficWritesAreThrottled()
{
    QJsonObject json = scenarioJson();
    json.insert(u"arm"_s,
                QJsonObject {{u"writeThrottle"_s, QJsonObject {{u"budget"_s, 2}, {u"refillPerSecond"_s, 0.001}}}});
    QVERIFY(start(json));
    for (int i = 0; i < 2; ++i)
        QCOMPARE(putFic(u"fic-%1"_s.arg(i), ficBody(u"https://issuer.test"_s, u"system:serviceaccount:a:%1"_s.arg(i)))
                     .status,
                 201);
    const Reply throttled = putFic(u"fic-2"_s, ficBody(u"https://issuer.test"_s, u"system:serviceaccount:a:2"_s));
    QCOMPARE(throttled.status, 429);
    QVERIFY(throttled.header("Retry-After").toInt() > 0);
    QCOMPARE(throttled.json().value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"SubscriptionRequestsThrottled"_s);
    QVERIFY(throttled.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"'write'"_s));
    // reads have their own bucket
    QCOMPARE(arm("GET", ficUrl({})).status, 200);
    QCOMPARE(arm("GET", ficUrl(u"fic-2"_s)).status, 404);
}

void TestSandboxWorkload::ficRoutesTakeFaultsAndAreLogged()
{
    FaultRule rule;
    rule.kind = FaultKind::Status;
    rule.method = "PUT";
    rule.path = u"*/federatedIdentityCredentials/*"_s;
    rule.status = 429;
    rule.retryAfterSeconds = 3;
    rule.times = 1;
    m_sandbox->faults().add(rule);
    const QJsonObject body = ficBody(u"https://issuer.test"_s, u"system:serviceaccount:a:b"_s);
    const Reply faulted = putFic(u"fic-a"_s, body);
    QCOMPARE(faulted.status, 429);
    QCOMPARE(faulted.header("Retry-After"), QByteArray("3"));
    QCOMPARE(putFic(u"fic-a"_s, body).status, 201);
    const QString route = u"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                          "Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}/"
                          "federatedIdentityCredentials/{federatedIdentityCredentialResourceName}"_s;
    QCOMPARE(m_sandbox->requestLog().count("PUT", route, 201), 1);
    // a faulted request never reached the handler, so it is logged under its path, with the fault's name
    int faultedEntries = 0;
    for (const RequestLogEntry &e : m_sandbox->requestLog().entries())
        faultedEntries += e.method == "PUT" && e.status == 429 && !e.fault.isEmpty()
            && e.path.endsWith(u"/federatedIdentityCredentials/fic-a"_s);
    QCOMPARE(faultedEntries, 1);
}

void TestSandboxWorkload::scenarioRefusesWhatAzureRefuses_data()
{
    QTest::addColumn<QJsonArray>("fics");
    QTest::addColumn<QString>("fragment");
    QJsonArray many;
    for (int i = 0; i < 21; ++i)
        many.append(preloaded(i, u"https://issuer.test"_s));
    QTest::newRow("21 credentials") << many << u"maximum of 20"_s;
    QJsonObject badName = preloaded(0, u"https://issuer.test"_s);
    badName.insert(u"name"_s, u"x"_s);
    QTest::newRow("bad name") << QJsonArray {badName} << u"'x'"_s;
    QTest::newRow("http issuer") << QJsonArray {preloaded(0, u"http://issuer.test"_s)} << u"https"_s;
}

void TestSandboxWorkload::scenarioRefusesWhatAzureRefuses()
{
    QFETCH(QJsonArray, fics);
    QFETCH(QString, fragment);
    QJsonObject json = scenarioJson();
    QJsonArray msis = json.value(u"msis"_s).toArray();
    QJsonObject msi = msis.at(0).toObject();
    msi.insert(u"federatedIdentityCredentials"_s, fics);
    msis.replace(0, msi);
    json.insert(u"msis"_s, msis);
    QString error;
    QVERIFY(!Scenario::fromJson(json, &error));
    QVERIFY2(error.contains(u"id-payments"_s) && error.contains(fragment), qPrintable(error));
}

void TestSandboxWorkload::issuerDiscoveryAndJwks()
{
    const Reply config = kube("GET", u"/.well-known/openid-configuration"_s);
    QCOMPARE(config.status, 200);
    QCOMPARE(config.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject c = config.json();
    QCOMPARE(c.value(u"issuer"_s).toString(), u"https://kubernetes.default.svc.cluster.local"_s);
    QCOMPARE(m_sandbox->serviceAccountIssuer(), c.value(u"issuer"_s).toString());
    QCOMPARE(c.value(u"jwks_uri"_s).toString(), m_sandbox->baseUrl().toString() + u"/openid/v1/jwks"_s);
    QCOMPARE(c.value(u"response_types_supported"_s).toArray(), QJsonArray {u"id_token"_s});
    QCOMPARE(c.value(u"subject_types_supported"_s).toArray(), QJsonArray {u"public"_s});
    QCOMPARE(c.value(u"id_token_signing_alg_values_supported"_s).toArray(), QJsonArray {u"RS256"_s});

    const Reply jwks = kube("GET", u"/openid/v1/jwks"_s);
    QCOMPARE(jwks.status, 200);
    QCOMPARE(jwks.header("Content-Type"), QByteArray("application/jwk-set+json"));
    const QJsonArray keys = jwks.json().value(u"keys"_s).toArray();
    QCOMPARE(keys.size(), 1);
    const QJsonObject key = keys.at(0).toObject();
    QCOMPARE(key.value(u"kty"_s).toString(), u"RSA"_s);
    QCOMPARE(key.value(u"alg"_s).toString(), u"RS256"_s);
    QCOMPARE(key.value(u"use"_s).toString(), u"sig"_s);
    QCOMPARE(key.value(u"e"_s).toString(), u"AQAB"_s);
    QVERIFY(key.value(u"n"_s).toString().size() > 300); // 2048 bits in base64url

    const auto token = JsonWebToken::parse(m_sandbox->mintServiceAccountToken(u"payments"_s, u"payments-api"_s));
    QVERIFY(token);
    QCOMPARE(token->algorithm(), u"RS256"_s);
    QCOMPARE(token->header().value(u"kid"_s).toString(), key.value(u"kid"_s).toString());
    QCOMPARE(token->stringClaim(u"iss"_s), c.value(u"issuer"_s).toString());
    QCOMPARE(token->stringClaim(u"sub"_s), u"system:serviceaccount:payments:payments-api"_s);
    QCOMPARE(token->claims().value(u"aud"_s).toArray(), QJsonArray {kExchange});
    QCOMPARE(token->claims().value(u"kubernetes.io"_s).toObject().value(u"namespace"_s).toString(), u"payments"_s);
    QVERIFY(token->verifyRs256(m_sandbox->serviceAccountIssuerKeys().publicKeyPem()));
    QCOMPARE(token->timeClaim(u"exp"_s) - token->timeClaim(u"iat"_s), 3600);
}

void TestSandboxWorkload::issuerIsConfigurableAndDiscoveryCanFail()
{
    QJsonObject json = scenarioJson();
    QJsonObject kube = json.value(u"kubernetes"_s).toObject();
    kube.insert(u"serviceAccountIssuer"_s, u"https://oidc.sandbox.test/cluster-7"_s);
    kube.insert(u"serviceAccountIssuerDiscovery"_s, false);
    json.insert(u"kubernetes"_s, kube);
    QVERIFY(start(json));
    QCOMPARE(this->kube("GET", u"/.well-known/openid-configuration"_s).status, 404);
    QCOMPARE(this->kube("GET", u"/openid/v1/jwks"_s).status, 404);
    m_sandbox->setServiceAccountIssuerDiscovery(true);
    const Reply config = this->kube("GET", u"/.well-known/openid-configuration"_s);
    QCOMPARE(config.status, 200);
    QCOMPARE(config.json().value(u"issuer"_s).toString(), u"https://oidc.sandbox.test/cluster-7"_s);
    const auto token = JsonWebToken::parse(m_sandbox->mintServiceAccountToken(u"a"_s, u"b"_s));
    QCOMPARE(token->stringClaim(u"iss"_s), u"https://oidc.sandbox.test/cluster-7"_s);
    m_sandbox->setServiceAccountIssuerDiscovery(false);
    QCOMPARE(this->kube("GET", u"/.well-known/openid-configuration"_s).status, 404);
}

void TestSandboxWorkload::tokenExchangeNeedsMatchingCredential()
{
    const QString issuer = m_sandbox->serviceAccountIssuer();
    const QByteArray podToken = m_sandbox->mintServiceAccountToken(u"payments"_s, u"payments-api"_s);
    // no credential yet: Entra's answer for an issuer the identity does not trust
    const Reply before = exchange(podToken);
    QCOMPARE(before.status, 400);
    QVERIFY2(before.json().value(u"error_description"_s).toString().startsWith(u"AADSTS700211"_s),
             before.body.constData());

    QCOMPARE(
        putFic(u"payments-payments-api"_s, ficBody(issuer, u"system:serviceaccount:payments:payments-api"_s)).status,
        201);
    const Reply ok = exchange(podToken);
    QCOMPARE(ok.status, 200);
    const auto access = JsonWebToken::parse(ok.json().value(u"access_token"_s).toString().toLatin1());
    QVERIFY(access);
    QCOMPARE(access->stringClaim(u"oid"_s), kMsiPrincipal);
    QCOMPARE(access->stringClaim(u"appid"_s), kMsiClient);
    QCOMPARE(access->stringClaim(u"tid"_s), kTenant);
    // the issued token opens ARM
    QNetworkRequest armRequest(url(u"/subscriptions/%1?api-version=2022-12-01"_s.arg(kSub)));
    armRequest.setRawHeader("Authorization", "Bearer " + ok.json().value(u"access_token"_s).toString().toLatin1());
    QCOMPARE(send(m_nam, armRequest).status, 200);

    // the same ServiceAccount name in another namespace is another subject
    const Reply otherNamespace = exchange(m_sandbox->mintServiceAccountToken(u"checkout"_s, u"payments-api"_s));
    QCOMPARE(otherNamespace.status, 400);
    const QString description = otherNamespace.json().value(u"error_description"_s).toString();
    QVERIFY2(description.startsWith(u"AADSTS70021: No matching federated identity record found for presented "
                                    "assertion."_s),
             qPrintable(description));
    QVERIFY(description.contains(u"system:serviceaccount:checkout:payments-api"_s));
    QCOMPARE(otherNamespace.json().value(u"error_codes"_s).toArray(), QJsonArray {70021});

    const Reply wrongAudience
        = exchange(m_sandbox->mintServiceAccountToken(u"payments"_s, u"payments-api"_s, {u"api://other"_s}));
    QCOMPARE(wrongAudience.status, 400);
    QVERIFY2(wrongAudience.json().value(u"error_description"_s).toString().startsWith(u"AADSTS700212"_s),
             wrongAudience.body.constData());

    // a token for another identity's client id does not borrow this one's credential
    QCOMPARE(exchange(podToken, u"99999999-9999-9999-9999-999999999999"_s).status, 400);

    // deleting the credential takes effect at once
    QCOMPARE(arm("DELETE", ficUrl(u"payments-payments-api"_s)).status, 200);
    QCOMPARE(exchange(podToken).status, 400);
}

void TestSandboxWorkload::tokenExchangeChecksSignature()
{
    const QString issuer = m_sandbox->serviceAccountIssuer();
    QCOMPARE(putFic(u"fic-1"_s, ficBody(issuer, u"system:serviceaccount:payments:payments-api"_s)).status, 201);
    // the right claims and kid, signed with a key the cluster does not publish
    const IssuedCertificate stranger = CertificateAuthority::selfSigned(u"stranger"_s);
    const auto genuine = JsonWebToken::parse(m_sandbox->mintServiceAccountToken(u"payments"_s, u"payments-api"_s));
    const QByteArray forged = JsonWebToken::signRs256(genuine->header(), genuine->claims(), stranger.privateKeyPem);
    const Reply r = exchange(forged);
    QCOMPARE(r.status, 401);
    QVERIFY2(r.json().value(u"error_description"_s).toString().startsWith(u"AADSTS700027"_s), r.body.constData());
    // an expired pod token
    const Reply expired
        = exchange(m_sandbox->mintServiceAccountToken(u"payments"_s, u"payments-api"_s, {kExchange}, -60));
    QCOMPARE(expired.status, 400);
    QVERIFY(expired.json().value(u"error_description"_s).toString().startsWith(u"AADSTS700024"_s));
}

void TestSandboxWorkload::tokenRequestSubresource()
{
    const QByteArray request
        = QJsonDocument(
              QJsonObject {
                  {u"apiVersion"_s, u"authentication.k8s.io/v1"_s},
                  {u"kind"_s, u"TokenRequest"_s},
                  {u"spec"_s, QJsonObject {{u"audiences"_s, QJsonArray {kExchange}}, {u"expirationSeconds"_s, 3600}}}})
              .toJson();
    const Reply r = kube("POST", u"/api/v1/namespaces/payments/serviceaccounts/payments-api/token"_s, request);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"kind"_s).toString(), u"TokenRequest"_s);
    const QJsonObject status = r.json().value(u"status"_s).toObject();
    QVERIFY(!status.value(u"expirationTimestamp"_s).toString().isEmpty());
    const QByteArray token = status.value(u"token"_s).toString().toLatin1();
    const auto jwt = JsonWebToken::parse(token);
    QVERIFY(jwt);
    QCOMPARE(jwt->stringClaim(u"sub"_s), u"system:serviceaccount:payments:payments-api"_s);
    const QString uid = kube("GET", u"/api/v1/namespaces/payments/serviceaccounts/payments-api"_s)
                            .json()
                            .value(u"metadata"_s)
                            .toObject()
                            .value(u"uid"_s)
                            .toString();
    QCOMPARE(jwt->claims()
                 .value(u"kubernetes.io"_s)
                 .toObject()
                 .value(u"serviceaccount"_s)
                 .toObject()
                 .value(u"uid"_s)
                 .toString(),
             uid);
    QCOMPARE(
        putFic(u"fic-1"_s, ficBody(m_sandbox->serviceAccountIssuer(), u"system:serviceaccount:payments:payments-api"_s))
            .status,
        201);
    QCOMPARE(exchange(token).status, 200);

    QCOMPARE(kube("POST", u"/api/v1/namespaces/payments/serviceaccounts/nobody/token"_s, request).status, 404);
    const QByteArray tooShort
        = QJsonDocument(QJsonObject {{u"spec"_s, QJsonObject {{u"expirationSeconds"_s, 60}}}}).toJson();
    QCOMPARE(kube("POST", u"/api/v1/namespaces/payments/serviceaccounts/payments-api/token"_s, tooShort).status, 422);
    // without audiences the token is for the API server itself
    const Reply plain = kube("POST", u"/api/v1/namespaces/payments/serviceaccounts/payments-api/token"_s, "{}");
    QCOMPARE(plain.status, 201);
    const auto plainJwt
        = JsonWebToken::parse(plain.json().value(u"status"_s).toObject().value(u"token"_s).toString().toLatin1());
    QCOMPARE(plainJwt->claims().value(u"aud"_s).toArray(), QJsonArray {m_sandbox->serviceAccountIssuer()});
}

void TestSandboxWorkload::defaultServiceAccountPerNamespace()
{
    QCOMPARE(kube("GET", u"/api/v1/namespaces/checkout/serviceaccounts/default"_s).status, 200);
    const QByteArray ns = R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"fresh"}})";
    QCOMPARE(kube("POST", u"/api/v1/namespaces"_s, ns).status, 201);
    QCOMPARE(kube("GET", u"/api/v1/namespaces/fresh/serviceaccounts/default"_s).status, 200);

    QJsonObject json = scenarioJson();
    QJsonObject kubeSection = json.value(u"kubernetes"_s).toObject();
    kubeSection.insert(u"defaultServiceAccounts"_s, false);
    json.insert(u"kubernetes"_s, kubeSection);
    QVERIFY(start(json));
    QCOMPARE(kube("GET", u"/api/v1/namespaces/checkout/serviceaccounts/default"_s).status, 404);
}

void TestSandboxWorkload::serviceAccountsCreatePatchList()
{
    const QByteArray sa = R"({"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"wi","labels":{"a":"b"}}})";
    QCOMPARE(kube("POST", u"/api/v1/namespaces/checkout/serviceaccounts"_s, sa).status, 201);
    QCOMPARE(kube("POST", u"/api/v1/namespaces/checkout/serviceaccounts"_s, sa).status, 409);
    const QByteArray patch = R"({"metadata":{"annotations":{"azure.workload.identity/client-id":"abc"}}})";
    const Reply patched
        = kube("PATCH", u"/api/v1/namespaces/checkout/serviceaccounts/wi"_s, patch, "application/merge-patch+json");
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json()
                 .value(u"metadata"_s)
                 .toObject()
                 .value(u"annotations"_s)
                 .toObject()
                 .value(u"azure.workload.identity/client-id"_s)
                 .toString(),
             u"abc"_s);
    const Reply list = kube("GET", u"/api/v1/serviceaccounts?labelSelector=a%3Db"_s);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(u"items"_s).toArray().size(), 1);
}

void TestSandboxWorkload::workloadsHaveOwnerChains()
{
    QJsonObject json = scenarioJson();
    QJsonObject kubeSection = json.value(u"kubernetes"_s).toObject();
    kubeSection.insert(
        u"deployments"_s,
        QJsonArray {
            QJsonObject {{u"name"_s, u"api"_s},
                         {u"namespace"_s, u"payments"_s},
                         {u"replicas"_s, 2},
                         {u"serviceAccountName"_s, u"payments-api"_s},
                         {u"podLabels"_s, QJsonObject {{u"app"_s, u"api"_s}, {u"aadpodidbinding"_s, u"payments"_s}}}}});
    kubeSection.insert(
        u"statefulSets"_s,
        QJsonArray {
            QJsonObject {{u"name"_s, u"db"_s},
                         {u"namespace"_s, u"payments"_s},
                         {u"replicas"_s, 2},
                         {u"podLabels"_s, QJsonObject {{u"app"_s, u"db"_s}, {u"aadpodidbinding"_s, u"payments"_s}}}}});
    kubeSection.insert(u"pods"_s,
                       QJsonArray {QJsonObject {{u"name"_s, u"loose"_s},
                                                {u"namespace"_s, u"payments"_s},
                                                {u"labels"_s, QJsonObject {{u"run"_s, u"loose"_s}}}}});
    json.insert(u"kubernetes"_s, kubeSection);
    QVERIFY(start(json));

    const Reply bound = kube("GET", u"/api/v1/namespaces/payments/pods?labelSelector=aadpodidbinding%3Dpayments"_s);
    QCOMPARE(bound.status, 200);
    const QJsonArray pods = bound.json().value(u"items"_s).toArray();
    QCOMPARE(pods.size(), 4);
    const QJsonObject deployment = kube("GET", u"/apis/apps/v1/namespaces/payments/deployments/api"_s).json();
    const QString deploymentUid = deployment.value(u"metadata"_s).toObject().value(u"uid"_s).toString();
    QVERIFY(!deploymentUid.isEmpty());
    const QJsonArray replicaSets
        = kube("GET", u"/apis/apps/v1/namespaces/payments/replicasets"_s).json().value(u"items"_s).toArray();
    QCOMPARE(replicaSets.size(), 1);
    const QJsonObject rsMeta = replicaSets.at(0).toObject().value(u"metadata"_s).toObject();
    const QJsonObject rsOwner = rsMeta.value(u"ownerReferences"_s).toArray().at(0).toObject();
    QCOMPARE(rsOwner.value(u"kind"_s).toString(), u"Deployment"_s);
    QCOMPARE(rsOwner.value(u"uid"_s).toString(), deploymentUid);
    QVERIFY(rsMeta.value(u"name"_s).toString().startsWith(u"api-"_s));
    const QString rsName = rsMeta.value(u"name"_s).toString();
    const QString rsUid = rsMeta.value(u"uid"_s).toString();
    int byReplicaSet = 0;
    QStringList statefulNames;
    for (const QJsonValue &v : pods) {
        const QJsonObject meta = v.toObject().value(u"metadata"_s).toObject();
        const QJsonObject owner = meta.value(u"ownerReferences"_s).toArray().at(0).toObject();
        QVERIFY(owner.value(u"controller"_s).toBool());
        QVERIFY(!owner.value(u"uid"_s).toString().isEmpty());
        if (owner.value(u"kind"_s).toString() == u"ReplicaSet"_s) {
            QCOMPARE(owner.value(u"uid"_s).toString(), rsUid);
            QVERIFY(meta.value(u"name"_s).toString().startsWith(rsName + u'-'));
            QCOMPARE(v.toObject().value(u"spec"_s).toObject().value(u"serviceAccountName"_s).toString(),
                     u"payments-api"_s);
            ++byReplicaSet;
        } else {
            QCOMPARE(owner.value(u"kind"_s).toString(), u"StatefulSet"_s);
            statefulNames.append(meta.value(u"name"_s).toString());
        }
    }
    QCOMPARE(byReplicaSet, 2);
    statefulNames.sort();
    QCOMPARE(statefulNames, (QStringList {u"db-0"_s, u"db-1"_s}));
    QCOMPARE(kube("GET", u"/api/v1/namespaces/payments/pods/loose"_s).status, 200);
    QCOMPARE(kube("GET", u"/api/v1/pods"_s).json().value(u"items"_s).toArray().size(), 5);
    QCOMPARE(kube("GET", u"/apis/apps/v1/statefulsets"_s).json().value(u"items"_s).toArray().size(), 1);
}

void TestSandboxWorkload::demoScenarioHasPodsBehindBindings()
{
    QString error;
    const auto demo = Scenario::load(QStringLiteral(AMO_SOURCE_DIR "/resources/sandbox/demo-scenario.json"), &error);
    QVERIFY2(demo, qPrintable(error));
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(*demo), qPrintable(m_sandbox->errorString()));
    QNetworkRequest request(url(u"/apis/aadpodidentity.k8s.io/v1/azureidentitybindings"_s));
    request.setRawHeader("Authorization", "Bearer demo-operator-token");
    const QJsonArray bindings = send(m_nam, request).json().value(u"items"_s).toArray();
    QVERIFY(!bindings.isEmpty());
    int bindingsWithPods = 0;
    QStringList ownerKinds;
    for (const QJsonValue &b : bindings) {
        const QString ns = b.toObject().value(u"metadata"_s).toObject().value(u"namespace"_s).toString();
        const QString selector = b.toObject().value(u"spec"_s).toObject().value(u"selector"_s).toString();
        QNetworkRequest pods(url(u"/api/v1/namespaces/%1/pods?labelSelector=aadpodidbinding%3D%2"_s.arg(ns, selector)));
        pods.setRawHeader("Authorization", "Bearer demo-operator-token");
        const QJsonArray items = send(m_nam, pods).json().value(u"items"_s).toArray();
        bindingsWithPods += items.isEmpty() ? 0 : 1;
        for (const QJsonValue &p : items) {
            const QJsonArray owners
                = p.toObject().value(u"metadata"_s).toObject().value(u"ownerReferences"_s).toArray();
            const QString kind = owners.isEmpty() ? u"(none)"_s : owners.at(0).toObject().value(u"kind"_s).toString();
            if (!ownerKinds.contains(kind))
                ownerKinds.append(kind);
        }
    }
    QVERIFY2(bindingsWithPods >= 3, qPrintable(QString::number(bindingsWithPods)));
    ownerKinds.sort();
    QCOMPARE(ownerKinds, (QStringList {u"(none)"_s, u"ReplicaSet"_s, u"StatefulSet"_s}));
}

QTEST_GUILESS_MAIN(TestSandboxWorkload)
#include "tst_sandboxworkload.moc"
