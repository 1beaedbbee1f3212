// SPDX-License-Identifier: MIT
#include "azuretestsupport.h"

#include "shared/azure/azureclicredential.h"
#include "shared/azure/chainedtokencredential.h"
#include "shared/azure/clientcertificatecredential.h"
#include "shared/azure/clientsecretcredential.h"
#include "shared/azure/credentialfactory.h"
#include "shared/azure/managedidentitycredential.h"
#include "shared/azure/usernamepasswordcredential.h"
#include "shared/azure/workloadidentitycredential.h"
#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/requestlog.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Azure;
using namespace AzureTest;

class TestAzureCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void clientSecret();
    void clientSecretWrongSecretNamesAadCode();
    void certificateAssertion_data();
    void certificateAssertion();
    void certificateErrors_data();
    void certificateErrors();
    void workloadIdentityRereadsRotatedFile();
    void workloadIdentityMissingFile();
    void usernamePassword();
    void managedIdentityImds_data();
    void managedIdentityImds();
    void managedIdentityRetriesPerGuidance();
    void managedIdentityUnreachableIsFastAndUnavailable();
    void managedIdentityAppService();
    void azureCli_data();
    void azureCli();
    void chainFallsThroughUnavailable();
    void chainStopsAtFailedCredential();
    void chainRejectsHalfConfiguration();

private:
    AadEndpoint aad(const QString &tenant = kTenant) const;
    TokenResult token(TokenCredential *credential);
    QString tokenRoute() const { return u"/{tenant}/oauth2/v2.0/token"_s; }

    Amo::Sandbox::IssuedCertificate m_appCert;
    Amo::Sandbox::IssuedCertificate m_issuerKey;
    std::unique_ptr<Amo::Sandbox::Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;
};

void TestAzureCredentials::initTestCase()
{
    m_appCert = Amo::Sandbox::CertificateAuthority::selfSigned(u"cert-app"_s);
    m_issuerKey = Amo::Sandbox::CertificateAuthority::selfSigned(u"oidc-issuer"_s);
    QVERIFY(!m_appCert.privateKeyPem.isEmpty());
    QVERIFY(m_dir.isValid());
}

void TestAzureCredentials::init()
{
    QString error;
    const auto scenario = Amo::Sandbox::Scenario::fromJson(scenarioJson(m_appCert, m_issuerKey), &error);
    QVERIFY2(scenario, qPrintable(error));
    m_sandbox = std::make_unique<Amo::Sandbox::Sandbox>();
    QVERIFY2(m_sandbox->start(*scenario), qPrintable(m_sandbox->errorString()));
}

void TestAzureCredentials::cleanup()
{
    m_sandbox.reset();
}

AadEndpoint TestAzureCredentials::aad(const QString &tenant) const
{
    return AadEndpoint {const_cast<QNetworkAccessManager *>(&m_nam),
                        &Amo::Clock::system(),
                        QUrl(m_sandbox->endpoint()),
                        tenant,
                        10000,
                        fastRetry()};
}

TokenResult TestAzureCredentials::token(TokenCredential *credential)
{
    TokenJob *job = credential->createJob(sandboxCloud(*m_sandbox).scope(), this);
    return run<TokenResult>(job, &TokenJob::finished);
}

void TestAzureCredentials::clientSecret()
{
    ClientSecretCredential credential(aad(), kSecretApp, kSecret);
    const TokenResult r = token(&credential);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.credential, u"ClientSecretCredential"_s);
    QCOMPARE(r.token.tenantId, kTenant);
    QVERIFY(r.token.expiresOn > QDateTime::currentDateTimeUtc().addSecs(3000));
    QVERIFY(r.token.refreshOn < r.token.expiresOn);
}

void TestAzureCredentials::clientSecretWrongSecretNamesAadCode()
{
    ClientSecretCredential credential(aad(), kSecretApp, u"wrong-secret-value"_s);
    TokenResult r = token(&credential);
    QCOMPARE(r.status, TokenResult::Status::Failed);
    QVERIFY2(r.error.startsWith(u"ClientSecretCredential: HTTP 401: AADSTS7000215:"_s), qPrintable(r.error));
    QVERIFY(!r.error.contains(u"wrong-secret-value"_s));

    ClientSecretCredential badTenant(aad(u"no-such.test"_s), kSecretApp, kSecret);
    r = token(&badTenant);
    QVERIFY2(r.error.contains(u"AADSTS90002"_s), qPrintable(r.error));
    ClientSecretCredential invalidTenant(aad(u"bad/tenant"_s), kSecretApp, kSecret);
    r = token(&invalidTenant);
    QVERIFY2(r.error.contains(u"invalid tenant id"_s), qPrintable(r.error));
}

void TestAzureCredentials::certificateAssertion_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("pem") << u"pem"_s;
    QTest::newRow("pkcs12") << u"p12"_s;
    QTest::newRow("pkcs12 without password") << u"p12-nopass"_s;
}

void TestAzureCredentials::certificateAssertion()
{
    QFETCH(QString, format);
    const QString pem = m_dir.filePath(u"app.pem"_s);
    QVERIFY(writeFile(pem, m_appCert.certificatePem + m_appCert.privateKeyPem));
    QString path = pem;
    QByteArray password;
    if (format.startsWith(u"p12"_s)) {
        if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
            QSKIP("the openssl tool is needed to make a PKCS#12 file");
        path = m_dir.filePath(format + u".p12"_s);
        password = format == u"p12"_s ? "pfx-pass" : "";
        const int rc = QProcess::execute(u"openssl"_s,
                                         {u"pkcs12"_s, u"-export"_s, u"-in"_s, pem, u"-out"_s, path, u"-passout"_s,
                                          u"pass:"_s + QString::fromLatin1(password)});
        QCOMPARE(rc, 0);
    }
    ClientCertificateCredential credential(aad(), kCertApp, path, password);
    const TokenResult r = token(&credential);
    QVERIFY2(r.ok(), qPrintable(r.error)); // the sandbox checked signature, x5t, aud, iss/sub and times
    QCOMPARE(r.credential, u"ClientCertificateCredential"_s);
}

void TestAzureCredentials::certificateErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << u"nope.pem"_s << QByteArray() << u"not found"_s;
    QTest::newRow("wrong p12 password") << u"wrong.p12"_s << QByteArray("nope") << u"certificate password wrong"_s;
    QTest::newRow("garbage") << u"garbage.bin"_s << QByteArray() << u"neither PEM nor PKCS#12"_s;
    QTest::newRow("foreign key") << u"foreign.pem"_s << QByteArray() << u"AADSTS700027"_s;
}

void TestAzureCredentials::certificateErrors()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, password);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(file);
    if (file == u"wrong.p12"_s) {
        if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
            QSKIP("the openssl tool is needed to make a PKCS#12 file");
        const QString pem = m_dir.filePath(u"app2.pem"_s);
        QVERIFY(writeFile(pem, m_appCert.certificatePem + m_appCert.privateKeyPem));
        QCOMPARE(QProcess::execute(
                     u"openssl"_s,
                     {u"pkcs12"_s, u"-export"_s, u"-in"_s, pem, u"-out"_s, path, u"-passout"_s, u"pass:right"_s}),
                 0);
    } else if (file == u"garbage.bin"_s) {
        QVERIFY(writeFile(path, "\x01\x02 not a certificate"));
    } else if (file == u"foreign.pem"_s) {
        // a registered app, but a certificate it never registered
        const auto other = Amo::Sandbox::CertificateAuthority::selfSigned(u"intruder"_s);
        QVERIFY(writeFile(path, other.certificatePem + other.privateKeyPem));
    }
    ClientCertificateCredential credential(aad(), kCertApp, path, password);
    const TokenResult r = token(&credential);
    QCOMPARE(r.status, TokenResult::Status::Failed);
    QVERIFY2(r.error.startsWith(u"ClientCertificateCredential: "_s), qPrintable(r.error));
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    QVERIFY(password.isEmpty() || !r.error.contains(QString::fromLatin1(password)));
}

void TestAzureCredentials::workloadIdentityRereadsRotatedFile()
{
    const QString file = m_dir.filePath(u"azure-identity-token"_s);
    QVERIFY(writeFile(file, m_sandbox->mintFederatedToken(kIssuer, kSubject)));
    WorkloadIdentityCredential credential(aad(), kCertApp, file);
    TokenResult r = token(&credential);
    QVERIFY2(r.ok(), qPrintable(r.error));

    // kubelet rotated the file: the next request must send the new content
    QVERIFY(writeFile(file, m_sandbox->mintFederatedToken(kIssuer, u"system:serviceaccount:other:sa"_s)));
    r = token(&credential);
    QCOMPARE(r.status, TokenResult::Status::Failed);
    QVERIFY2(r.error.contains(u"AADSTS70021"_s), qPrintable(r.error));

    QVERIFY(writeFile(file, m_sandbox->mintFederatedToken(kIssuer, kSubject) + "\n"));
    r = token(&credential);
    QVERIFY2(r.ok(), qPrintable(r.error));
}

void TestAzureCredentials::workloadIdentityMissingFile()
{
    WorkloadIdentityCredential credential(aad(), kCertApp, m_dir.filePath(u"gone"_s));
    const TokenResult r = token(&credential);
    QCOMPARE(r.status, TokenResult::Status::Failed);
    QVERIFY2(r.error.contains(u"federated token file"_s) && r.error.contains(u"not found"_s), qPrintable(r.error));
    QCOMPARE(m_sandbox->requestLog().total(), 0);
}

void TestAzureCredentials::usernamePassword()
{
    UsernamePasswordCredential ok(aad(), UsernamePasswordCredential::defaultClientId(), u"alice@contoso.test"_s,
                                  u"correct horse"_s);
    TokenResult r = token(&ok);
    QVERIFY2(r.ok(), qPrintable(r.error));
    UsernamePasswordCredential bad(aad(), UsernamePasswordCredential::defaultClientId(), u"alice@contoso.test"_s,
                                   u"battery staple"_s);
    r = token(&bad);
    QVERIFY2(r.error.contains(u"AADSTS50126"_s), qPrintable(r.error));
    QVERIFY(!r.error.contains(u"battery staple"_s));
}

void TestAzureCredentials::managedIdentityImds_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("resourceId");
    QTest::addColumn<bool>("ok");
    QTest::newRow("default identity") << QString() << QString() << true;
    QTest::newRow("by client id") << kMiClient2 << QString() << true;
    QTest::newRow("by resource id") << QString()
                                    << u"/subscriptions/x/resourceGroups/rg/providers/"
                                       "Microsoft.ManagedIdentity/userAssignedIdentities/mi2"_s
                                    << true;
    QTest::newRow("unknown client id") << u"99999999-9999-9999-9999-999999999999"_s << QString() << false;
}

void TestAzureCredentials::managedIdentityImds()
{
    QFETCH(QString, clientId);
    QFETCH(QString, resourceId);
    QFETCH(bool, ok);
    ManagedIdentityOptions options;
    options.imdsHost = m_sandbox->baseUrl();
    options.clientId = clientId;
    options.resourceId = resourceId;
    ManagedIdentityCredential credential(&m_nam, Amo::Clock::system(), options);
    const TokenResult r = token(&credential);
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QCOMPARE(r.status, TokenResult::Status::Failed);
        QVERIFY2(r.error.contains(u"IMDS answered: HTTP 400"_s), qPrintable(r.error));
    }
}

void TestAzureCredentials::managedIdentityRetriesPerGuidance()
{
    Amo::Sandbox::FaultRule rule;
    rule.path = u"/metadata/identity/oauth2/token"_s;
    rule.status = 503;
    rule.times = 2;
    m_sandbox->faults().add(rule);
    Amo::Sandbox::FaultRule gone;
    gone.path = rule.path;
    gone.status = 410;
    gone.times = 1;
    ManagedIdentityOptions options;
    options.imdsHost = m_sandbox->baseUrl();
    options.retryDelayMs = 10;
    ManagedIdentityCredential credential(&m_nam, Amo::Clock::system(), options);
    TokenResult r = token(&credential);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(m_sandbox->requestLog().count("GET", rule.path), 3);

    // retries stop after maxRetries: 1 + 4 attempts
    rule.times = -1;
    m_sandbox->faults().clear();
    m_sandbox->faults().add(rule);
    r = token(&credential);
    QCOMPARE(r.status, TokenResult::Status::Failed);
    QCOMPARE(m_sandbox->requestLog().count("GET", rule.path), 3 + 5);
}

void TestAzureCredentials::managedIdentityUnreachableIsFastAndUnavailable()
{
    // nothing listens on a port we just released
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    ManagedIdentityOptions options;
    options.imdsHost = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    ManagedIdentityCredential refused(&m_nam, Amo::Clock::system(), options);
    QElapsedTimer timer;
    timer.start();
    TokenResult r = token(&refused);
    QCOMPARE(r.status, TokenResult::Status::Unavailable);
    QVERIFY2(r.error.contains(u"no managed identity endpoint"_s), qPrintable(r.error));
    qInfo("refused IMDS reported after %lld ms", timer.elapsed());

    // an IMDS address that swallows packets: the probe's short timeout decides
    Amo::Sandbox::FaultRule stall;
    stall.path = u"/metadata/identity/oauth2/token"_s;
    stall.kind = Amo::Sandbox::FaultKind::Stall;
    m_sandbox->faults().add(stall);
    options.imdsHost = m_sandbox->baseUrl();
    options.probeTimeoutMs = 200;
    ManagedIdentityCredential silent(&m_nam, Amo::Clock::system(), options);
    timer.restart();
    r = token(&silent);
    QCOMPARE(r.status, TokenResult::Status::Unavailable);
    QVERIFY2(r.error.contains(u"did not answer"_s), qPrintable(r.error));
    qInfo("silent IMDS reported after %lld ms", timer.elapsed());
}

void TestAzureCredentials::managedIdentityAppService()
{
    ManagedIdentityOptions options;
    options.appServiceEndpoint = m_sandbox->appServiceUrl();
    options.appServiceHeader = "hdr-123";
    ManagedIdentityCredential credential(&m_nam, Amo::Clock::system(), options);
    TokenResult r = token(&credential);
    QVERIFY2(r.ok(), qPrintable(r.error));
    options.appServiceHeader = "forged";
    ManagedIdentityCredential forged(&m_nam, Amo::Clock::system(), options);
    r = token(&forged);
    QCOMPARE(r.status, TokenResult::Status::Failed);
    QVERIFY2(r.error.contains(u"App Service identity endpoint answered: HTTP 401"_s), qPrintable(r.error));
    QVERIFY(!r.error.contains(u"forged"_s));
}

void TestAzureCredentials::azureCli_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("logged in") << u"ok"_s << int(TokenResult::Status::Ok) << QString();
    QTest::newRow("old cli, local expiresOn") << u"old"_s << int(TokenResult::Status::Ok) << QString();
    QTest::newRow("not logged in") << u"nologin"_s << int(TokenResult::Status::Unavailable) << u"az login"_s;
    QTest::newRow("other failure") << u"broken"_s << int(TokenResult::Status::Failed) << u"exited with code 2"_s;
    QTest::newRow("hangs") << u"hang"_s << int(TokenResult::Status::Failed) << u"did not finish within"_s;
    QTest::newRow("missing") << u"missing"_s << int(TokenResult::Status::Unavailable) << u"not found"_s;
}

void TestAzureCredentials::azureCli()
{
    QFETCH(QString, mode);
    QFETCH(int, status);
    QFETCH(QString, expected);
    QTemporaryDir bin;
    const QByteArray accessToken = m_sandbox->tokens()
                                       .issue({kTenant, u"user-oid"_s, UsernamePasswordCredential::defaultClientId(),
                                               m_sandbox->endpoint(), u"user"_s, u"alice@contoso.test"_s})
                                       .accessToken;
    const QString args = bin.filePath(u"args"_s);
    const QByteArray script = "#!/bin/sh\necho \"$@\" > '" + args.toUtf8() + "'\ncase \"" + mode.toUtf8()
        + "\" in\n"
          "ok) printf '{\"accessToken\":\""
        + accessToken
        + "\",\"expires_on\":%s,\"tokenType\":\"Bearer\"}' "
          "$(( $(date +%s) + 3600 ));;\n"
          "old) printf '{\"accessToken\":\""
        + accessToken
        + "\",\"expiresOn\":\"%s\"}' "
          "\"$(date -d '+1 hour' '+%Y-%m-%d %H:%M:%S.000000')\";;\n"
          "nologin) echo \"ERROR: Please run 'az login' to setup account.\" >&2; exit 1;;\n"
          "broken) echo 'ERROR: something else' >&2; exit 2;;\n"
          "hang) sleep 20;;\n"
          "esac\n";
    if (mode != u"missing"_s) {
        QVERIFY(writeFile(bin.filePath(u"az"_s), script));
        QFile::setPermissions(bin.filePath(u"az"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const QByteArray oldPath = qgetenv("PATH");
    qputenv("PATH", bin.path().toUtf8() + (mode == u"missing"_s ? QByteArray() : ':' + oldPath));
    AzureCliOptions options;
    options.timeoutMs = 500;
    options.tenantId = kTenant;
    AzureCliCredential credential(Amo::Clock::system(), options);
    const TokenResult r = token(&credential);
    qputenv("PATH", oldPath);
    QCOMPARE(int(r.status), status);
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    if (r.ok()) {
        QCOMPARE(r.token.token, accessToken);
        QVERIFY(r.token.expiresOn > QDateTime::currentDateTimeUtc().addSecs(3000));
        QFile f(args);
        QVERIFY(f.open(QIODevice::ReadOnly));
        // the resource is the scope without "/.default", as the SDKs pass it
        QCOMPARE(f.readAll().trimmed(),
                 "account get-access-token --output json --resource " + m_sandbox->baseUrl().toString().toUtf8()
                     + " --tenant " + kTenant.toUtf8());
    }
}

void TestAzureCredentials::chainFallsThroughUnavailable()
{
    // no env credential, IMDS unreachable, az missing: the error lists every attempt
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QProcessEnvironment env;
    env.insert(u"AZURE_POD_IDENTITY_AUTHORITY_HOST"_s, u"http://127.0.0.1:%1"_s.arg(port));
    CredentialChainOptions options;
    options.azureCliOptions.program = u"az-not-installed-here"_s;
    CapturedLog log;
    QString error;
    std::unique_ptr<ChainedTokenCredential> chain(CredentialFactory::fromEnvironment(
        env, sandboxCloud(*m_sandbox), &m_nam, Amo::Clock::system(), log.logger(), options, nullptr, &error));
    QVERIFY(chain);
    TokenResult r = token(chain.get());
    QCOMPARE(r.status, TokenResult::Status::Failed);
    QVERIFY2(r.error.contains(u"ManagedIdentityCredential: no managed identity endpoint"_s), qPrintable(r.error));
    QVERIFY2(r.error.contains(u"AzureCliCredential: Azure CLI not found"_s), qPrintable(r.error));

    // managed identity through the sandbox works and is remembered
    env.insert(u"AZURE_POD_IDENTITY_AUTHORITY_HOST"_s, m_sandbox->baseUrl().toString());
    chain.reset(CredentialFactory::fromEnvironment(env, sandboxCloud(*m_sandbox), &m_nam, Amo::Clock::system(),
                                                   log.logger(), options, nullptr, &error));
    r = token(chain.get());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(chain->selected()->name(), u"ManagedIdentityCredential"_s);
    QVERIFY(log.text().contains(u"Azure credential in use credential=ManagedIdentityCredential"_s));
}

void TestAzureCredentials::chainStopsAtFailedCredential()
{
    QProcessEnvironment env;
    env.insert(u"AZURE_TENANT_ID"_s, kTenant);
    env.insert(u"AZURE_CLIENT_ID"_s, kSecretApp);
    env.insert(u"AZURE_CLIENT_SECRET"_s, u"definitely-wrong"_s);
    env.insert(u"AZURE_POD_IDENTITY_AUTHORITY_HOST"_s, m_sandbox->baseUrl().toString());
    CapturedLog log;
    QString error;
    std::unique_ptr<ChainedTokenCredential> chain(CredentialFactory::fromEnvironment(
        env, sandboxCloud(*m_sandbox), &m_nam, Amo::Clock::system(), log.logger(), {}, nullptr, &error));
    const TokenResult r = token(chain.get());
    QCOMPARE(r.status, TokenResult::Status::Failed);
    QVERIFY2(r.error.contains(u"ClientSecretCredential: HTTP 401: AADSTS7000215"_s), qPrintable(r.error));
    QCOMPARE(m_sandbox->requestLog().count("GET", u"/metadata/identity/oauth2/token"_s), 0);
    QVERIFY(!log.text().contains(u"definitely-wrong"_s));

    env.insert(u"AZURE_CLIENT_SECRET"_s, kSecret);
    chain.reset(CredentialFactory::fromEnvironment(env, sandboxCloud(*m_sandbox), &m_nam, Amo::Clock::system(),
                                                   log.logger(), {}, nullptr, &error));
    QVERIFY(token(chain.get()).ok());
    QVERIFY(log.text().contains(u"credential=ClientSecretCredential"_s));
    QVERIFY(!log.text().contains(kSecret));
}

void TestAzureCredentials::chainRejectsHalfConfiguration()
{
    QProcessEnvironment env;
    env.insert(u"AZURE_CLIENT_SECRET"_s, u"x"_s);
    env.insert(u"AZURE_CLIENT_ID"_s, kSecretApp);
    CapturedLog log;
    QString error;
    std::unique_ptr<ChainedTokenCredential> chain(CredentialFactory::fromEnvironment(
        env, sandboxCloud(*m_sandbox), &m_nam, Amo::Clock::system(), log.logger(), {}, nullptr, &error));
    QVERIFY(!chain);
    QCOMPARE(error, u"AZURE_CLIENT_SECRET is set but AZURE_TENANT_ID is missing"_s);
}

QTEST_GUILESS_MAIN(TestAzureCredentials)
#include "tst_azurecredentials.moc"
