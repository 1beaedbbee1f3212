// SPDX-License-Identifier: MIT
// The simulator's Azure AD, ARM and IMDS answers that real clients depend on, each as Azure answers it.
// Sources: Entra ID OpenID Connect discovery (learn.microsoft.com/entra/identity-platform/v2-protocols-oidc),
// certificate credentials (entra-docs certificate-credentials.md: PS256 with x5t#S256), ARM error codes
// InvalidAuthenticationTokenAudience / InvalidAuthenticationTokenTenant, ARM throttling (global reads),
// Azure Stack Hub's /metadata/endpoints, and the managed identity REST reference.
#include "azuretestsupport.h"

#include "shared/sandbox/jsonwebtoken.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace AzureTest;

namespace {
struct Reply
{
    int status = 0;
    QByteArray body;
    QNetworkReply *raw = nullptr;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};
} // namespace

class TestSandboxEntra : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void discoveryDocumentsPointAtTheSandbox_data();
    void discoveryDocumentsPointAtTheSandbox();
    void certificateAssertionPs256WithSha256Thumbprint();
    void unregisteredResourceIsAadsts500011();
    void errorDescriptionPutsIdsOnTheirOwnLines();
    void passwordGrantWithOidcScopes();
    void armTokenChecksAndHeaders();
    void armServesOneIdentityAndResourceGroups();
    void armMetadataAndTenants();
    void imdsTakesATrailingSlash();

private:
    Reply send(const QString &pathAndQuery, const QByteArray &verb = "GET", const QByteArray &body = {},
               const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    Reply tokenRequest(const QUrlQuery &form, const QString &tenant = kTenant);
    QByteArray armToken(const QString &scope = u"https://management.azure.com/.default"_s);

    std::unique_ptr<Amo::Sandbox::Sandbox> m_sandbox;
    Amo::Sandbox::IssuedCertificate m_cert;
    QNetworkAccessManager m_nam;
    QList<QNetworkReply::RawHeaderPair> m_lastHeaders;
};

void TestSandboxEntra::init()
{
    m_cert = Amo::Sandbox::CertificateAuthority::selfSigned(u"cert-app"_s);
    QString error;
    const auto scenario = Amo::Sandbox::Scenario::fromJson(scenarioJson(m_cert, m_cert, 2, 6, 100), &error);
    QVERIFY2(scenario, qPrintable(error));
    m_sandbox = std::make_unique<Amo::Sandbox::Sandbox>();
    QVERIFY2(m_sandbox->start(*scenario), qPrintable(m_sandbox->errorString()));
}

void TestSandboxEntra::cleanup()
{
    m_sandbox.reset();
}

Reply TestSandboxEntra::send(const QString &pathAndQuery, const QByteArray &verb, const QByteArray &body,
                             const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_sandbox->baseUrl().toString() + pathAndQuery));
    if (verb == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    for (const auto &[n, v] : headers)
        request.setRawHeader(n, v);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    m_lastHeaders = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

Reply TestSandboxEntra::tokenRequest(const QUrlQuery &form, const QString &tenant)
{
    return send(u"/"_s + tenant + u"/oauth2/v2.0/token"_s, "POST", form.query(QUrl::FullyEncoded).toUtf8());
}

QByteArray TestSandboxEntra::armToken(const QString &scope)
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kSecretApp);
    form.addQueryItem(u"client_secret"_s, QString::fromLatin1(QUrl::toPercentEncoding(kSecret)));
    form.addQueryItem(u"scope"_s, scope);
    return tokenRequest(form).json().value(u"access_token"_s).toString().toLatin1();
}

void TestSandboxEntra::discoveryDocumentsPointAtTheSandbox_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("tokenEndpoint");
    QTest::addColumn<QString>("issuer");
    QTest::newRow("v2") << u"/%1/v2.0/.well-known/openid-configuration"_s.arg(kTenant)
                        << u"/%1/oauth2/v2.0/token"_s.arg(kTenant) << u"/%1/v2.0"_s.arg(kTenant);
    QTest::newRow("v1") << u"/%1/.well-known/openid-configuration"_s.arg(kTenant) << u"/%1/oauth2/token"_s.arg(kTenant)
                        << u"https://sts.windows.net/%1/"_s.arg(kTenant);
    QTest::newRow("by domain") << u"/contoso.test/v2.0/.well-known/openid-configuration"_s
                               << u"/%1/oauth2/v2.0/token"_s.arg(kTenant) << u"/%1/v2.0"_s.arg(kTenant);
    QTest::newRow("adfs") << u"/adfs/.well-known/openid-configuration"_s << u"/adfs/oauth2/token"_s << u"/adfs"_s;
}

void TestSandboxEntra::discoveryDocumentsPointAtTheSandbox()
{
    QFETCH(QString, path);
    QFETCH(QString, tokenEndpoint);
    QFETCH(QString, issuer);
    const QString base = m_sandbox->baseUrl().toString();
    const Reply r = send(path);
    QCOMPARE(r.status, 200);
    const QJsonObject doc = r.json();
    QCOMPARE(doc.value(u"token_endpoint"_s).toString(), base + tokenEndpoint);
    QCOMPARE(doc.value(u"issuer"_s).toString(), issuer.startsWith(u"https://"_s) ? issuer : base + issuer);
    QVERIFY(doc.value(u"authorization_endpoint"_s).toString().startsWith(base));
    QVERIFY(doc.value(u"jwks_uri"_s).toString().startsWith(base));

    // unknown tenants are refused as Entra ID refuses them
    QCOMPARE(send(u"/no-such-tenant.test/v2.0/.well-known/openid-configuration"_s).status, 400);
    // MSAL's instance discovery names this host as its own alias
    const Reply discovery = send(u"/common/discovery/instance?api-version=1.1&authorization_endpoint="_s
                                 + QString::fromLatin1(QUrl::toPercentEncoding(base + u"/x/oauth2/v2.0/authorize"_s)));
    QCOMPARE(discovery.status, 200);
    QCOMPARE(discovery.json()[u"metadata"_s][0][u"aliases"_s][0].toString(), m_sandbox->baseUrl().authority());
}

void TestSandboxEntra::certificateAssertionPs256WithSha256Thumbprint()
{
    const QString tokenUrl = m_sandbox->baseUrl().toString() + u"/%1/oauth2/v2.0/token"_s.arg(kTenant);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims {{u"aud"_s, tokenUrl}, {u"iss"_s, kCertApp},
                              {u"sub"_s, kCertApp}, {u"jti"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                              {u"nbf"_s, now},      {u"exp"_s, now + 600}};
    auto post = [&](const QByteArray &jwt) {
        QUrlQuery form;
        form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
        form.addQueryItem(u"client_id"_s, kCertApp);
        form.addQueryItem(u"client_assertion_type"_s,
                          u"urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"_s);
        form.addQueryItem(u"client_assertion"_s, QString::fromLatin1(jwt));
        form.addQueryItem(u"scope"_s, u"https%3A%2F%2Fmanagement.azure.com%2F.default"_s);
        return tokenRequest(form);
    };
    using Amo::Sandbox::JsonWebToken;
    const QJsonObject ps256Header {
        {u"x5t#S256"_s, QString::fromLatin1(JsonWebToken::thumbprintSha256(m_cert.certificatePem))}};
    Reply r = post(JsonWebToken::signPs256(ps256Header, claims, m_cert.privateKeyPem));
    QVERIFY2(r.status == 200, r.body.constData());
    // RS256 with the SHA-1 x5t keeps working, padded the way MSAL Python sends it
    const QJsonObject rs256Header {
        {u"x5t"_s, QString::fromLatin1(JsonWebToken::thumbprint(m_cert.certificatePem) + '=')}};
    r = post(JsonWebToken::signRs256(rs256Header, claims, m_cert.privateKeyPem));
    QVERIFY2(r.status == 200, r.body.constData());
    // a PS256 signature by another key under the registered thumbprint is refused
    const auto intruder = Amo::Sandbox::CertificateAuthority::selfSigned(u"intruder"_s);
    r = post(JsonWebToken::signPs256(ps256Header, claims, intruder.privateKeyPem));
    QCOMPARE(r.status, 401);
    QVERIFY(r.json().value(u"error_description"_s).toString().startsWith(u"AADSTS700027"_s));
}

void TestSandboxEntra::unregisteredResourceIsAadsts500011()
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kSecretApp);
    form.addQueryItem(u"client_secret"_s, QString::fromLatin1(QUrl::toPercentEncoding(kSecret)));
    form.addQueryItem(u"scope"_s, u"https%3A%2F%2Fnot-registered.example%2F.default"_s);
    const Reply r = tokenRequest(form);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"error"_s).toString(), u"invalid_resource"_s);
    QCOMPARE(r.json().value(u"error_codes"_s).toArray().at(0).toInt(), 500011);
}

void TestSandboxEntra::errorDescriptionPutsIdsOnTheirOwnLines()
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, kSecretApp);
    form.addQueryItem(u"client_secret"_s, u"wrong"_s);
    form.addQueryItem(u"scope"_s, u"https%3A%2F%2Fmanagement.azure.com%2F.default"_s);
    const QString description = tokenRequest(form).json().value(u"error_description"_s).toString();
    const QStringList lines = description.split(u"\r\n"_s);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(u"AADSTS7000215: "_s));
    QVERIFY(lines.at(1).startsWith(u"Trace ID: "_s));
    QVERIFY(lines.at(2).startsWith(u"Correlation ID: "_s));
    QVERIFY(lines.at(3).startsWith(u"Timestamp: "_s));
}

void TestSandboxEntra::passwordGrantWithOidcScopes()
{
    // MSAL sends the OIDC scopes around the resource scope, in any order
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"password"_s);
    form.addQueryItem(u"client_id"_s, u"04b07795-8ddb-461a-bbee-02f9e1bf7b46"_s);
    form.addQueryItem(u"username"_s, u"alice%40contoso.test"_s);
    form.addQueryItem(u"password"_s, u"correct+horse"_s);
    form.addQueryItem(u"client_info"_s, u"1"_s);
    form.addQueryItem(u"scope"_s,
                      u"offline_access+https%3A%2F%2Fmanagement.core.windows.net%2F%2F.default+openid+profile"_s);
    const Reply r = tokenRequest(form);
    QVERIFY2(r.status == 200, r.body.constData());
    const QJsonObject body = r.json();
    const auto v = m_sandbox->tokens().validate(body.value(u"access_token"_s).toString().toLatin1());
    QCOMPARE(v.claims.value(u"aud"_s).toString(), u"https://management.core.windows.net/"_s);
    QVERIFY(!body.value(u"refresh_token"_s).toString().isEmpty());
    QVERIFY(body.value(u"scope"_s).toString().contains(u"openid"_s));
    const auto idToken = Amo::Sandbox::JsonWebToken::parse(body.value(u"id_token"_s).toString().toLatin1());
    QVERIFY(idToken);
    QCOMPARE(idToken->stringClaim(u"iss"_s), m_sandbox->baseUrl().toString() + u"/%1/v2.0"_s.arg(kTenant));
    QCOMPARE(idToken->stringClaim(u"aud"_s), u"04b07795-8ddb-461a-bbee-02f9e1bf7b46"_s);
    QVERIFY(!body.value(u"client_info"_s).toString().isEmpty());
}

void TestSandboxEntra::armTokenChecksAndHeaders()
{
    const QByteArray bearer = "Bearer " + armToken();
    const QString sub = u"aaaaaaaa-0000-0000-0000-000000000000"_s;
    // api-versions real ARM lists for Microsoft.Resources/subscriptions; the prefix is case-insensitive
    for (const QString &version :
         {u"2021-04-01"_s, u"2022-01-01"_s, u"2022-09-01"_s, u"2023-07-01"_s, u"2024-03-01"_s}) {
        const Reply r = send(u"/SUBSCRIPTIONS?api-version="_s + version, "GET", {}, {{"Authorization", bearer}});
        QVERIFY2(r.status == 200, r.body.constData());
    }
    Reply r = send(u"/subscriptions/%1/providers/Microsoft.ManagedIdentity/userAssignedIdentities"
                   "?api-version=2023-01-31"_s.arg(sub),
                   "GET", {}, {{"Authorization", bearer}});
    QCOMPARE(r.status, 200);
    auto header = [this](const QByteArray &name) {
        for (const auto &[n, v] : std::as_const(m_lastHeaders))
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return QByteArray();
    };
    QVERIFY(!header("x-ms-ratelimit-remaining-subscription-reads").isEmpty());
    QVERIFY(header("x-ms-ratelimit-remaining-subscription-global-reads").toInt()
            > header("x-ms-ratelimit-remaining-subscription-reads").toInt());
    QVERIFY2(header("x-ms-routing-request-id").startsWith("WESTEUROPE:"),
             header("x-ms-routing-request-id").constData());

    r = send(u"/subscriptions?api-version=2022-12-01"_s, "GET", {},
             {{"Authorization", "Bearer " + armToken(u"https://vault.azure.net/.default"_s)}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()[u"error"_s][u"code"_s].toString(), u"InvalidAuthenticationTokenAudience"_s);

    // a token of another tenant for a subscription of this one
    const QByteArray foreign
        = m_sandbox->tokens()
              .issue(
                  {u"99999999-0000-0000-0000-000000000000"_s, u"oid"_s, u"app"_s, m_sandbox->endpoint(), u"app"_s, {}})
              .accessToken;
    r = send(u"/subscriptions/%1?api-version=2022-12-01"_s.arg(sub), "GET", {},
             {{"Authorization", "Bearer " + foreign}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()[u"error"_s][u"code"_s].toString(), u"InvalidAuthenticationTokenTenant"_s);
}

void TestSandboxEntra::armServesOneIdentityAndResourceGroups()
{
    const QByteArray bearer = "Bearer " + armToken();
    const QString sub = u"aaaaaaaa-0000-0000-0000-000000000000"_s;
    const QString group = u"/subscriptions/%1/resourceGroups/rg-2/providers/Microsoft.ManagedIdentity/"
                          "userAssignedIdentities"_s.arg(sub);
    Reply r = send(group + u"?api-version=2023-01-31"_s, "GET", {}, {{"Authorization", bearer}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[u"value"_s].toArray().size(), 1);
    r = send(group + u"/id-0-2?api-version=2023-01-31"_s, "GET", {}, {{"Authorization", bearer}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[u"name"_s].toString(), u"id-0-2"_s);
    QCOMPARE(r.json()[u"type"_s].toString(), u"Microsoft.ManagedIdentity/userAssignedIdentities"_s);
    r = send(group + u"/nope?api-version=2023-01-31"_s, "GET", {}, {{"Authorization", bearer}});
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json()[u"error"_s][u"code"_s].toString(), u"ResourceNotFound"_s);
    r = send(u"/subscriptions/%1/resourceGroups/no-such-rg/providers/Microsoft.ManagedIdentity/"
             "userAssignedIdentities?api-version=2023-01-31"_s.arg(sub),
             "GET", {}, {{"Authorization", bearer}});
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json()[u"error"_s][u"code"_s].toString(), u"ResourceGroupNotFound"_s);
}

void TestSandboxEntra::armMetadataAndTenants()
{
    Reply r = send(u"/metadata/endpoints?api-version=2015-01-01"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[u"authentication"_s][u"loginEndpoint"_s].toString(),
             m_sandbox->baseUrl().toString() + u"/adfs"_s);
    QVERIFY(!r.json()[u"authentication"_s][u"audiences"_s].toArray().isEmpty());
    QCOMPARE(send(u"/tenants?api-version=2022-12-01"_s).status, 401);
    r = send(u"/tenants?api-version=2022-12-01"_s, "GET", {}, {{"Authorization", "Bearer " + armToken()}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[u"value"_s][0][u"tenantId"_s].toString(), kTenant);
}

void TestSandboxEntra::imdsTakesATrailingSlash()
{
    const Reply r = send(
        u"/metadata/identity/oauth2/token/?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F"_s,
        "GET", {}, {{"Metadata", "true"}});
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.json().value(u"client_id"_s).toString(), kMiClient);
}

QTEST_GUILESS_MAIN(TestSandboxEntra)
#include "tst_sandboxentra.moc"
