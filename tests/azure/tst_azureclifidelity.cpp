// SPDX-License-Identifier: MIT
// The real Azure CLI (Debian's azure-cli 2.45) against the simulator over TLS, with no client-side shim:
// the cloud is registered from ARM's /metadata/endpoints (as for Azure Stack Hub, whose AD FS authority
// the CLI does not check against the public cloud's instance discovery), then the CLI logs in and reads.
// Where the CLI and the simulator disagree, the simulator is wrong.
// Sources: Azure/azure-cli src/azure-cli/azure/cli/command_modules/cloud/custom.py (metadata endpoints),
// src/azure-cli-core/azure/cli/core/auth/identity.py (ADFS authority), MSAL Python authority.py.
#include "azuretestsupport.h"

#include "shared/sandbox/requestlog.h"

#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace AzureTest;

class TestAzureCliFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginWithSecretListsSubscriptions();
    void listsIdentitiesAcrossPagesAndShowsOne();
    void accessTokenIsForArm();
    void loginWithCertificate();
    void loginWithPassword();
    void cleanupTestCase();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    };
    Result az(const QStringList &args);

    QString m_az;
    QTemporaryDir m_dir;
    Amo::Sandbox::IssuedCertificate m_appCert;
    std::unique_ptr<Amo::Sandbox::Sandbox> m_sandbox;
    QProcessEnvironment m_env;
};

TestAzureCliFidelity::Result TestAzureCliFidelity::az(const QStringList &args)
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.start(m_az, args + QStringList {u"--only-show-errors"_s});
    Result r;
    // the sandbox runs in this thread: wait in an event loop, never in a blocking wait
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(180000, &loop, &QEventLoop::quit);
    process.closeWriteChannel();
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

void TestAzureCliFidelity::initTestCase()
{
    m_az = QStandardPaths::findExecutable(u"az"_s);
    QVERIFY2(!m_az.isEmpty(), "the Azure CLI is required; scripts/install-deps.sh installs Debian's azure-cli");
    m_appCert = Amo::Sandbox::CertificateAuthority::selfSigned(u"cert-app"_s);
    QString error;
    // 2 subscriptions of 12 MSIs, pages of 5: the CLI must follow nextLink
    const auto scenario = Amo::Sandbox::Scenario::fromJson(scenarioJson(m_appCert, m_appCert, 2, 12, 5), &error);
    QVERIFY2(scenario, qPrintable(error));
    Amo::Sandbox::SandboxOptions options;
    options.tls = true; // MSAL wants an https authority
    m_sandbox = std::make_unique<Amo::Sandbox::Sandbox>();
    QVERIFY2(m_sandbox->start(*scenario, options), qPrintable(m_sandbox->errorString()));
    const QString ca = m_dir.filePath(u"ca.crt"_s);
    QVERIFY(writeFile(ca, m_sandbox->certificateAuthority()->authority().certificatePem));
    QVERIFY(writeFile(m_dir.filePath(u"app.pem"_s), m_appCert.privateKeyPem + m_appCert.certificatePem));

    // a CLI of its own: config, cache and CA in the test's folder, nothing sent anywhere but the sandbox
    m_env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    m_env.insert(u"HOME"_s, m_dir.path());
    m_env.insert(u"AZURE_CONFIG_DIR"_s, m_dir.filePath(u"azure"_s));
    m_env.insert(u"AZURE_CORE_COLLECT_TELEMETRY"_s, u"0"_s);
    m_env.insert(u"AZURE_CORE_NO_COLOR"_s, u"1"_s);
    m_env.insert(u"REQUESTS_CA_BUNDLE"_s, ca);
    m_env.insert(u"NO_PROXY"_s, u"127.0.0.1,localhost"_s);

    Result r = az({u"cloud"_s, u"register"_s, u"--name"_s, u"Sandbox"_s, u"--endpoint-resource-manager"_s,
                   m_sandbox->endpoint()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = az({u"cloud"_s, u"set"_s, u"--name"_s, u"Sandbox"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = az({u"cloud"_s, u"show"_s, u"--name"_s, u"Sandbox"_s, u"--output"_s, u"json"_s});
    QCOMPARE(r.json()[u"endpoints"_s][u"activeDirectory"_s].toString(), m_sandbox->baseUrl().toString() + u"/adfs"_s);
}

void TestAzureCliFidelity::loginWithSecretListsSubscriptions()
{
    Result r = az({u"login"_s, u"--service-principal"_s, u"--username"_s, kSecretApp, u"--password"_s, kSecret,
                   u"--tenant"_s, kTenant, u"--output"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().array().size(), 2);
    r = az({u"account"_s, u"list"_s, u"--output"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().array().size(), 2);
    QCOMPARE(r.json().array().at(0)[u"tenantId"_s].toString(), kTenant);
    QCOMPARE(r.json().array().at(0)[u"user"_s][u"type"_s].toString(), u"servicePrincipal"_s);
}

void TestAzureCliFidelity::listsIdentitiesAcrossPagesAndShowsOne()
{
    for (int s = 0; s < 2; ++s) {
        const QString sub = u"aaaaaaaa-0000-0000-0000-%1"_s.arg(s, 12, 10, QLatin1Char('0'));
        const int before = m_sandbox->requestLog().count(
            "GET", u"/subscriptions/{subscriptionId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities"_s);
        const Result r = az({u"identity"_s, u"list"_s, u"--subscription"_s, sub, u"--output"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json().array().size(), 12);
        const int pages
            = m_sandbox->requestLog().count("GET",
                                            u"/subscriptions/{subscriptionId}/providers/Microsoft.ManagedIdentity/"
                                            "userAssignedIdentities"_s)
            - before;
        QCOMPARE(pages, 3);
    }
    const QString sub = u"aaaaaaaa-0000-0000-0000-000000000000"_s;
    Result r = az({u"identity"_s, u"show"_s, u"--subscription"_s, sub, u"--resource-group"_s, u"rg-3"_s, u"--name"_s,
                   u"id-0-3"_s, u"--output"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json()[u"name"_s].toString(), u"id-0-3"_s);
    QVERIFY(!r.json()[u"clientId"_s].toString().isEmpty());
    r = az({u"identity"_s, u"list"_s, u"--subscription"_s, sub, u"--resource-group"_s, u"rg-3"_s, u"--output"_s,
            u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().array().size(), 2); // id-0-3 and id-0-10
    r = az({u"identity"_s, u"show"_s, u"--subscription"_s, sub, u"--resource-group"_s, u"rg-3"_s, u"--name"_s,
            u"missing"_s});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("ResourceNotFound"), r.err.constData());
}

void TestAzureCliFidelity::accessTokenIsForArm()
{
    const Result r = az({u"account"_s, u"get-access-token"_s, u"--output"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto v = m_sandbox->tokens().validate(r.json()[u"accessToken"_s].toString().toLatin1());
    QCOMPARE(v.status, Amo::Sandbox::TokenIssuer::Status::Valid);
    QCOMPARE(v.claims.value(u"tid"_s).toString(), kTenant);
    QCOMPARE(v.claims.value(u"appid"_s).toString(), kSecretApp);
}

void TestAzureCliFidelity::loginWithCertificate()
{
    QCOMPARE(az({u"logout"_s}).exitCode, 0);
    Result r = az({u"login"_s, u"--service-principal"_s, u"--username"_s, kCertApp, u"--password"_s,
                   m_dir.filePath(u"app.pem"_s), u"--tenant"_s, kTenant, u"--output"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = az({u"account"_s, u"get-access-token"_s, u"--output"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto v = m_sandbox->tokens().validate(r.json()[u"accessToken"_s].toString().toLatin1());
    QCOMPARE(v.claims.value(u"appid"_s).toString(), kCertApp);
}

void TestAzureCliFidelity::loginWithPassword()
{
    QCOMPARE(az({u"logout"_s}).exitCode, 0);
    Result r = az({u"login"_s, u"--username"_s, u"alice@contoso.test"_s, u"--password"_s, u"correct horse"_s,
                   u"--output"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().array().at(0)[u"user"_s][u"type"_s].toString(), u"user"_s);
    r = az({u"account"_s, u"get-access-token"_s, u"--output"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto v = m_sandbox->tokens().validate(r.json()[u"accessToken"_s].toString().toLatin1());
    QCOMPARE(v.claims.value(u"upn"_s).toString(), u"alice@contoso.test"_s);
}

void TestAzureCliFidelity::cleanupTestCase()
{
    m_sandbox.reset();
}

QTEST_GUILESS_MAIN(TestAzureCliFidelity)
#include "tst_azureclifidelity.moc"
