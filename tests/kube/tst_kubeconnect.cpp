// SPDX-License-Identifier: MIT
// Every way of connecting, against the simulated API server: tokens, token files, client
// certificates, exec plugins, insecure mode, merged kubeconfigs and in-cluster files.
#include "kubetestenv.h"

#include "shared/kube/authenticator.h"
#include "shared/kube/connectionloader.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Amo::Kube;
using KubeTest::Env;

class TestKubeConnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void token();
    void wrongTokenIsUnauthorized();
    void tokenFileIsReread();
    void clientCertificate();
    void insecureSkipsVerification();
    void insecureWithCaIsRefused();
    void unknownCaFails();
    void tlsServerName_data();
    void tlsServerName();
    void basicAuthHeader();
    void execPlugin();
    void execExpiryAndReexecOn401();
    void execMissingCommand();
    void execFailureRedactsTokens();
    void execEndlessOutputIsCut();
    void tokenFileThatNeverEnds();
    void mergedKubeconfigs();
    void contextOverride();
    void inCluster();
    void userAgent();

private:
    QString script(const QString &name, const QString &body);
    std::unique_ptr<Env> m_env;
};

void TestKubeConnect::initTestCase()
{
    m_env = std::make_unique<Env>();
    QCOMPARE(m_env->loadError, QString());
    QVERIFY(m_env->server.isListening());
}

QString TestKubeConnect::script(const QString &name, const QString &body)
{
    const QString path = m_env->writeFile(name, (u"#!/bin/sh\n"_s + body).toUtf8());
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void TestKubeConnect::token()
{
    const RestConfig config = m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s));
    QCOMPARE(m_env->lastError, QString());
    QCOMPARE(config.namespaceName, u"team-a"_s);
    auto client = m_env->client(config);
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.object.value(u"metadata"_s).toObject().value(u"name"_s).toString(), u"team-a"_s);
}

void TestKubeConnect::wrongTokenIsUnauthorized()
{
    auto client = m_env->client(m_env->load(m_env->kubeconfig(u"    token: nope\n"_s)));
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QCOMPARE(r.error.type, KubeError::Type::Unauthorized);
    QCOMPARE(r.httpStatus, 401);
}

void TestKubeConnect::tokenFileIsReread()
{
    const QString tokenPath = m_env->writeFile(u"token"_s, "t-bad\n");
    auto client = m_env->client(m_env->load(m_env->kubeconfig(u"    tokenFile: token\n"_s)));
    QCOMPARE(client->config().tokenFile, tokenPath); // relative to the kubeconfig's folder
    QCOMPARE(KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s)).error.type,
             KubeError::Type::Unauthorized);
    // The rotated file (different size, so a change even within one mtime tick) is picked up.
    m_env->writeFile(u"token"_s, "t-admin\n");
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QVERIFY2(r.ok(), qPrintable(r.error.message));
}

void TestKubeConnect::clientCertificate()
{
    const auto cert = m_env->ca.issueClientCertificate(u"ops-cert"_s, {u"system:masters"_s});
    const QString certPath = m_env->writeFile(u"client.crt"_s, cert.certificatePem);
    Q_UNUSED(certPath);
    // A certificate file next to the kubeconfig and its key inline: both forms in one go.
    auto client
        = m_env->client(m_env->load(m_env->kubeconfig(u"    client-certificate: client.crt\n    client-key-data: "_s
                                                      + QString::fromLatin1(cert.privateKeyPem.toBase64()) + u'\n')));
    QCOMPARE(m_env->lastError, QString());
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-b"_s));
    QVERIFY2(r.ok(), qPrintable(r.error.message));
}

void TestKubeConnect::insecureSkipsVerification()
{
    auto client = m_env->client(
        m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s, u"    insecure-skip-tls-verify: true\n"_s, false)));
    QVERIFY(client->config().insecureSkipTlsVerify);
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QVERIFY2(r.ok(), qPrintable(r.error.message));
}

void TestKubeConnect::insecureWithCaIsRefused()
{
    // client-go's rule (rest.TLSConfigFor): a root CA together with the insecure flag is a configuration error.
    m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s, u"    insecure-skip-tls-verify: true\n"_s, true));
    QVERIFY2(m_env->lastError.contains(u"specifying a root certificates file with the insecure flag is not allowed"_s),
             qPrintable(m_env->lastError));
    QVERIFY2(m_env->lastError.contains(u"\"sandbox\""_s), qPrintable(m_env->lastError));
}

void TestKubeConnect::unknownCaFails()
{
    Amo::Kube::ClientOptions options = Env::fastOptions();
    options.maxRetries = 0;
    auto client = m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s, {}, false)), options);
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QCOMPARE(r.error.type, KubeError::Type::Network);
    QCOMPARE(r.error.network, QNetworkReply::SslHandshakeFailedError);
}

void TestKubeConnect::tlsServerName_data()
{
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<bool>("accepted");
    // The sandbox's certificate names 127.0.0.1, localhost and ::1; the URL uses 127.0.0.1.
    QTest::newRow("a name the certificate holds") << u"localhost"_s << true;
    QTest::newRow("a name it does not hold") << u"api.example.invalid"_s << false;
}

void TestKubeConnect::tlsServerName()
{
    QFETCH(QString, serverName);
    QFETCH(bool, accepted);
    Amo::Kube::ClientOptions options = Env::fastOptions();
    options.maxRetries = 0;
    auto client = m_env->client(
        m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s, u"    tls-server-name: "_s + serverName + u'\n')),
        options);
    QCOMPARE(client->config().tlsServerName, serverName);
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    if (accepted) {
        QVERIFY2(r.ok(), qPrintable(r.error.message));
    } else {
        QCOMPARE(r.error.type, KubeError::Type::Network);
        QCOMPARE(r.error.network, QNetworkReply::SslHandshakeFailedError);
    }
}

void TestKubeConnect::basicAuthHeader()
{
    RestConfig config = m_env->load(m_env->kubeconfig(u"    username: alice\n    password: s3cret\n"_s));
    QCOMPARE(config.username, u"alice"_s);
    Authenticator auth(config, Amo::Clock::system(), nullptr);
    QByteArray header;
    auth.credentials(this, [&](const Credentials &c, const KubeError &) { header = c.authorization; });
    QCOMPARE(header, QByteArray("Basic ") + QByteArray("alice:s3cret").toBase64());
}

void TestKubeConnect::execPlugin()
{
    const QString runs = m_env->dir.filePath(u"exec-runs"_s);
    const QString plugin = script(u"plugin.sh"_s, uR"(echo run >> "%1"
case "$KUBERNETES_EXEC_INFO" in *'"server":"https://127.0.0.1'*) ;; *) echo "no cluster info" >&2; exit 3;; esac
[ "$PLUGIN_MODE" = "$1" ] || { echo "env or args missing" >&2; exit 4; }
echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t-admin"}}'
)"_s.arg(runs));
    const RestConfig config = m_env->load(
        m_env->kubeconfig(u"    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: ./plugin.sh\n"
                          u"      args: [token]\n      env:\n      - name: PLUGIN_MODE\n        value: token\n"
                          u"      interactiveMode: Never\n      provideClusterInfo: true\n"_s));
    QCOMPARE(m_env->lastError, QString());
    QCOMPARE(config.exec->command, plugin);
    auto client = m_env->client(config);
    for (int i = 0; i < 3; ++i) {
        const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
    }
    // No expirationTimestamp: one run serves every request until a 401.
    QCOMPARE(client->authenticator().execRuns(), 1);
    QFile f(runs);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().count('\n'), 1);
}

void TestKubeConnect::execExpiryAndReexecOn401()
{
    // First run: a token the server refuses; later runs: a good one that expires in 5 s (inside the
    // renewal margin, so each request runs the plugin again).
    const QString counter = m_env->dir.filePath(u"exec-count"_s);
    script(u"rotating.sh"_s, uR"(echo x >> "%1"
n=$(wc -l < "%1")
if [ "$n" -eq 1 ]; then tok=t-stale; else tok=t-admin; fi
exp=$(date -u -d '+5 seconds' +%Y-%m-%dT%H:%M:%SZ)
echo "{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"$tok\",\"expirationTimestamp\":\"$exp\"}}"
)"_s.arg(counter));
    auto client = m_env->client(m_env->load(m_env->kubeconfig(
        u"    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: ./rotating.sh\n"_s)));
    const KubeResponse first = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QVERIFY2(first.ok(), qPrintable(first.error.message));
    QCOMPARE(client->authenticator().execRuns(), 2); // 401 on the stale token, then a fresh run
    QCOMPARE(first.attempts, 2);
    const KubeResponse second = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QVERIFY(second.ok());
    QCOMPARE(client->authenticator().execRuns(), 3); // the cached token is about to expire
}

void TestKubeConnect::execMissingCommand()
{
    auto client = m_env->client(m_env->load(m_env->kubeconfig(
        u"    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: kubelogin-not-here\n"
        u"      installHint: |\n        install kubelogin: https://aka.ms/aks/kubelogin\n"_s)));
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QCOMPARE(r.error.type, KubeError::Type::Configuration);
    QVERIFY2(r.error.message.contains(u"kubelogin-not-here"_s), qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(u"install kubelogin: https://aka.ms/aks/kubelogin"_s),
             qPrintable(r.error.message));
}

void TestKubeConnect::execFailureRedactsTokens()
{
    // A plugin that fails and dumps its state: the reason is quoted, the token values are not.
    const QString jwt = u"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ"_s;
    const QString plugin
        = script(u"leaky.sh"_s,
                 u"echo \"refresh failed: access_token=s3cr3t-value; Bearer "_s + jwt + u" expired\" >&2\nexit 3\n"_s);
    auto client = m_env->client(
        m_env->load(m_env->kubeconfig(u"    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: "_s
                                      + plugin + u"\n      interactiveMode: Never\n"_s)));
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QCOMPARE(r.error.type, KubeError::Type::Configuration);
    QVERIFY2(r.error.message.contains(u"failed (exit code 3): refresh failed: access_token=[redacted]"_s),
             qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(u"expired"_s), qPrintable(r.error.message));
    QVERIFY2(!r.error.message.contains(u"s3cr3t"_s), qPrintable(r.error.message));
    QVERIFY2(!r.error.message.contains(jwt.left(20)), qPrintable(r.error.message));
}

void TestKubeConnect::execEndlessOutputIsCut()
{
    // A plugin that prints without end is killed at the bound, with an error naming it.
    const QString plugin = script(u"endless.sh"_s, u"exec cat /dev/zero\n"_s);
    auto client = m_env->client(
        m_env->load(m_env->kubeconfig(u"    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: "_s
                                      + plugin + u"\n      interactiveMode: Never\n"_s)));
    const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
    QCOMPARE(r.error.type, KubeError::Type::Configuration);
    QVERIFY2(r.error.message.contains(u"printed more than 1048576 bytes"_s), qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(plugin), qPrintable(r.error.message));
}

void TestKubeConnect::tokenFileThatNeverEnds()
{
    // /dev/zero would be read until memory runs out, a FIFO without a writer would block forever.
    QTemporaryDir dir;
    const QString fifo = dir.filePath(u"token-fifo"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    for (const QString &path : {u"/dev/zero"_s, fifo}) {
        auto client = m_env->client(m_env->load(m_env->kubeconfig(u"    tokenFile: "_s + path + u'\n')));
        const KubeResponse r = KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s));
        QCOMPARE(r.error.type, KubeError::Type::Configuration);
        QVERIFY2(r.error.message.contains(path + u" is not a regular file"_s), qPrintable(r.error.message));
    }
}

void TestKubeConnect::mergedKubeconfigs()
{
    // File 1: the cluster and a context naming user "me" (absent there); file 2: "me" plus a
    // competing "sandbox" cluster with a wrong server that must lose, and its own current-context.
    const QString clusterOnly = m_env->kubeconfig(u"    token: unused\n"_s).section(u"users:"_s, 0, 0);
    const QString one = m_env->writeFile(u"merge-1"_s, clusterOnly.toUtf8());
    const QString two = m_env->writeFile(
        u"merge-2"_s,
        "clusters:\n- name: sandbox\n  cluster:\n    server: https://wrong.invalid\ncurrent-context: other\n"
        "users:\n- name: me\n  user:\n    token: t-admin\n");
    ConnectionSettings settings;
    settings.environment = QProcessEnvironment();
    settings.environment.insert(u"KUBECONFIG"_s, one + u":/no/such/file:"_s + two);
    const RestConfigResult r = ConnectionLoader::load(settings);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.config->contextName, u"sandbox"_s);
    QCOMPARE(r.config->server, m_env->server.baseUrl());
    auto client = m_env->client(*r.config);
    QVERIFY(KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s)).ok());
}

void TestKubeConnect::contextOverride()
{
    // current-context points at a broken cluster; --kubernetes.context picks the working one.
    QString yaml = m_env->kubeconfig(u"    token: t-admin\n"_s);
    yaml.replace(u"current-context: sandbox"_s, u"current-context: broken"_s);
    yaml.replace(u"contexts:\n"_s, u"contexts:\n- name: broken\n  context:\n    cluster: nowhere\n    user: me\n"_s);
    yaml.replace(u"clusters:\n"_s, u"clusters:\n- name: nowhere\n  cluster:\n    server: https://wrong.invalid\n"_s);
    const QString path = m_env->writeFile(u"contexts"_s, yaml.toUtf8());

    ConnectionSettings settings;
    settings.kubeconfig = path;
    const RestConfigResult byDefault = ConnectionLoader::load(settings);
    QVERIFY2(byDefault.ok(), qPrintable(byDefault.error));
    QCOMPARE(byDefault.config->contextName, u"broken"_s);
    QCOMPARE(byDefault.config->server, QUrl(u"https://wrong.invalid"_s));

    settings.context = u"sandbox"_s;
    const RestConfigResult chosen = ConnectionLoader::load(settings);
    QVERIFY2(chosen.ok(), qPrintable(chosen.error));
    QCOMPARE(chosen.config->contextName, u"sandbox"_s);
    auto client = m_env->client(*chosen.config);
    QVERIFY(KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s)).ok());

    settings.context = u"no-such-context"_s;
    const RestConfigResult missing = ConnectionLoader::load(settings);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error.contains(u"no-such-context"_s), qPrintable(missing.error));
}

void TestKubeConnect::inCluster()
{
    QTemporaryDir sa;
    auto write = [&](const QString &name, const QByteArray &data) {
        QFile f(sa.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(data);
    };
    write(u"token"_s, "t-reader");
    write(u"ca.crt"_s, m_env->ca.authority().certificatePem);
    write(u"namespace"_s, "team-b\n");
    ConnectionSettings settings;
    settings.environment = QProcessEnvironment();
    settings.environment.insert(u"KUBERNETES_SERVICE_HOST"_s, u"127.0.0.1"_s);
    settings.environment.insert(u"KUBERNETES_SERVICE_PORT"_s, QString::number(m_env->server.port()));
    settings.serviceAccountDir = sa.path();
    const RestConfigResult r = ConnectionLoader::load(settings);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.config->inCluster);
    auto client = m_env->client(*r.config);
    QCOMPARE(client->defaultNamespace(), u"team-b"_s);
    QVERIFY(KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s)).ok());
    // The reader may not create; after the kubelet rotates the token to an admin one, it may.
    QCOMPARE(
        KubeTest::run(client->create(Resource::AzureIdentities, u"team-b"_s, KubeTest::identity(u"team-b"_s, u"x"_s)))
            .error.type,
        KubeError::Type::Forbidden);
    client->authenticator().setTokenRefreshIntervalMs(0);
    write(u"token"_s, "t-ops");
    const KubeResponse created = KubeTest::run(
        client->create(Resource::AzureIdentities, u"team-b"_s, KubeTest::identity(u"team-b"_s, u"x"_s)));
    QVERIFY2(created.ok(), qPrintable(created.error.message));
}

void TestKubeConnect::userAgent()
{
    auto client = m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s)));
    const QNetworkRequest request = client->makeRequest(client->url(u"/api"_s), Credentials(), {});
    QCOMPARE(request.rawHeader("User-Agent"), QByteArray("azure-msi-operator/" AMO_VERSION));
    QVERIFY(request.attribute(QNetworkRequest::Http2AllowedAttribute).toBool());
}

QTEST_GUILESS_MAIN(TestKubeConnect)
#include "tst_kubeconnect.moc"
