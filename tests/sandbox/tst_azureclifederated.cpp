// SPDX-License-Identifier: MIT
// The real Azure CLI (Debian's azure-cli 2.45, api-version 2022-01-31-preview) writes, lists, shows and deletes
// federated identity credentials on the simulator's ARM over TLS, and meets its validation as Azure's.
// Where the CLI and the simulator disagree, the simulator is wrong.
#include "shared/sandbox/certificateauthority.h"
#include "shared/sandbox/sandbox.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Amo::Sandbox;

namespace {
const QString kTenant = u"11111111-1111-1111-1111-111111111111"_s;
const QString kApp = u"22222222-2222-2222-2222-222222222222"_s;
const QString kSecret = u"s3cret-value"_s;
const QString kSub = u"44444444-4444-4444-4444-444444444444"_s;
const QString kIssuer = u"https://oidc.sandbox.test/cluster-1"_s;
} // namespace

class TestAzureCliFederated : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createListShowDelete();
    void refusesBadNameAndTwentyFirst();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    };
    Result az(const QStringList &args);
    QStringList fic(const QString &verb, const QString &name = {}) const;

    QString m_az;
    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox> m_sandbox;
    QProcessEnvironment m_env;
};

TestAzureCliFederated::Result TestAzureCliFederated::az(const QStringList &args)
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

QStringList TestAzureCliFederated::fic(const QString &verb, const QString &name) const
{
    QStringList args {u"identity"_s,
                      u"federated-credential"_s,
                      verb,
                      u"--subscription"_s,
                      kSub,
                      u"--resource-group"_s,
                      u"rg-apps"_s,
                      u"--identity-name"_s,
                      u"id-payments"_s};
    if (!name.isEmpty())
        args += {u"--name"_s, name};
    return args;
}

void TestAzureCliFederated::initTestCase()
{
    m_az = QStandardPaths::findExecutable(u"az"_s);
    QVERIFY2(!m_az.isEmpty(), "the Azure CLI is required; scripts/install-deps.sh installs Debian's azure-cli");
    const QJsonObject json {
        {u"tenants"_s, QJsonArray {QJsonObject {{u"id"_s, kTenant}}}},
        {u"applications"_s, QJsonArray {QJsonObject {{u"clientId"_s, kApp}, {u"secrets"_s, QJsonArray {kSecret}}}}},
        {u"subscriptions"_s, QJsonArray {QJsonObject {{u"id"_s, kSub}, {u"displayName"_s, u"Production"_s}}}},
        {u"msis"_s,
         QJsonArray {QJsonObject {
             {u"subscriptionId"_s, kSub}, {u"resourceGroup"_s, u"rg-apps"_s}, {u"name"_s, u"id-payments"_s}}}},
        {u"arm"_s, QJsonObject {{u"pageSize"_s, 3}}}};
    QString error;
    const auto scenario = Scenario::fromJson(json, &error);
    QVERIFY2(scenario, qPrintable(error));
    SandboxOptions options;
    options.tls = true; // MSAL wants an https authority
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(*scenario, options), qPrintable(m_sandbox->errorString()));
    const QString ca = m_dir.filePath(u"ca.crt"_s);
    QFile caFile(ca);
    QVERIFY(caFile.open(QIODevice::WriteOnly));
    caFile.write(m_sandbox->certificateAuthority()->authority().certificatePem);
    caFile.close();

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
    r = az({u"login"_s, u"--service-principal"_s, u"--username"_s, kApp, u"--password"_s, kSecret, u"--tenant"_s,
            kTenant, u"--output"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestAzureCliFederated::createListShowDelete()
{
    for (int i = 0; i < 4; ++i) {
        const Result r
            = az(fic(u"create"_s, u"fic-%1"_s.arg(i))
                 + QStringList {u"--issuer"_s, kIssuer, u"--subject"_s, u"system:serviceaccount:team-%1:app"_s.arg(i),
                                u"--audiences"_s, u"api://AzureADTokenExchange"_s, u"--output"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json()[u"name"_s].toString(), u"fic-%1"_s.arg(i));
        QCOMPARE(r.json()[u"subject"_s].toString(), u"system:serviceaccount:team-%1:app"_s.arg(i));
    }
    // four credentials, pages of three: the CLI follows nextLink
    Result r = az(fic(u"list"_s) + QStringList {u"--output"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().array().size(), 4);
    QCOMPARE(r.json().array().at(3)[u"issuer"_s].toString(), kIssuer);

    r = az(fic(u"show"_s, u"fic-2"_s) + QStringList {u"--output"_s, u"json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json()[u"audiences"_s].toArray(), QJsonArray {u"api://AzureADTokenExchange"_s});
    QCOMPARE(r.json()[u"type"_s].toString(),
             u"Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials"_s);

    r = az(fic(u"delete"_s, u"fic-2"_s) + QStringList {u"--yes"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = az(fic(u"show"_s, u"fic-2"_s));
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("ResourceNotFound") || r.err.contains("was not found"), r.err.constData());
    r = az(fic(u"list"_s) + QStringList {u"--output"_s, u"json"_s});
    QCOMPARE(r.json().array().size(), 3);
}

void TestAzureCliFederated::refusesBadNameAndTwentyFirst()
{
    Result r = az(fic(u"create"_s, u"bad.name"_s)
                  + QStringList {u"--issuer"_s, kIssuer, u"--subject"_s, u"system:serviceaccount:x:y"_s});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("'bad.name'"), r.err.constData());
    // fill the identity up to 20, then the CLI shows Azure's refusal
    const int existing = int(az(fic(u"list"_s) + QStringList {u"--output"_s, u"json"_s}).json().array().size());
    for (int i = existing; i < 20; ++i) {
        const QJsonObject body {{u"properties"_s,
                                 QJsonObject {{u"issuer"_s, kIssuer},
                                              {u"subject"_s, u"system:serviceaccount:fill-%1:app"_s.arg(i)},
                                              {u"audiences"_s, QJsonArray {u"api://AzureADTokenExchange"_s}}}}};
        r = az({u"rest"_s, u"--method"_s, u"put"_s, u"--url"_s,
                m_sandbox->endpoint()
                    + u"subscriptions/%1/resourceGroups/rg-apps/providers/Microsoft.ManagedIdentity/"
                      "userAssignedIdentities/id-payments/federatedIdentityCredentials/fill-%2?api-version=2023-01-31"_s
                          .arg(kSub)
                          .arg(i),
                u"--body"_s, QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    r = az(fic(u"create"_s, u"one-too-many"_s)
           + QStringList {u"--issuer"_s, kIssuer, u"--subject"_s, u"system:serviceaccount:x:y"_s});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("Too many Federated Identity Credentials"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestAzureCliFederated)
#include "tst_azureclifederated.moc"
