// SPDX-License-Identifier: MIT
// SSL_CERT_FILE and SSL_CERT_DIR as Go's crypto/x509 reads them on Linux (root_unix.go): a PEM bundle and
// colon-separated directories whose files are read one by one (files without a certificate are skipped).
// The CA is a private one made with the openssl command at test time; the simulator serves TLS with it.
#include "azuretestsupport.h"

#include "shared/azure/clientsecretcredential.h"
#include "shared/azure/trustedcertificates.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Azure;
using namespace AzureTest;

class TestTrustedCertificates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void privateCaIsRefusedUntilConfigured();
    void badSettingsNameTheCulprit_data();
    void badSettingsNameTheCulprit();

private:
    TokenResult token(QNetworkAccessManager *nam);
    bool openssl(const QStringList &args);

    QTemporaryDir m_dir;
    std::unique_ptr<Amo::Sandbox::Sandbox> m_sandbox;
};

bool TestTrustedCertificates::openssl(const QStringList &args)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(u"openssl"_s, args);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("openssl %s: %s", qPrintable(args.join(u' ')), process.readAllStandardError().constData());
        return false;
    }
    return true;
}

void TestTrustedCertificates::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(u"openssl"_s).isEmpty(), "scripts/install-deps.sh installs openssl");
    QVERIFY(QDir().mkpath(m_dir.filePath(u"certs"_s)));
    QVERIFY(openssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, u"ca.key"_s,
                     u"-out"_s, u"certs/private-ca.pem"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                     u"/O=Contoso/CN=Contoso TLS Inspection CA"_s, u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                     u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s}));
    // a directory of a real system holds other files too
    QVERIFY(writeFile(m_dir.filePath(u"certs/README"_s), "not a certificate\n"));

    QFile cert(m_dir.filePath(u"certs/private-ca.pem"_s));
    QFile key(m_dir.filePath(u"ca.key"_s));
    QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
    Amo::Sandbox::SandboxOptions options;
    options.tls = true;
    options.caCertificatePem = cert.readAll();
    options.caPrivateKeyPem = key.readAll();
    const auto app = Amo::Sandbox::CertificateAuthority::selfSigned(u"app"_s);
    QString error;
    const auto scenario = Amo::Sandbox::Scenario::fromJson(scenarioJson(app, app), &error);
    QVERIFY2(scenario, qPrintable(error));
    m_sandbox = std::make_unique<Amo::Sandbox::Sandbox>();
    QVERIFY2(m_sandbox->start(*scenario, options), qPrintable(m_sandbox->errorString()));
    QVERIFY(m_sandbox->baseUrl().scheme() == u"https"_s);
    QCOMPARE(m_sandbox->certificateAuthority()->authority().certificate().subjectInfo(QSslCertificate::CommonName),
             QStringList {u"Contoso TLS Inspection CA"_s});
}

TokenResult TestTrustedCertificates::token(QNetworkAccessManager *nam)
{
    ClientSecretCredential credential(
        AadEndpoint {nam, &Amo::Clock::system(), QUrl(m_sandbox->endpoint()), kTenant, 10000, {}}, kSecretApp, kSecret);
    TokenJob *job = credential.createJob(sandboxCloud(*m_sandbox).scope(), this);
    return run<TokenResult>(job, &TokenJob::finished);
}

void TestTrustedCertificates::privateCaIsRefusedUntilConfigured()
{
    {
        QNetworkAccessManager nam;
        const TokenResult r = token(&nam);
        QCOMPARE(r.status, TokenResult::Status::Failed);
        QVERIFY2(r.error.contains(u"SSL"_s) || r.error.contains(u"certificate"_s), qPrintable(r.error));
    }
    const qsizetype systemRoots = QSslConfiguration::systemCaCertificates().size();
    QProcessEnvironment env;
    // empty entries of the colon-separated list are skipped
    env.insert(u"SSL_CERT_DIR"_s, u"::"_s + m_dir.filePath(u"certs"_s));
    QString error;
    QVERIFY2(TrustedCertificates::install(env, &error), qPrintable(error));
    // on top of the system store, not instead of it
    QCOMPARE(QSslConfiguration::defaultConfiguration().caCertificates().size(), systemRoots + 1);
    QNetworkAccessManager nam;
    const TokenResult r = token(&nam);
    QVERIFY2(r.ok(), qPrintable(r.error));

    // the same CA as a bundle through SSL_CERT_FILE
    env.clear();
    env.insert(u"SSL_CERT_FILE"_s, m_dir.filePath(u"certs/private-ca.pem"_s));
    const auto extra = TrustedCertificates::fromEnvironment(env, &error);
    QVERIFY2(extra, qPrintable(error));
    QCOMPARE(extra->size(), 1);
}

void TestTrustedCertificates::badSettingsNameTheCulprit_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("missing bundle") << u"SSL_CERT_FILE"_s << u"missing.pem"_s << u"SSL_CERT_FILE %1 cannot be read"_s;
    QTest::newRow("bundle without certificates")
        << u"SSL_CERT_FILE"_s << u"certs/README"_s << u"SSL_CERT_FILE %1 holds no PEM certificate"_s;
    QTest::newRow("missing directory") << u"SSL_CERT_DIR"_s << u"nowhere"_s
                                       << u"SSL_CERT_DIR entry %1 is not a readable directory"_s;
}

void TestTrustedCertificates::badSettingsNameTheCulprit()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, error);
    QProcessEnvironment env;
    const QString path = m_dir.filePath(value);
    env.insert(name, name == u"SSL_CERT_DIR"_s ? m_dir.filePath(u"certs"_s) + u':' + path : path);
    QString why;
    QVERIFY(!TrustedCertificates::fromEnvironment(env, &why));
    QVERIFY2(why.startsWith(error.arg(path)), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestTrustedCertificates)
#include "tst_trustedcertificates.moc"
