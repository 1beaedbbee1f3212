// SPDX-License-Identifier: MIT
// End to end with real tools: the standalone sandbox serves a cluster, the agent renders the bundled
// example, and kubectl applies it. Proves that render mode's YAML is what `kubectl apply -f -` accepts.
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {
struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result run(const QString &program, const QStringList &args, const QByteArray &input = {},
           const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}
} // namespace

class TestRenderApply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void kubectlAppliesRenderedManifests();
    void cleanupTestCase();

private:
    Result kubectl(const QStringList &args, const QByteArray &input = {})
    {
        return run(m_kubectl, QStringList {u"--kubeconfig"_s, m_dir.filePath(u"out/kubeconfig"_s)} + args, input);
    }

    QTemporaryDir m_dir;
    QProcess m_sandbox;
    QString m_kubectl;
};

void TestRenderApply::initTestCase()
{
    m_kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
    QVERIFY2(!m_kubectl.isEmpty(), "kubectl is required; scripts/install-deps.sh installs it");
    m_sandbox.start(QStringLiteral(AMO_SANDBOX_EXE),
                    {u"--scenario"_s, QStringLiteral(AMO_SOURCE_DIR "/resources/sandbox/demo-scenario.json"),
                     u"--tls"_s, u"--out"_s, m_dir.filePath(u"out"_s)});
    QVERIFY(m_sandbox.waitForStarted());
    // The sandbox writes its kubeconfig once it listens.
    QDeadlineTimer deadline(30000);
    while (!QFile::exists(m_dir.filePath(u"out/sandbox.env"_s)) && !deadline.hasExpired())
        QThread::msleep(50);
    QVERIFY2(QFile::exists(m_dir.filePath(u"out/sandbox.env"_s)), m_sandbox.readAllStandardError().constData());
}

void TestRenderApply::kubectlAppliesRenderedManifests()
{
    // The example targets two namespaces the demo cluster does not have yet.
    QCOMPARE(kubectl({u"create"_s, u"namespace"_s, u"test123"_s}).exitCode, 0);
    QCOMPARE(kubectl({u"create"_s, u"namespace"_s, u"payments-canary"_s}).exitCode, 0);

    const Result rendered = run(QStringLiteral(AMO_OPERATOR_EXE),
                                {u"--render"_s, QStringLiteral(AMO_SOURCE_DIR "/resources/examples/msis.json")});
    QCOMPARE(rendered.exitCode, 0);

    const Result applied = kubectl({u"apply"_s, u"-f"_s, u"-"_s}, rendered.out);
    QVERIFY2(applied.exitCode == 0, applied.err.constData());
    QCOMPARE(applied.out.count(" created\n"), 3);

    // Applying the same output again changes nothing.
    const Result again = kubectl({u"apply"_s, u"-f"_s, u"-"_s}, rendered.out);
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out.count(" unchanged\n"), 3);

    const Result got = kubectl({u"get"_s, u"azureidentity"_s, u"foobar-df398181-f42f-41b4-b791-b1d4572be315"_s, u"-n"_s,
                                u"test123"_s, u"-o"_s, u"json"_s});
    QCOMPARE(got.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(got.out).object();
    QCOMPARE(object[u"spec"_s][u"type"_s].toInt(-1), 0);
    QCOMPARE(object[u"spec"_s][u"clientID"_s].toString(), u"df398181-f42f-41b4-b791-b1d4572be315"_s);
    QCOMPARE(object[u"spec"_s][u"resourceID"_s].toString(),
             u"/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/resourcegroups/barfoo/providers/"
             "microsoft.managedidentity/userassignedidentities/foobar"_s);
    QCOMPARE(object[u"metadata"_s][u"labels"_s][u"msi.azure.k8s.io/resourcegroup"_s].toString(), u"barfoo"_s);
}

void TestRenderApply::cleanupTestCase()
{
    m_sandbox.terminate();
    m_sandbox.waitForFinished(10000);
}

QTEST_GUILESS_MAIN(TestRenderApply)
#include "tst_renderapply.moc"
