// SPDX-License-Identifier: MIT
// The README's sandbox flow over TLS: the standalone simulator with --tls writes DIR/sandbox.env, whose
// SSL_CERT_FILE names the CA it generated at start; the agent started with nothing but that file's
// variables must trust it for Azure AD and ARM (as Go's crypto/x509 honours SSL_CERT_FILE on Linux),
// while the kubeconfig's certificate-authority-data keeps serving the API server.
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
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

Result run(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(AMO_OPERATOR_EXE), args);
    if (!process.waitForStarted(10000))
        return {};
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        process.kill();
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

/** KEY="value" lines as the sandbox writes them (backslash and quote escaped). */
QProcessEnvironment readEnvFile(const QString &path)
{
    QProcessEnvironment env;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return env;
    static const QRegularExpression line(u"^([A-Z_][A-Z0-9_]*)=\"(.*)\"$"_s);
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const auto m = line.match(QString::fromUtf8(raw));
        if (m.hasMatch())
            env.insert(m.captured(1), m.captured(2).replace(u"\\\""_s, u"\""_s).replace(u"\\\\"_s, u"\\"_s));
    }
    return env;
}

} // namespace

class TestTrustedCa : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void agentTrustsTheCaOfSslCertFile();
    void agentWithoutTheCaFailsWithTheCertificateError();
    void unreadableBundleIsAStartupError();
    void cleanupTestCase();

private:
    QProcessEnvironment sandboxEnvironment() const;

    QTemporaryDir m_dir;
    QProcess m_sandbox;
};

void TestTrustedCa::initTestCase()
{
    // a generated world without the demo's deliberately forbidden subscription, so a clean sync exits 0
    QProcess generate;
    generate.start(QStringLiteral(AMO_SANDBOX_EXE), {u"--generate"_s, u"40:5:0:0"_s});
    QVERIFY(generate.waitForFinished(30000));
    const QString scenario = m_dir.filePath(u"scenario.json"_s);
    QFile file(scenario);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(generate.readAllStandardOutput()) > 0);
    file.close();
    m_sandbox.start(QStringLiteral(AMO_SANDBOX_EXE),
                    {u"--scenario"_s, scenario, u"--tls"_s, u"--out"_s, m_dir.filePath(u"out"_s)});
    QVERIFY(m_sandbox.waitForStarted());
    QDeadlineTimer deadline(30000);
    while (!QFile::exists(m_dir.filePath(u"out/sandbox.env"_s)) && !deadline.hasExpired())
        QThread::msleep(50);
    QVERIFY2(QFile::exists(m_dir.filePath(u"out/sandbox.env"_s)), m_sandbox.readAllStandardError().constData());
}

QProcessEnvironment TestTrustedCa::sandboxEnvironment() const
{
    // nothing but sandbox.env (and PATH, so no stray credential or CA of the machine leaks in)
    QProcessEnvironment env = readEnvFile(m_dir.filePath(u"out/sandbox.env"_s));
    env.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    env.insert(u"HOME"_s, m_dir.path());
    return env;
}

void TestTrustedCa::agentTrustsTheCaOfSslCertFile()
{
    const QProcessEnvironment env = sandboxEnvironment();
    QVERIFY(env.value(u"SSL_CERT_FILE"_s).endsWith(u"ca.crt"_s));
    QVERIFY(env.value(u"SANDBOX_URL"_s).startsWith(u"https://"_s));
    const Result once = run({u"--sync.once"_s}, env);
    QVERIFY2(once.exitCode == 0, once.err.constData());
    QVERIFY2(!once.err.contains("SSL handshake failed"), once.err.constData());
    QVERIFY2(once.err.count("applied CreateIdentity") >= 40, once.err.constData());
    // everything the demo wants now exists: a dry run has nothing to do (exit 0, 2 would mean pending)
    const Result dry = run({u"--dry-run"_s}, env);
    QVERIFY2(dry.exitCode == 0, QByteArray(dry.out + dry.err).constData());
}

void TestTrustedCa::agentWithoutTheCaFailsWithTheCertificateError()
{
    QProcessEnvironment env = sandboxEnvironment();
    env.remove(u"SSL_CERT_FILE"_s);
    const Result once = run({u"--sync.once"_s}, env);
    QCOMPARE(once.exitCode, 1);
    QVERIFY2(once.err.contains("SSL handshake failed") || once.err.contains("certificate"), once.err.constData());
}

void TestTrustedCa::unreadableBundleIsAStartupError()
{
    QProcessEnvironment env = sandboxEnvironment();
    const QString missing = m_dir.filePath(u"no-such-bundle.pem"_s);
    env.insert(u"SSL_CERT_FILE"_s, missing);
    Result once = run({u"--sync.once"_s}, env);
    QCOMPARE(once.exitCode, 1);
    QVERIFY2(once.err.contains(QString(u"SSL_CERT_FILE "_s + missing + u" cannot be read"_s).toUtf8()),
             once.err.constData());

    env.insert(u"SSL_CERT_FILE"_s, m_dir.filePath(u"out/ca.crt"_s));
    env.insert(u"SSL_CERT_DIR"_s, m_dir.filePath(u"out"_s) + u":"_s + m_dir.filePath(u"no-such-dir"_s));
    once = run({u"--sync.once"_s}, env);
    QCOMPARE(once.exitCode, 1);
    QVERIFY2(once.err.contains(QByteArray("SSL_CERT_DIR entry " + m_dir.filePath(u"no-such-dir"_s).toUtf8())),
             once.err.constData());
}

void TestTrustedCa::cleanupTestCase()
{
    m_sandbox.terminate();
    m_sandbox.waitForFinished(10000);
}

QTEST_GUILESS_MAIN(TestTrustedCa)
#include "tst_trustedca.moc"
