// SPDX-License-Identifier: MIT
// The credential chain as azidentity's DefaultAzureCredential runs it: which answers of a credential mean
// "not here, try the next" and which stop the chain, and retries of transient Azure AD failures.
// Sources: azure-sdk-for-go sdk/azidentity default_azure_credential.go, chained_token_credential.go,
// managed_identity_client.go (IMDS probe, 400 for the system identity, Docker Desktop's 403 "unreachable").
#include "azuretestsupport.h"

#include "shared/azure/chainedtokencredential.h"
#include "shared/azure/credentialfactory.h"
#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/requestlog.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Azure;
using namespace AzureTest;

namespace {

/** Answers every request on loopback with one canned HTTP response, like a proxy squatting on IMDS. */
class CannedHttpServer : public QTcpServer
{
public:
    explicit CannedHttpServer(QByteArray response)
        : m_response(std::move(response))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    socket->write(m_response);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return u"http://127.0.0.1:%1"_s.arg(serverPort()); }

private:
    QByteArray m_response;
};

QByteArray httpResponse(int status, const QByteArray &reason, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestCredentialChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void orderFollowsDefaultAzureCredential();
    void imdsWithoutIdentityLeadsToAzureCli_data();
    void imdsWithoutIdentityLeadsToAzureCli();
    void imdsRefusingTheChosenIdentityStops();
    void tokenEndpointTransientFailureIsRetried_data();
    void tokenEndpointTransientFailureIsRetried();
    void tokenEndpointPersistentFailureGivesUp();
    void goAutorestSettings_data();
    void goAutorestSettings();

private:
    /** A fake `az` that prints a token of the sandbox for the logged-in user, and records that it ran. */
    QString fakeAzureCli();
    std::unique_ptr<ChainedTokenCredential> chain(const QProcessEnvironment &env, const CapturedLog &log,
                                                  QString *error = nullptr);
    TokenResult token(ChainedTokenCredential *credential);

    std::unique_ptr<Amo::Sandbox::Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<QTemporaryDir> m_bin;
};

void TestCredentialChain::init()
{
    const auto cert = Amo::Sandbox::CertificateAuthority::selfSigned(u"app"_s);
    QString error;
    const auto scenario = Amo::Sandbox::Scenario::fromJson(scenarioJson(cert, cert), &error);
    QVERIFY2(scenario, qPrintable(error));
    m_sandbox = std::make_unique<Amo::Sandbox::Sandbox>();
    QVERIFY2(m_sandbox->start(*scenario), qPrintable(m_sandbox->errorString()));
    m_bin = std::make_unique<QTemporaryDir>();
}

void TestCredentialChain::cleanup()
{
    m_sandbox.reset();
    m_bin.reset();
}

QString TestCredentialChain::fakeAzureCli()
{
    const QByteArray accessToken = m_sandbox->tokens()
                                       .issue({kTenant, u"user-oid"_s, u"04b07795-8ddb-461a-bbee-02f9e1bf7b46"_s,
                                               m_sandbox->endpoint(), u"user"_s, u"alice@contoso.test"_s})
                                       .accessToken;
    const QString path = m_bin->filePath(u"az"_s);
    const QByteArray script = "#!/bin/sh\ntouch '" + m_bin->filePath(u"ran"_s).toUtf8()
        + "'\nprintf '{\"accessToken\":\"" + accessToken
        + "\",\"expires_on\":%s,\"tokenType\":\"Bearer\"}' $(( $(date +%s) + 3600 ))\n";
    if (!writeFile(path, script))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

std::unique_ptr<ChainedTokenCredential> TestCredentialChain::chain(const QProcessEnvironment &env,
                                                                   const CapturedLog &log, QString *error)
{
    CredentialChainOptions options;
    options.azureCliOptions.program = fakeAzureCli();
    options.managedIdentityOptions.probeTimeoutMs = 300;
    options.managedIdentityOptions.retryDelayMs = 10;
    options.aadRetry = fastRetry();
    QString ignored;
    return std::unique_ptr<ChainedTokenCredential>(
        CredentialFactory::fromEnvironment(env, sandboxCloud(*m_sandbox), &m_nam, Amo::Clock::system(), log.logger(),
                                           options, nullptr, error ? error : &ignored));
}

TokenResult TestCredentialChain::token(ChainedTokenCredential *credential)
{
    TokenJob *job = credential->createJob(sandboxCloud(*m_sandbox).scope(), this);
    return run<TokenResult>(job, &TokenJob::finished);
}

void TestCredentialChain::orderFollowsDefaultAzureCredential()
{
    // EnvironmentCredential is one of secret, certificate, username/password (in that order of preference),
    // then workload identity, managed identity and the Azure CLI
    QProcessEnvironment env;
    env.insert(u"AZURE_TENANT_ID"_s, kTenant);
    env.insert(u"AZURE_CLIENT_ID"_s, kCertApp);
    env.insert(u"AZURE_CLIENT_SECRET"_s, u"irrelevant"_s);
    env.insert(u"AZURE_CERTIFICATE_PATH"_s, u"/nonexistent.pfx"_s);
    env.insert(u"AZURE_FEDERATED_TOKEN_FILE"_s, u"/nonexistent"_s);
    env.insert(u"AZURE_USERNAME"_s, u"alice@contoso.test"_s);
    env.insert(u"AZURE_PASSWORD"_s, u"correct horse"_s);
    env.insert(u"AZURE_POD_IDENTITY_AUTHORITY_HOST"_s, m_sandbox->baseUrl().toString());
    const QStringList tail {u"WorkloadIdentityCredential"_s, u"ManagedIdentityCredential"_s, u"AzureCliCredential"_s};
    CapturedLog log;
    QCOMPARE(chain(env, log)->names(), QStringList {u"ClientSecretCredential"_s} + tail);
    env.remove(u"AZURE_CLIENT_SECRET"_s);
    QCOMPARE(chain(env, log)->names(), QStringList {u"ClientCertificateCredential"_s} + tail);
    QVERIFY(!log.text().contains(u"deprecated"_s));
    env.remove(u"AZURE_CERTIFICATE_PATH"_s);
    QCOMPARE(chain(env, log)->names(), QStringList {u"UsernamePasswordCredential"_s} + tail);
    QVERIFY(log.text().contains(u"deprecated"_s));
}

void TestCredentialChain::imdsWithoutIdentityLeadsToAzureCli_data()
{
    QTest::addColumn<QString>("imds");
    QTest::addColumn<QString>("reason");
    // a VM without an identity: IMDS answers 400 "Identity not found" for the system-assigned identity
    QTest::newRow("IMDS 400 identity not found") << u"no-identity"_s << u"failed to authenticate a system assigned"_s;
    // Docker Desktop's proxy at the IMDS address
    QTest::newRow("IMDS 403 unreachable") << u"docker"_s << u"unreachable network"_s;
    QTest::newRow("connection refused") << u"refused"_s << u"did not answer"_s;
    QTest::newRow("time-out") << u"stall"_s << u"managed identity timed out"_s;
    // something else answers 200 at the address with a page that is not JSON
    QTest::newRow("not IMDS") << u"html"_s << u"not JSON"_s;
}

void TestCredentialChain::imdsWithoutIdentityLeadsToAzureCli()
{
    QFETCH(QString, imds);
    QFETCH(QString, reason);
    QString host = m_sandbox->baseUrl().toString();
    std::unique_ptr<CannedHttpServer> canned;
    if (imds == u"no-identity"_s) {
        m_sandbox->mutableScenario().managedIdentities.clear();
    } else if (imds == u"docker"_s) {
        canned = std::make_unique<CannedHttpServer>(httpResponse(
            403, "Forbidden",
            "connecting to 169.254.169.254:80: connecting to 169.254.169.254:80: dial tcp 169.254.169.254:80: "
            "connectex: A socket operation was attempted to an unreachable network."));
    } else if (imds == u"html"_s) {
        canned = std::make_unique<CannedHttpServer>(httpResponse(200, "OK", "<html>captive portal</html>"));
    } else if (imds == u"refused"_s) {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        host = u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
    } else if (imds == u"stall"_s) {
        Amo::Sandbox::FaultRule stall;
        stall.path = u"/metadata/identity/oauth2/token"_s;
        stall.kind = Amo::Sandbox::FaultKind::Stall;
        m_sandbox->faults().add(stall);
    }
    if (canned) {
        QVERIFY(canned->listen(QHostAddress::LocalHost));
        host = canned->url();
    }
    QProcessEnvironment env;
    env.insert(u"AZURE_POD_IDENTITY_AUTHORITY_HOST"_s, host);
    CapturedLog log;
    const auto credential = chain(env, log);
    QVERIFY(credential);
    const TokenResult r = token(credential.get());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(credential->selected()->name(), u"AzureCliCredential"_s);
    QVERIFY(QFile::exists(m_bin->filePath(u"ran"_s)));
    const QString text = log.text();
    QVERIFY2(text.contains(u"ManagedIdentityCredential: "_s) && text.contains(reason), qPrintable(text));
    QVERIFY2(text.contains(u"Azure credential in use credential=AzureCliCredential"_s), qPrintable(text));
}

void TestCredentialChain::imdsRefusingTheChosenIdentityStops()
{
    // a user-assigned identity that IMDS does not know is a real failure: the chain must not move on to
    // another identity (azidentity: "the requested identity isn't assigned to this resource")
    QProcessEnvironment env;
    env.insert(u"AZURE_CLIENT_ID"_s, u"99999999-9999-9999-9999-999999999999"_s);
    env.insert(u"AZURE_POD_IDENTITY_AUTHORITY_HOST"_s, m_sandbox->baseUrl().toString());
    CapturedLog log;
    const auto credential = chain(env, log);
    const TokenResult r = token(credential.get());
    QCOMPARE(r.status, TokenResult::Status::Failed);
    QVERIFY2(r.error.contains(u"the requested identity isn't assigned to this resource"_s), qPrintable(r.error));
    QVERIFY(!QFile::exists(m_bin->filePath(u"ran"_s)));
}

void TestCredentialChain::tokenEndpointTransientFailureIsRetried_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("kind");
    QTest::newRow("503") << 503 << int(Amo::Sandbox::FaultKind::Status);
    QTest::newRow("500") << 500 << int(Amo::Sandbox::FaultKind::Status);
    QTest::newRow("429 with Retry-After") << 429 << int(Amo::Sandbox::FaultKind::Status);
    QTest::newRow("connection reset") << 0 << int(Amo::Sandbox::FaultKind::Reset);
}

void TestCredentialChain::tokenEndpointTransientFailureIsRetried()
{
    QFETCH(int, status);
    QFETCH(int, kind);
    const QString path = u"/%1/oauth2/v2.0/token"_s.arg(kTenant);
    Amo::Sandbox::FaultRule rule;
    rule.path = path;
    rule.kind = Amo::Sandbox::FaultKind(kind);
    rule.status = status;
    rule.retryAfterSeconds = 0;
    rule.times = 1;
    m_sandbox->faults().add(rule);
    QProcessEnvironment env;
    env.insert(u"AZURE_TENANT_ID"_s, kTenant);
    env.insert(u"AZURE_CLIENT_ID"_s, kSecretApp);
    env.insert(u"AZURE_CLIENT_SECRET"_s, kSecret);
    CapturedLog log;
    const auto credential = chain(env, log);
    const TokenResult r = token(credential.get());
    QVERIFY2(r.ok(), qPrintable(r.error));
    // a faulted request is logged under its path, one the handler served under its route
    QTRY_COMPARE(m_sandbox->requestLog().count("POST", path)
                     + m_sandbox->requestLog().count("POST", u"/{tenant}/oauth2/v2.0/token"_s),
                 2);
    QVERIFY(log.text().contains(u"credential=ClientSecretCredential"_s));
}

void TestCredentialChain::tokenEndpointPersistentFailureGivesUp()
{
    const QString path = u"/%1/oauth2/v2.0/token"_s.arg(kTenant);
    Amo::Sandbox::FaultRule rule;
    rule.path = path;
    rule.status = 503;
    m_sandbox->faults().add(rule);
    QProcessEnvironment env;
    env.insert(u"AZURE_TENANT_ID"_s, kTenant);
    env.insert(u"AZURE_CLIENT_ID"_s, kSecretApp);
    env.insert(u"AZURE_CLIENT_SECRET"_s, kSecret);
    env.insert(u"AZURE_POD_IDENTITY_AUTHORITY_HOST"_s, m_sandbox->baseUrl().toString());
    CapturedLog log;
    const auto credential = chain(env, log);
    const TokenResult r = token(credential.get());
    // a configured credential that fails stops the chain: no managed identity, no CLI
    QCOMPARE(r.status, TokenResult::Status::Failed);
    QVERIFY2(r.error.contains(u"HTTP 503"_s) && r.error.contains(u"after 4 attempts"_s), qPrintable(r.error));
    QCOMPARE(m_sandbox->requestLog().count("POST", path), 4);
    QCOMPARE(m_sandbox->requestLog().count("GET", u"/metadata/identity/oauth2/token"_s), 0);
    QVERIFY(!QFile::exists(m_bin->filePath(u"ran"_s)));
}

void TestCredentialChain::goAutorestSettings_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("auxiliary tenants") << u"AZURE_AUXILIARY_TENANT_IDS"_s << u"a;b"_s
                                       << u"AZURE_AUXILIARY_TENANT_IDS is not supported"_s;
    QTest::newRow("cloud shell endpoint")
        << u"MSI_ENDPOINT"_s << u"http://127.0.0.1:1/"_s << u"MSI_ENDPOINT without IDENTITY_ENDPOINT"_s;
}

void TestCredentialChain::goAutorestSettings()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, error);
    QProcessEnvironment env;
    env.insert(name, value);
    CapturedLog log;
    QString why;
    QVERIFY(!chain(env, log, &why));
    QVERIFY2(why.startsWith(error), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestCredentialChain)
#include "tst_credentialchain.moc"
