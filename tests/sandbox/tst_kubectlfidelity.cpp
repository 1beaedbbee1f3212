// SPDX-License-Identifier: MIT
// Runs the real kubectl against the Kubernetes half of the sandbox on loopback.
#include "shared/sandbox/certificateauthority.h"
#include "shared/sandbox/httpserver.h"
#include "shared/sandbox/kubeapihandler.h"
#include "shared/sandbox/kuberesourcetype.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Sandbox;

namespace {

const char *kScenario = R"({
    "namespaces": ["team-a", "team-b"],
    "azureIdentities": [
        {"name": "id1", "namespace": "team-a", "spec": {"type": 0, "clientID": "c1",
         "resourceID": "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1"}},
        {"name": "id2", "namespace": "team-b", "spec": {"type": 0, "clientID": "c2"}}],
    "azureIdentityBindings": [{"name": "b1", "namespace": "team-a", "spec": {"azureIdentity": "id1", "selector": "id1"}}],
    "users": [{"name": "admin", "token": "t-admin", "groups": ["system:masters"]},
              {"name": "dev", "token": "t-dev"}],
    "rbac": [{"user": "dev", "verbs": ["get", "list", "watch"], "apiGroups": ["aadpodidentity.k8s.io"],
              "resources": ["azureidentities"], "namespaces": ["team-a"]}]})";

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestKubectlFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void getNamespaces();
    void getIdentitiesAsJson();
    void getBindingAsYaml();
    void createLabelAnnotatePatch();
    void watchReceivesChange();
    void authCanI();
    void requestLogNamesRoutes();

private:
    QStringList baseArgs(const QString &user = u"admin"_s) const
    {
        QStringList args {
            u"--kubeconfig"_s,          m_dir.filePath(u"kubeconfig"_s), u"--user"_s, user, u"--cache-dir"_s,
            m_dir.filePath(u"cache"_s), u"--request-timeout=20s"_s};
        // e.g. AMO_KUBECTL_EXTRA=-v=8 to see kubectl's requests
        args += qEnvironmentVariable("AMO_KUBECTL_EXTRA").split(u' ', Qt::SkipEmptyParts);
        return args;
    }
    Run kubectl(const QStringList &args, const QString &user = u"admin"_s)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(m_kubectl, baseArgs(user) + args);
        // Wait with the event loop running: the server answers on this thread.
        QDeadlineTimer deadline(30000);
        while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(20);
        Run r {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
        if (r.exitCode != 0)
            qInfo().noquote() << "kubectl" << args.join(u' ') << "->" << r.exitCode << r.err;
        return r;
    }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_dir.path());
        env.remove(u"KUBECONFIG"_s);
        return env;
    }
    const KubeResourceType &identities() const
    {
        return *KubeResourceType::find(u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentities"_s);
    }

    QTemporaryDir m_dir;
    QString m_kubectl;
    CertificateAuthority m_ca;
    KubeApiHandler m_handler;
    HttpServer m_server;
};

void TestKubectlFidelity::initTestCase()
{
    m_kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
    if (m_kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    QVERIFY(m_dir.isValid());
    QCOMPARE(m_handler.loadScenario(QJsonDocument::fromJson(kScenario).object()), QString());
    m_server.addHandler(&m_handler);
    // HTTPS: kubectl does not send bearer tokens over plain HTTP.
    QVERIFY(m_ca.isValid());
    m_server.enableTls(&m_ca);
    QVERIFY(m_server.listen());
    const IssuedCertificate client = m_ca.issueClientCertificate(u"ops"_s, {u"system:masters"_s});
    const auto b64 = [](const QByteArray &pem) {
        return QString::fromLatin1(pem.toBase64());
    };
    QFile config(m_dir.filePath(u"kubeconfig"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        u"apiVersion: v1\nkind: Config\n"
        "clusters:\n- name: sandbox\n  cluster:\n    server: %1\n    certificate-authority-data: %2\n"
        "contexts:\n- name: sandbox\n  context:\n    cluster: sandbox\n    user: admin\n    namespace: team-a\n"
        "current-context: sandbox\n"
        "users:\n- name: admin\n  user:\n    token: t-admin\n- name: dev\n  user:\n    token: t-dev\n"
        "- name: ops\n  user:\n    client-certificate-data: %3\n    client-key-data: %4\n"_s
            .arg(m_server.baseUrl().toString(), b64(m_ca.authority().certificatePem), b64(client.certificatePem),
                 b64(client.privateKeyPem))
            .toUtf8());
}

void TestKubectlFidelity::getNamespaces()
{
    const Run r = kubectl({u"get"_s, u"ns"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(u"NAME"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(u"team-a"_s));
    QVERIFY(r.out.contains(u"team-b"_s));
}

void TestKubectlFidelity::getIdentitiesAsJson()
{
    const Run r = kubectl({u"get"_s, u"azureidentities"_s, u"-A"_s, u"-o"_s, u"json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject list = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(list.value(u"kind"_s).toString(), u"List"_s);
    QCOMPARE(list.value(u"items"_s).toArray().size(), 2);
    QCOMPARE(list.value(u"items"_s).toArray().at(0).toObject().value(u"kind"_s).toString(), u"AzureIdentity"_s);
}

void TestKubectlFidelity::getBindingAsYaml()
{
    const Run r = kubectl({u"get"_s, u"azureidentitybinding"_s, u"b1"_s, u"-n"_s, u"team-a"_s, u"-o"_s, u"yaml"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"kind: AzureIdentityBinding"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(u"azureIdentity: id1"_s));
    QVERIFY(r.out.contains(u"resourceVersion: "_s));
}

void TestKubectlFidelity::createLabelAnnotatePatch()
{
    const QString manifest = m_dir.filePath(u"identity.yaml"_s);
    QFile file(manifest);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: aadpodidentity.k8s.io/v1\nkind: AzureIdentity\nmetadata:\n  name: new-id\n"
               "  namespace: team-a\nspec:\n  type: 0\n  clientID: 00000000-0000-0000-0000-000000000001\n");
    file.close();
    Run r = kubectl({u"create"_s, u"-f"_s, manifest});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), u"azureidentity.aadpodidentity.k8s.io/new-id created"_s);
    r = kubectl({u"create"_s, u"-f"_s, manifest});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(u"already exists"_s), qPrintable(r.err));

    r = kubectl({u"label"_s, u"azureidentity"_s, u"new-id"_s, u"-n"_s, u"team-a"_s, u"team=platform"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"labeled"_s), qPrintable(r.out));
    r = kubectl({u"annotate"_s, u"azureidentity"_s, u"new-id"_s, u"-n"_s, u"team-a"_s,
                 u"aadpodidentity.k8s.io/Behavior=namespaced"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"annotated"_s), qPrintable(r.out));
    r = kubectl({u"patch"_s, u"azureidentity"_s, u"new-id"_s, u"-n"_s, u"team-a"_s, u"--type"_s, u"merge"_s, u"-p"_s,
                 uR"({"spec":{"clientID":"patched"}})"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"patched"_s), qPrintable(r.out));

    const KubeObjectPtr o = m_handler.store().object(identities(), u"team-a"_s, u"new-id"_s);
    QVERIFY(o);
    QCOMPARE(o->labels().value(u"team"_s).toString(), u"platform"_s);
    QCOMPARE(o->metadata().value(u"annotations"_s).toObject().value(u"aadpodidentity.k8s.io/Behavior"_s).toString(),
             u"namespaced"_s);
    QCOMPARE(o->json().value(u"spec"_s).toObject().value(u"clientID"_s).toString(), u"patched"_s);
    QCOMPARE(o->metadata().value(u"generation"_s).toInt(), 2);
}

void TestKubectlFidelity::watchReceivesChange()
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(m_kubectl, baseArgs() + QStringList {u"get"_s, u"azureidentities"_s, u"-A"_s, u"--watch"_s});
    QString out;
    const auto read = [&] {
        out += QString::fromUtf8(p.readAllStandardOutput());
        return out;
    };
    QTRY_VERIFY_WITH_TIMEOUT(read().contains(u"id2"_s), 20000);
    QTest::qWait(300); // let kubectl open its watch after the initial list
    QVERIFY(m_handler.store()
                .patch(identities(), u"team-b"_s, u"id2"_s, KubePatchType::Merge, R"({"spec":{"clientID":"watched"}})")
                .ok());
    const qsizetype before = out.count(u"id2"_s);
    QTRY_VERIFY_WITH_TIMEOUT(read().count(u"id2"_s) > before, 20000);
    p.kill();
    p.waitForFinished(5000);
    qInfo().noquote() << "kubectl --watch printed:\n" << out.trimmed();
}

void TestKubectlFidelity::authCanI()
{
    Run r = kubectl({u"auth"_s, u"can-i"_s, u"list"_s, u"azureidentities"_s, u"-n"_s, u"team-a"_s}, u"dev"_s);
    QCOMPARE(r.out.trimmed(), u"yes"_s);
    QCOMPARE(r.exitCode, 0);
    r = kubectl({u"auth"_s, u"can-i"_s, u"delete"_s, u"azureidentities"_s, u"-n"_s, u"team-a"_s}, u"dev"_s);
    QCOMPARE(r.out.trimmed(), u"no"_s);
    QCOMPARE(r.exitCode, 1);
    r = kubectl({u"auth"_s, u"can-i"_s, u"create"_s, u"leases"_s, u"-n"_s, u"team-b"_s});
    QCOMPARE(r.out.trimmed(), u"yes"_s);
    // The client-certificate user: CN = user, O = groups.
    r = kubectl({u"auth"_s, u"can-i"_s, u"delete"_s, u"namespaces"_s}, u"ops"_s);
    QCOMPARE(r.out.trimmed(), u"yes"_s);
    r = kubectl({u"get"_s, u"azureidentities"_s, u"-n"_s, u"team-b"_s}, u"dev"_s);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(u"forbidden: User \"dev\" cannot list resource \"azureidentities\""_s), qPrintable(r.err));
}

void TestKubectlFidelity::requestLogNamesRoutes()
{
    const RequestLog &log = m_server.requestLog();
    QVERIFY(log.count("GET", u"/api/v1/{resource}"_s, 200) > 0);
    QVERIFY(log.count("GET", u"/apis/{group}/{version}"_s, 200) > 0);
    QVERIFY(log.count("POST", u"/apis/{group}/{version}/namespaces/{namespace}/{resource}"_s, 201) > 0);
    QVERIFY(log.count("PATCH", u"/apis/{group}/{version}/namespaces/{namespace}/{resource}/{name}"_s, 200) >= 3);
}

QTEST_GUILESS_MAIN(TestKubectlFidelity)
#include "tst_kubectlfidelity.moc"
