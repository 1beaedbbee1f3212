// SPDX-License-Identifier: MIT
#include "sandboxtestutil.h"

#include "shared/sandbox/httpserver.h"
#include "shared/sandbox/sandbox.h"
#include "shared/sandbox/scenariogenerator.h"

#include <QFile>
#include <QJsonArray>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Sandbox;
using namespace SandboxTest;

class TestSandboxTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void servesHttpsWithGeneratedCa();
    void exposesVerifiedClientCertificate();
    void ignoresForeignClientCertificate();
    void loadsDemoScenario();
    void generatesLargeScenario();

private:
    Reply whoAmI(const IssuedCertificate *client);

    Sandbox m_sandbox;
    std::unique_ptr<FunctionHandler> m_whoami;
    QNetworkAccessManager m_nam;
};

void TestSandboxTls::initTestCase()
{
    const auto scenario
        = Scenario::fromJson(QJsonObject {{u"tenants"_s, QJsonArray {QJsonObject {{u"id"_s, u"t1"_s}}}}}, nullptr);
    QVERIFY(scenario);
    SandboxOptions options;
    options.tls = true;
    QElapsedTimer t;
    t.start();
    QVERIFY2(m_sandbox.start(*scenario, options), qPrintable(m_sandbox.errorString()));
    qInfo("TLS sandbox (CA + server certificate) started in %lld ms", t.elapsed());
    QCOMPARE(m_sandbox.baseUrl().scheme(), u"https"_s);
    m_whoami = std::make_unique<FunctionHandler>([](const HttpRequest &r, HttpExchange &e) {
        if (r.path != u"/whoami"_s)
            return false;
        e.respond(HttpResponse::json(
            200,
            QJsonDocument(QJsonObject {{u"cn"_s, r.clientCertificateCommonName},
                                       {u"o"_s, QJsonArray::fromStringList(r.clientCertificateOrganizations)}})));
        return true;
    });
    m_sandbox.server().addHandler(m_whoami.get());
}

Reply TestSandboxTls::whoAmI(const IssuedCertificate *client)
{
    QNetworkRequest request(QUrl(m_sandbox.baseUrl().toString() + u"/whoami"_s));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({m_sandbox.certificateAuthority()->authority().certificate()});
    if (client) {
        tls.setLocalCertificate(client->certificate());
        tls.setPrivateKey(client->privateKey());
    }
    request.setSslConfiguration(tls);
    // a fresh manager per identity: connections (and their certificates) are cached per manager
    QNetworkAccessManager nam;
    return send(nam, request);
}

void TestSandboxTls::servesHttpsWithGeneratedCa()
{
    const Reply r = whoAmI(nullptr);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"cn"_s).toString(), QString());
    // without the sandbox CA the handshake fails
    QNetworkRequest plain(QUrl(m_sandbox.baseUrl().toString() + u"/whoami"_s));
    QCOMPARE(send(m_nam, plain).error, QNetworkReply::SslHandshakeFailedError);
}

void TestSandboxTls::exposesVerifiedClientCertificate()
{
    const IssuedCertificate client = m_sandbox.issueClientCertificate(u"jane"_s, {u"system:masters"_s, u"platform"_s});
    const Reply r = whoAmI(&client);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"cn"_s).toString(), u"jane"_s);
    QCOMPARE(r.json().value(u"o"_s).toArray().size(), 2);
}

void TestSandboxTls::ignoresForeignClientCertificate()
{
    CertificateAuthority other;
    const IssuedCertificate foreign = other.issueClientCertificate(u"mallory"_s, {u"system:masters"_s});
    const Reply r = whoAmI(&foreign);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"cn"_s).toString(), QString());
}

void TestSandboxTls::loadsDemoScenario()
{
    QString error;
    const auto demo = Scenario::load(QStringLiteral(AMO_SOURCE_DIR "/resources/sandbox/demo-scenario.json"), &error);
    QVERIFY2(demo, qPrintable(error));
    QVERIFY(demo->subscriptions.size() >= 3);
    QVERIFY(demo->msis.size() >= 60);
    QStringList namespaceTags;
    for (const ScenarioMsi &m : demo->msis)
        namespaceTags.append(m.tags.value(u"k8snamespace"_s).toString());
    QVERIFY(namespaceTags.contains(u"team-a, team-b"_s));
    QVERIFY(namespaceTags.contains(u"kube-system"_s));
    QVERIFY(namespaceTags.contains(u"Team_A!"_s));
    QVERIFY(!demo->kubernetes.value(u"azureIdentityBindings"_s).toArray().isEmpty());
    Sandbox sandbox;
    QVERIFY2(sandbox.start(*demo), qPrintable(sandbox.errorString()));
}

void TestSandboxTls::generatesLargeScenario()
{
    ScenarioGenerator::Parameters p;
    QVERIFY(ScenarioGenerator::parse(u"2000:40:300:0.1"_s, &p));
    QVERIFY(!ScenarioGenerator::parse(u"2000:40:300"_s, &p));
    QElapsedTimer t;
    t.start();
    const QJsonObject json = ScenarioGenerator::generate(p);
    const auto scenario = Scenario::fromJson(json, nullptr);
    QVERIFY(scenario);
    QCOMPARE(scenario->msis.size(), 2000);
    const QJsonArray bindings = json.value(u"kubernetes"_s).toObject().value(u"azureIdentityBindings"_s).toArray();
    QCOMPARE(bindings.size(), 300);
    int drifted = 0;
    for (const QJsonValue &b : bindings)
        drifted += b.toObject().value(u"spec"_s).toObject().value(u"azureIdentity"_s).toString().endsWith(u"-old"_s);
    QCOMPARE(drifted, 30);
    QCOMPARE(ScenarioGenerator::generate(p), json); // reproducible
    qInfo("generated and parsed a 2000-MSI scenario in %lld ms", t.elapsed());
}

QTEST_GUILESS_MAIN(TestSandboxTls)
#include "tst_sandboxtls.moc"
