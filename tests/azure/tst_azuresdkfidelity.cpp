// SPDX-License-Identifier: MIT
// The Azure SDK for JavaScript (@azure/identity 4.x, @azure/arm-msi, @azure/arm-resources-subscriptions,
// installed with npm into the build tree) against the simulator over TLS: secret and certificate logins
// (the SDK signs PS256 with x5t#S256), subscriptions, identities across pages, one identity, a resource
// group, and managed identity tokens through App Service and IMDS. Where the SDK and the simulator
// disagree, the simulator is wrong.
#include "azuretestsupport.h"

#include "shared/sandbox/requestlog.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace AzureTest;

class TestAzureSdkFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void armClientsReadEverySubscription();
    void managedIdentityToken_data();
    void managedIdentityToken();
    void cleanupTestCase();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    /** Runs a program while this thread's event loop keeps serving the in-process sandbox. */
    Result run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
               const QString &workingDirectory, int timeoutMs);
    QProcessEnvironment baseEnvironment() const;

    QString m_node;
    QString m_sdkDir = QStringLiteral(AMO_AZURE_SDK_DIR);
    QTemporaryDir m_dir;
    std::unique_ptr<Amo::Sandbox::Sandbox> m_sandbox;
};

TestAzureSdkFidelity::Result TestAzureSdkFidelity::run(const QString &program, const QStringList &args,
                                                       const QProcessEnvironment &env, const QString &workingDirectory,
                                                       int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(workingDirectory);
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    process.start(program, args);
    process.closeWriteChannel();
    loop.exec();
    Result r;
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

QProcessEnvironment TestAzureSdkFidelity::baseEnvironment() const
{
    QProcessEnvironment env;
    env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    env.insert(u"HOME"_s, m_dir.path());
    env.insert(u"SANDBOX_URL"_s, m_sandbox->baseUrl().toString());
    env.insert(u"NODE_EXTRA_CA_CERTS"_s, m_dir.filePath(u"ca.crt"_s));
    env.insert(u"NO_PROXY"_s, u"127.0.0.1,localhost"_s);
    return env;
}

void TestAzureSdkFidelity::initTestCase()
{
    m_node = QStandardPaths::findExecutable(u"node"_s);
    const QString npm = QStandardPaths::findExecutable(u"npm"_s);
    QVERIFY2(!m_node.isEmpty() && !npm.isEmpty(), "node and npm are required");
    // the SDK goes into the build tree, from the pinned package.json beside this test
    QVERIFY(QDir().mkpath(m_sdkDir));
    for (const QString &file : {u"package.json"_s, u"fidelity.mjs"_s}) {
        QFile::remove(m_sdkDir + u'/' + file);
        QVERIFY(
            QFile::copy(QStringLiteral(AMO_SOURCE_DIR "/tests/azure/azure-sdk-js/") + file, m_sdkDir + u'/' + file));
    }
    if (!QFile::exists(m_sdkDir + u"/node_modules/@azure/identity/package.json"_s)) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const Result r
            = run(npm, {u"install"_s, u"--no-audit"_s, u"--no-fund"_s, u"--no-package-lock"_s}, env, m_sdkDir, 300000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    const auto cert = Amo::Sandbox::CertificateAuthority::selfSigned(u"cert-app"_s);
    QString error;
    // 2 subscriptions of 12 MSIs, pages of 5: the SDK's pagers must follow nextLink
    const auto scenario = Amo::Sandbox::Scenario::fromJson(scenarioJson(cert, cert, 2, 12, 5), &error);
    QVERIFY2(scenario, qPrintable(error));
    Amo::Sandbox::SandboxOptions options;
    options.tls = true;
    m_sandbox = std::make_unique<Amo::Sandbox::Sandbox>();
    QVERIFY2(m_sandbox->start(*scenario, options), qPrintable(m_sandbox->errorString()));
    QVERIFY(writeFile(m_dir.filePath(u"ca.crt"_s), m_sandbox->certificateAuthority()->authority().certificatePem));
    QVERIFY(writeFile(m_dir.filePath(u"app.pem"_s), cert.privateKeyPem + cert.certificatePem));
}

void TestAzureSdkFidelity::armClientsReadEverySubscription()
{
    QProcessEnvironment env = baseEnvironment();
    env.insert(u"MODE"_s, u"arm"_s);
    env.insert(u"AZURE_TENANT_ID"_s, kTenant);
    env.insert(u"AZURE_CLIENT_ID"_s, kSecretApp);
    env.insert(u"AZURE_CLIENT_SECRET"_s, kSecret);
    env.insert(u"CERT_APP"_s, kCertApp);
    env.insert(u"CERT_PEM"_s, m_dir.filePath(u"app.pem"_s));
    const Result r = run(m_node, {u"fidelity.mjs"_s}, env, m_sdkDir, 120000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject out = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(out.value(u"subscriptions"_s).toInt(), 2);
    QCOMPARE(out.value(u"identities"_s).toInt(), 24);
    QCOMPARE(
        m_sandbox->requestLog().count(
            "GET", u"/subscriptions/{subscriptionId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities"_s),
        6);
    QCOMPARE(out.value(u"shownClientId"_s).toString(), out.value(u"listedClientId"_s).toString());
    QVERIFY(out.value(u"inGroup"_s).toInt() >= 1);
    const auto v = m_sandbox->tokens().validate(out.value(u"certToken"_s).toString().toLatin1());
    QCOMPARE(v.status, Amo::Sandbox::TokenIssuer::Status::Valid);
    QCOMPARE(v.claims.value(u"appid"_s).toString(), kCertApp);
}

void TestAzureSdkFidelity::managedIdentityToken_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("App Service") << u"appservice"_s;
    QTest::newRow("IMDS") << u"imds"_s;
}

void TestAzureSdkFidelity::managedIdentityToken()
{
    QFETCH(QString, source);
    QProcessEnvironment env = baseEnvironment();
    env.insert(u"MODE"_s, u"mi"_s);
    // every managed identity endpoint points at the sandbox: never the real IMDS address
    env.insert(u"AZURE_POD_IDENTITY_AUTHORITY_HOST"_s, m_sandbox->baseUrl().toString());
    if (source == u"appservice"_s) {
        env.insert(u"IDENTITY_ENDPOINT"_s, m_sandbox->appServiceUrl().toString());
        env.insert(u"IDENTITY_HEADER"_s, u"hdr-123"_s);
    }
    const Result r = run(m_node, {u"fidelity.mjs"_s}, env, m_sdkDir, 120000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject out = QJsonDocument::fromJson(r.out).object();
    const auto v = m_sandbox->tokens().validate(out.value(u"miToken"_s).toString().toLatin1());
    QCOMPARE(v.status, Amo::Sandbox::TokenIssuer::Status::Valid);
    QCOMPARE(v.claims.value(u"appid"_s).toString(), kMiClient);
}

void TestAzureSdkFidelity::cleanupTestCase()
{
    m_sandbox.reset();
}

QTEST_GUILESS_MAIN(TestAzureSdkFidelity)
#include "tst_azuresdkfidelity.moc"
