// SPDX-License-Identifier: MIT
#include "sandboxtestutil.h"

#include "shared/sandbox/armhandler.h"
#include "shared/sandbox/certificateauthority.h"
#include "shared/sandbox/jsonwebtoken.h"
#include "shared/sandbox/sandbox.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Sandbox;
using namespace SandboxTest;

namespace {
const QString kTenant = u"11111111-1111-1111-1111-111111111111"_s;
const QString kApp = u"22222222-2222-2222-2222-222222222222"_s;
const QString kCertApp = u"33333333-3333-3333-3333-333333333333"_s;
const QString kSub = u"44444444-4444-4444-4444-444444444444"_s;
const QString kForbiddenSub = u"55555555-5555-5555-5555-555555555555"_s;
const QString kIssuer = u"https://oidc.sandbox.test/cluster-1/"_s;
const QString kMiClient = u"66666666-6666-6666-6666-666666666666"_s;
} // namespace

class TestSandboxAzure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void secretGrantIssuesJwtWithTenant();
    void v1EndpointAnswersWithStrings();
    void rejectsBadSecretUnknownAppAndTenant();
    void acceptsCertificateAssertion();
    void rejectsAssertionWithBadSignature();
    void rejectsAssertionForWrongAudience();
    void acceptsFederatedToken();
    void rejectsUntrustedFederatedIssuer();
    void passwordGrant();
    void armPagesIdentities();
    void armPagesIdentities_data();
    void armRejectsMissingAndExpiredTokens();
    void armThrottlesPerSubscriptionAndPrincipal();
    void armChecksApiVersionsAndAccess();
    void imdsChecksHeaderAndVersion();
    void appServiceChecksIdentityHeader();

private:
    QJsonObject scenarioJson() const;
    QString token(const QString &scope = u"https://management.azure.com/.default"_s);
    QByteArray assertion(const QByteArray &keyPem, const QByteArray &certPem, const QString &aud) const;
    QUrl url(const QString &pathAndQuery) const { return QUrl(m_sandbox->baseUrl().toString() + pathAndQuery); }

    IssuedCertificate m_appCert;
    IssuedCertificate m_otherCert;
    IssuedCertificate m_issuerKey;
    std::unique_ptr<Amo::ManualClock> m_clock;
    std::unique_ptr<Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;
};

void TestSandboxAzure::initTestCase()
{
    QElapsedTimer t;
    t.start();
    m_appCert = CertificateAuthority::selfSigned(u"cert-app"_s);
    m_otherCert = CertificateAuthority::selfSigned(u"intruder"_s);
    m_issuerKey = CertificateAuthority::selfSigned(u"oidc-issuer"_s);
    QVERIFY(!m_appCert.privateKeyPem.isEmpty() && !m_issuerKey.certificatePem.isEmpty());
    qInfo("generated three RSA-2048 certificates in %lld ms", t.elapsed());
}

QJsonObject TestSandboxAzure::scenarioJson() const
{
    QJsonArray msis;
    for (int i = 0; i < 5; ++i)
        msis.append(QJsonObject {{u"subscriptionId"_s, kSub},
                                 {u"resourceGroup"_s, u"rg-apps"_s},
                                 {u"name"_s, u"id-app-%1"_s.arg(i)},
                                 {u"tags"_s, QJsonObject {{u"k8snamespace"_s, u"team-%1"_s.arg(i)}}}});
    return QJsonObject {
        {u"tenants"_s, QJsonArray {QJsonObject {{u"id"_s, kTenant}, {u"domains"_s, QJsonArray {u"contoso.test"_s}}}}},
        {u"applications"_s,
         QJsonArray {
             QJsonObject {{u"clientId"_s, kApp}, {u"secrets"_s, QJsonArray {u"s3cret-value"_s}}},
             QJsonObject {{u"clientId"_s, kCertApp},
                          {u"certificates"_s, QJsonArray {QString::fromLatin1(m_appCert.certificatePem)}},
                          {u"federatedCredentials"_s,
                           QJsonArray {QJsonObject {{u"issuer"_s, kIssuer},
                                                    {u"subject"_s, u"system:serviceaccount:ops:operator"_s}}}}}}},
        {u"federatedIssuers"_s,
         QJsonArray {QJsonObject {{u"issuer"_s, kIssuer},
                                  {u"keys"_s, QJsonArray {QString::fromLatin1(m_issuerKey.certificatePem)}},
                                  {u"signingKey"_s, QString::fromLatin1(m_issuerKey.privateKeyPem)}}}},
        {u"users"_s,
         QJsonArray {QJsonObject {{u"username"_s, u"alice@contoso.test"_s}, {u"password"_s, u"correct horse"_s}}}},
        {u"managedIdentities"_s, QJsonArray {QJsonObject {{u"clientId"_s, kMiClient}, {u"default"_s, true}}}},
        {u"appService"_s, QJsonObject {{u"path"_s, u"/msi/token"_s}, {u"identityHeader"_s, u"hdr-123"_s}}},
        {u"subscriptions"_s,
         QJsonArray {QJsonObject {{u"id"_s, kSub}, {u"displayName"_s, u"Production"_s}},
                     QJsonObject {{u"id"_s, kForbiddenSub}, {u"displayName"_s, u"Finance"_s}, {u"forbidden"_s, true}}}},
        {u"msis"_s, msis},
        {u"arm"_s,
         QJsonObject {{u"pageSize"_s, 2},
                      {u"throttle"_s, QJsonObject {{u"budget"_s, 1000}, {u"refillPerSecond"_s, 10}}}}},
        {u"tokens"_s, QJsonObject {{u"lifetimeSeconds"_s, 60}}}};
}

void TestSandboxAzure::init()
{
    m_clock = std::make_unique<Amo::ManualClock>(QDateTime::currentDateTimeUtc());
    QString error;
    const auto scenario = Scenario::fromJson(scenarioJson(), &error);
    QVERIFY2(scenario, qPrintable(error));
    m_sandbox = std::make_unique<Sandbox>();
    SandboxOptions options;
    options.clock = m_clock.get();
    QVERIFY2(m_sandbox->start(*scenario, options), qPrintable(m_sandbox->errorString()));
}

void TestSandboxAzure::cleanup()
{
    m_sandbox.reset();
}

QString TestSandboxAzure::token(const QString &scope)
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kApp);
    form.addQueryItem(u"client_secret"_s, u"s3cret-value"_s);
    form.addQueryItem(u"scope"_s, scope);
    return postForm(m_nam, url(u"/"_s + kTenant + u"/oauth2/v2.0/token"_s), form)
        .json()
        .value(u"access_token"_s)
        .toString();
}

QByteArray TestSandboxAzure::assertion(const QByteArray &keyPem, const QByteArray &certPem, const QString &aud) const
{
    const qint64 now = m_clock->nowUtc().toSecsSinceEpoch();
    const QJsonObject claims {{u"aud"_s, aud},      {u"iss"_s, kCertApp},
                              {u"sub"_s, kCertApp}, {u"jti"_s, u"8e2f0cf1-8f3a-4b5e-9ad5-1c8b6b0a7f10"_s},
                              {u"nbf"_s, now},      {u"exp"_s, now + 600}};
    const QJsonObject header {{u"x5t"_s, QString::fromLatin1(JsonWebToken::thumbprint(certPem))}};
    return JsonWebToken::signRs256(header, claims, keyPem);
}

void TestSandboxAzure::secretGrantIssuesJwtWithTenant()
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kApp);
    form.addQueryItem(u"client_secret"_s, u"s3cret-value"_s);
    form.addQueryItem(u"scope"_s, u"https://management.azure.com/.default"_s);
    // the tenant may be named by its domain too
    const Reply r = postForm(m_nam, url(u"/contoso.test/oauth2/v2.0/token"_s), form);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(r.json().value(u"expires_in"_s).toInt(), 60);
    const auto jwt = JsonWebToken::parse(r.json().value(u"access_token"_s).toString().toLatin1());
    QVERIFY(jwt);
    QCOMPARE(jwt->stringClaim(u"tid"_s), kTenant);
    QCOMPARE(jwt->stringClaim(u"appid"_s), kApp);
    QCOMPARE(jwt->stringClaim(u"aud"_s), u"https://management.azure.com"_s);
}

void TestSandboxAzure::v1EndpointAnswersWithStrings()
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kApp);
    form.addQueryItem(u"client_secret"_s, u"s3cret-value"_s);
    form.addQueryItem(u"resource"_s, u"https://management.azure.com/"_s);
    const Reply r = postForm(m_nam, url(u"/"_s + kTenant + u"/oauth2/token?api-version=1.0"_s), form);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"expires_in"_s).toString(), u"60"_s);
    QVERIFY(r.json().value(u"expires_on"_s).isString());
    QCOMPARE(r.json().value(u"resource"_s).toString(), u"https://management.azure.com/"_s);
}

void TestSandboxAzure::rejectsBadSecretUnknownAppAndTenant()
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kApp);
    form.addQueryItem(u"client_secret"_s, u"wrong"_s);
    form.addQueryItem(u"scope"_s, u"https://management.azure.com/.default"_s);
    Reply r = postForm(m_nam, url(u"/"_s + kTenant + u"/oauth2/v2.0/token"_s), form);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"invalid_client"_s);
    QCOMPARE(r.json().value(u"error_codes"_s).toArray().first().toInt(), 7000215);
    QVERIFY(r.json().value(u"error_description"_s).toString().startsWith(u"AADSTS7000215:"_s));
    for (const auto *key : {"timestamp", "trace_id", "correlation_id"})
        QVERIFY(!r.json().value(QString::fromLatin1(key)).toString().isEmpty());

    form.removeAllQueryItems(u"client_id"_s);
    form.addQueryItem(u"client_id"_s, u"99999999-0000-0000-0000-000000000000"_s);
    r = postForm(m_nam, url(u"/"_s + kTenant + u"/oauth2/v2.0/token"_s), form);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error_codes"_s).toArray().first().toInt(), 700016);

    r = postForm(m_nam, url(u"/no-such-tenant.test/oauth2/v2.0/token"_s), form);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error_codes"_s).toArray().first().toInt(), 90002);
}

void TestSandboxAzure::acceptsCertificateAssertion()
{
    const QString tokenUrl = url(u"/"_s + kTenant + u"/oauth2/v2.0/token"_s).toString();
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kCertApp);
    form.addQueryItem(u"client_assertion_type"_s, u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s);
    form.addQueryItem(u"client_assertion"_s,
                      QString::fromLatin1(assertion(m_appCert.privateKeyPem, m_appCert.certificatePem, tokenUrl)));
    form.addQueryItem(u"scope"_s, u"https://management.azure.com/.default"_s);
    const Reply r = postForm(m_nam, QUrl(tokenUrl), form);
    QCOMPARE(r.status, 200);
    const auto jwt = JsonWebToken::parse(r.json().value(u"access_token"_s).toString().toLatin1());
    QCOMPARE(jwt->stringClaim(u"appid"_s), kCertApp);
}

void TestSandboxAzure::rejectsAssertionWithBadSignature()
{
    const QString tokenUrl = url(u"/"_s + kTenant + u"/oauth2/v2.0/token"_s).toString();
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kCertApp);
    form.addQueryItem(u"client_assertion_type"_s, u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s);
    // signed by another key, but claiming the registered certificate's thumbprint
    form.addQueryItem(u"client_assertion"_s,
                      QString::fromLatin1(assertion(m_otherCert.privateKeyPem, m_appCert.certificatePem, tokenUrl)));
    form.addQueryItem(u"scope"_s, u"https://management.azure.com/.default"_s);
    const Reply r = postForm(m_nam, QUrl(tokenUrl), form);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"error_codes"_s).toArray().first().toInt(), 700027);
}

void TestSandboxAzure::rejectsAssertionForWrongAudience()
{
    const QString tokenUrl = url(u"/"_s + kTenant + u"/oauth2/v2.0/token"_s).toString();
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kCertApp);
    form.addQueryItem(u"client_assertion_type"_s, u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s);
    form.addQueryItem(u"client_assertion"_s,
                      QString::fromLatin1(assertion(m_appCert.privateKeyPem, m_appCert.certificatePem,
                                                    u"https://login.microsoftonline.com/x/oauth2/v2.0/token"_s)));
    form.addQueryItem(u"scope"_s, u"https://management.azure.com/.default"_s);
    const Reply r = postForm(m_nam, QUrl(tokenUrl), form);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error_codes"_s).toArray().first().toInt(), 50013);
}

void TestSandboxAzure::acceptsFederatedToken()
{
    const QByteArray federated = m_sandbox->mintFederatedToken(kIssuer, u"system:serviceaccount:ops:operator"_s);
    QVERIFY(!federated.isEmpty());
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kCertApp);
    form.addQueryItem(u"client_assertion_type"_s, u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s);
    form.addQueryItem(u"client_assertion"_s, QString::fromLatin1(federated));
    form.addQueryItem(u"scope"_s, u"https://management.azure.com/.default"_s);
    Reply r = postForm(m_nam, url(u"/"_s + kTenant + u"/oauth2/v2.0/token"_s), form);
    QCOMPARE(r.status, 200);

    // a subject without a federated credential is refused
    form.removeAllQueryItems(u"client_assertion"_s);
    form.addQueryItem(u"client_assertion"_s,
                      QString::fromLatin1(m_sandbox->mintFederatedToken(kIssuer, u"system:serviceaccount:x:y"_s)));
    r = postForm(m_nam, url(u"/"_s + kTenant + u"/oauth2/v2.0/token"_s), form);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error_codes"_s).toArray().first().toInt(), 70021);
}

void TestSandboxAzure::rejectsUntrustedFederatedIssuer()
{
    const qint64 now = m_clock->nowUtc().toSecsSinceEpoch();
    const QByteArray forged = JsonWebToken::signRs256({},
                                                      QJsonObject {{u"iss"_s, u"https://evil.test/"_s},
                                                                   {u"sub"_s, u"system:serviceaccount:ops:operator"_s},
                                                                   {u"aud"_s, u"api://AzureADTokenExchange"_s},
                                                                   {u"exp"_s, now + 600}},
                                                      m_otherCert.privateKeyPem);
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kCertApp);
    form.addQueryItem(u"client_assertion_type"_s, u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s);
    form.addQueryItem(u"client_assertion"_s, QString::fromLatin1(forged));
    form.addQueryItem(u"scope"_s, u"https://management.azure.com/.default"_s);
    const Reply r = postForm(m_nam, url(u"/"_s + kTenant + u"/oauth2/v2.0/token"_s), form);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error_codes"_s).toArray().first().toInt(), 700211);
}

void TestSandboxAzure::passwordGrant()
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"password"_s);
    form.addQueryItem(u"client_id"_s, u"04b07795-8ddb-461a-bbee-02f9e1bf7b46"_s);
    form.addQueryItem(u"username"_s, u"alice@contoso.test"_s);
    form.addQueryItem(u"password"_s, u"correct%20horse"_s);
    form.addQueryItem(u"resource"_s, u"https://management.azure.com/"_s);
    Reply r = postForm(m_nam, url(u"/"_s + kTenant + u"/oauth2/token"_s), form);
    QCOMPARE(r.status, 200);
    QCOMPARE(JsonWebToken::parse(r.json().value(u"access_token"_s).toString().toLatin1())->stringClaim(u"upn"_s),
             u"alice@contoso.test"_s);
    form.removeAllQueryItems(u"password"_s);
    form.addQueryItem(u"password"_s, u"nope"_s);
    r = postForm(m_nam, url(u"/"_s + kTenant + u"/oauth2/token"_s), form);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error_codes"_s).toArray().first().toInt(), 50126);
}

void TestSandboxAzure::armPagesIdentities_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::newRow("2018-11-30") << u"2018-11-30"_s;
    QTest::newRow("2023-01-31") << u"2023-01-31"_s;
    QTest::newRow("2024-11-30") << u"2024-11-30"_s;
}

void TestSandboxAzure::armPagesIdentities()
{
    QFETCH(QString, apiVersion);
    const QByteArray bearer = "Bearer " + token().toLatin1();
    QUrl next = url(u"/subscriptions/"_s + kSub
                    + u"/providers/Microsoft.ManagedIdentity/userAssignedIdentities?api-version="_s + apiVersion);
    QStringList names;
    int pages = 0;
    while (!next.isEmpty() && pages < 10) {
        const Reply r = get(m_nam, next, {{"Authorization", bearer}});
        QCOMPARE(r.status, 200);
        ++pages;
        for (const QJsonValue &v : r.json().value(u"value"_s).toArray()) {
            const QJsonObject o = v.toObject();
            names.append(o.value(u"name"_s).toString());
            QCOMPARE(o.value(u"type"_s).toString(), u"Microsoft.ManagedIdentity/userAssignedIdentities"_s);
            QVERIFY(!o.value(u"properties"_s).toObject().value(u"clientId"_s).toString().isEmpty());
            QCOMPARE(o.value(u"properties"_s).toObject().contains(u"isolationScope"_s), apiVersion == u"2024-11-30"_s);
        }
        const QString link = r.json().value(u"nextLink"_s).toString();
        QVERIFY(link.isEmpty() || link.contains(u"$skiptoken="_s));
        next = link.isEmpty() ? QUrl() : QUrl(link);
    }
    QCOMPARE(pages, 3);
    QCOMPARE(names, (QStringList {u"id-app-0"_s, u"id-app-1"_s, u"id-app-2"_s, u"id-app-3"_s, u"id-app-4"_s}));
}

void TestSandboxAzure::armRejectsMissingAndExpiredTokens()
{
    const QUrl subs = url(u"/subscriptions?api-version=2022-12-01"_s);
    Reply r = get(m_nam, subs);
    QCOMPARE(r.status, 401);
    QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer authorization_uri=\""));
    QVERIFY(r.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    QVERIFY(!r.header("x-ms-request-id").isEmpty());

    r = get(m_nam, subs, {{"Authorization", "Bearer not.a.token"}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"InvalidAuthenticationToken"_s);

    const QByteArray bearer = "Bearer " + token().toLatin1();
    r = get(m_nam, subs, {{"Authorization", bearer}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"value"_s).toArray().size(), 2);

    m_clock->advanceMs(61 * 1000); // the scenario's lifetime is 60 s
    r = get(m_nam, subs, {{"Authorization", bearer}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"ExpiredAuthenticationToken"_s);
    QVERIFY(r.header("WWW-Authenticate").contains("error=\"invalid_token\""));

    // a token for another resource is refused
    r = get(m_nam, subs, {{"Authorization", "Bearer " + token(u"https://vault.azure.net/.default"_s).toLatin1()}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"InvalidAuthenticationTokenAudience"_s);
}

void TestSandboxAzure::armThrottlesPerSubscriptionAndPrincipal()
{
    m_sandbox->arm().configureThrottle(3, 1.0);
    const QByteArray bearer = "Bearer " + token().toLatin1();
    const QUrl sub = url(u"/subscriptions/"_s + kSub + u"?api-version=2022-12-01"_s);
    QList<QByteArray> remaining;
    for (int i = 0; i < 3; ++i) {
        const Reply r = get(m_nam, sub, {{"Authorization", bearer}});
        QCOMPARE(r.status, 200);
        remaining.append(r.header("x-ms-ratelimit-remaining-subscription-reads"));
    }
    QCOMPARE(remaining, (QList<QByteArray> {"2", "1", "0"}));
    Reply r = get(m_nam, sub, {{"Authorization", bearer}});
    QCOMPARE(r.status, 429);
    QCOMPARE(r.header("Retry-After"), QByteArray("1"));
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"SubscriptionRequestsThrottled"_s);

    // the tenant-level list has its own budget
    QCOMPARE(get(m_nam, url(u"/subscriptions?api-version=2022-12-01"_s), {{"Authorization", bearer}}).status, 200);

    m_clock->advanceMs(1000); // refill: one read per second
    r = get(m_nam, sub, {{"Authorization", bearer}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-ms-ratelimit-remaining-subscription-reads"), QByteArray("0"));
}

void TestSandboxAzure::armChecksApiVersionsAndAccess()
{
    const QByteArray bearer = "Bearer " + token().toLatin1();
    Reply r = get(m_nam, url(u"/subscriptions?api-version=2099-01-01"_s), {{"Authorization", bearer}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"InvalidApiVersionParameter"_s);
    QVERIFY(r.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"2022-12-01"_s));

    r = get(m_nam,
            url(u"/subscriptions/"_s + kSub
                + u"/providers/Microsoft.ManagedIdentity/userAssignedIdentities?api-version=2020-01-01"_s),
            {{"Authorization", bearer}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"NoRegisteredProviderFound"_s);

    r = get(m_nam,
            url(u"/subscriptions/"_s + kForbiddenSub
                + u"/providers/Microsoft.ManagedIdentity/userAssignedIdentities?api-version=2023-01-31"_s),
            {{"Authorization", bearer}});
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"AuthorizationFailed"_s);

    r = get(m_nam, url(u"/subscriptions/00000000-0000-0000-0000-000000000000?api-version=2022-12-01"_s),
            {{"Authorization", bearer},
             {"x-ms-client-request-id", "my-request-1"},
             {"x-ms-return-client-request-id", "true"}});
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"SubscriptionNotFound"_s);
    QCOMPARE(r.header("x-ms-client-request-id"), QByteArray("my-request-1"));
    QVERIFY(!r.header("x-ms-correlation-request-id").isEmpty());
}

void TestSandboxAzure::imdsChecksHeaderAndVersion()
{
    const QUrl ok = url(
        u"/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F"_s);
    Reply r = get(m_nam, ok);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"bad_request_102"_s);
    QCOMPARE(get(m_nam, ok, {{"Metadata", "True"}}).status, 400);

    r = get(m_nam, ok, {{"Metadata", "true"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"expires_in"_s).toString(), u"60"_s);
    QCOMPARE(r.json().value(u"client_id"_s).toString(), kMiClient);
    // the token works against ARM
    const QByteArray bearer = "Bearer " + r.json().value(u"access_token"_s).toString().toLatin1();
    QCOMPARE(get(m_nam, url(u"/subscriptions?api-version=2022-12-01"_s), {{"Authorization", bearer}}).status, 200);

    r = get(m_nam, url(u"/metadata/identity/oauth2/token?api-version=1999-01-01&resource=x"_s), {{"Metadata", "true"}});
    QCOMPARE(r.status, 400);
    r = get(m_nam, QUrl(ok.toString() + u"&client_id=00000000-0000-0000-0000-00000000dead"_s), {{"Metadata", "true"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error_description"_s).toString(), u"Identity not found"_s);
}

void TestSandboxAzure::appServiceChecksIdentityHeader()
{
    const QUrl endpoint = url(u"/msi/token?api-version=2019-08-01&resource=https%3A%2F%2Fmanagement.azure.com%2F"_s);
    QCOMPARE(get(m_nam, endpoint).status, 400);
    QCOMPARE(get(m_nam, endpoint, {{"X-IDENTITY-HEADER", "wrong"}}).status, 401);
    const Reply r = get(m_nam, endpoint, {{"X-IDENTITY-HEADER", "hdr-123"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"client_id"_s).toString(), kMiClient);
    QVERIFY(r.json().value(u"expires_on"_s).isString());
    QCOMPARE(
        get(m_nam, url(u"/msi/token?api-version=2017-09-01&resource=x"_s), {{"X-IDENTITY-HEADER", "hdr-123"}}).status,
        400);
}

QTEST_GUILESS_MAIN(TestSandboxAzure)
#include "tst_sandboxazure.moc"
