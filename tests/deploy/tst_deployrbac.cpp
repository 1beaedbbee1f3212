// SPDX-License-Identifier: MIT
// The agent as the shipped `ha` overlay runs it, against the simulator: uid 65534, a read-only root
// with only the declared emptyDir writable, no capabilities, the in-cluster service-account files,
// the container's arguments and environment from the rendered Deployment, and the RBAC of the
// rendered ClusterRole and Role enforced by the simulator. With binding sync, expiry, Events and the
// Lease on, full syncs get no 403, and the calls it makes are exactly what the
// roles grant: nothing called is missing, nothing granted is unused.
#include "deploytestutil.h"
#include "kubecallrecorder.h"
#include "rbacgrants.h"

#include "shared/sandbox/app/sandboxapp.h"
#include "shared/sandbox/httpserver.h"
#include "shared/sandbox/requestlog.h"
#include "shared/sandbox/sandbox.h"
#include "shared/sandbox/scenario.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using DeployTest::Grant;
using DeployTest::KubeCall;

namespace {

const QString kNamespace = u"azure-msi-operator"_s;
const QString kAccount = u"azure-msi-operator"_s;
const QString kUser = u"system:serviceaccount:azure-msi-operator:azure-msi-operator"_s;
const QByteArray kAccountToken = "deploy-test-service-account-token";
const QString kAllowLabel = u"msi.azure.k8s.io/allow"_s;

// Runs the agent the way a restricted pod does. Arguments: agent executable, service-account folder,
// the simulator's CA certificate, the test's folder (client files the environment names), then the
// container's arguments. What the pod needs is bound into /run first and the test's folder is bound
// back after /tmp is replaced with an empty tmpfs: the build tree itself may live under /tmp.
const QString kPodScript = uR"(set -e
mount -t tmpfs -o size=1m tmpfs /run
mkdir -p /run/secrets/kubernetes.io/serviceaccount /run/pod-files
mount --bind "$2" /run/secrets/kubernetes.io/serviceaccount
mount -o remount,bind,ro /run/secrets/kubernetes.io/serviceaccount
touch /run/azure-msi-operator
mount --bind "$1" /run/azure-msi-operator
mount --bind "$4" /run/pod-files
# The image's trust store holds the simulator's CA, as a real image's holds the public Azure CAs.
mount -t tmpfs -o size=1m tmpfs /etc/ssl/certs
cp "$3" "/etc/ssl/certs/$(openssl x509 -hash -noout -in "$3").0"
mount -t tmpfs -o size=8m,mode=1777 tmpfs /tmp
mkdir -p "$4"
mount --bind /run/pod-files "$4"
mount -o remount,bind,ro /
agent=/run/azure-msi-operator
shift 4
exec setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs "$agent" "$@"
)"_s;

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(content);
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return true;
}

/** The demo scenario with the agent's ServiceAccount, the manifests' RBAC, and every namespace admitted. */
QJsonObject scenarioFor(const QList<Grant> &grants)
{
    QFile file(QStringLiteral(AMO_SOURCE_DIR "/resources/sandbox/demo-scenario.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject scenario = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject kube = scenario.value(u"kubernetes"_s).toObject();
    QJsonArray namespaces;
    for (const QJsonValue &v : kube.value(u"namespaces"_s).toArray()) {
        QJsonObject ns = v.isString() ? QJsonObject {{u"name"_s, v.toString()}} : v.toObject();
        QJsonObject labels = ns.value(u"labels"_s).toObject();
        labels.insert(kAllowLabel, u"true"_s);
        ns.insert(u"labels"_s, labels);
        namespaces.append(ns);
    }
    namespaces.append(QJsonObject {{u"name"_s, kNamespace}});
    kube.insert(u"namespaces"_s, namespaces);
    // The first user is the kubeconfig's (the test's own reads); the second is the agent.
    kube.insert(u"users"_s,
                QJsonArray {QJsonObject {{u"name"_s, u"admin"_s},
                                         {u"token"_s, u"deploy-test-admin-token"_s},
                                         {u"groups"_s, QJsonArray {u"system:masters"_s}}},
                            QJsonObject {{u"name"_s, kUser},
                                         {u"token"_s, QString::fromLatin1(kAccountToken)},
                                         {u"groups"_s,
                                          QJsonArray {u"system:serviceaccounts"_s,
                                                      u"system:serviceaccounts:azure-msi-operator"_s,
                                                      u"system:authenticated"_s}}}});
    kube.insert(u"rbac"_s, DeployTest::scenarioRules(grants, kUser));
    scenario.insert(u"kubernetes"_s, kube);
    return scenario;
}

// Full syncs only: watch events add incremental ones, which would end the wait before a second full sync.
int syncsFinished(const QString &log)
{
    static const QRegularExpression finished(u" sync finished kind=full "_s);
    int n = 0;
    for (auto it = finished.globalMatch(log); it.hasNext(); it.next())
        ++n;
    return n;
}

} // namespace

class TestDeployRbac : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void restrictedAgentCallsExactlyWhatTheRolesGrant();
};

void TestDeployRbac::restrictedAgentCallsExactlyWhatTheRolesGrant()
{
    if (geteuid() != 0)
        QSKIP("needs root for a private mount namespace (read-only root, service-account files) and setpriv");
    const DeployTest::Rendered rendered = DeployTest::kustomize(DeployTest::installerDir() + u"/overlays/ha"_s);
    QVERIFY2(rendered.ok(), qPrintable(rendered.error));
    const QList<Grant> grants = DeployTest::grantsFor(rendered, kNamespace, kAccount);
    QVERIFY(!grants.isEmpty());
    const QJsonObject deployment = rendered.one(u"Deployment"_s);
    QCOMPARE(DeployTest::podSpec(deployment).value(u"serviceAccountName"_s).toString(), kAccount);

    // The simulator, on TLS as in-cluster clients need, enforcing the manifests' RBAC.
    std::optional<Amo::Sandbox::Scenario> scenario;
    {
        QString error;
        scenario = Amo::Sandbox::Scenario::fromJson(scenarioFor(grants), &error);
        QVERIFY2(scenario, qPrintable(error));
    }
    Amo::Sandbox::Sandbox sandbox;
    Amo::Sandbox::SandboxOptions options;
    options.tls = true;
    QVERIFY2(sandbox.start(*scenario, options), qPrintable(sandbox.errorString()));
    DeployTest::KubeCallRecorder recorder(kAccountToken);
    Amo::Sandbox::HttpHandler *kube = sandbox.kubernetesHandler();
    QVERIFY(kube);
    sandbox.server().removeHandler(kube);
    sandbox.server().addHandler(&recorder);
    sandbox.server().addHandler(kube);

    // Files the agent (uid 65534) reads: next to the test, since the pod's /tmp is its own tmpfs.
    QTemporaryDir dir(QCoreApplication::applicationDirPath() + u"/deployrbac-XXXXXX"_s);
    QVERIFY(dir.isValid());
    QFile::setPermissions(dir.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther
                              | QFile::ReadGroup | QFile::ExeGroup);
    QString error;
    const Amo::Sandbox::SandboxApp files(sandbox);
    QVERIFY2(files.writeClientFiles(dir.path(), &error), qPrintable(error));
    for (const QFileInfo &written : QDir(dir.path()).entryInfoList(QDir::Files))
        QFile::setPermissions(written.filePath(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    QHash<QString, QString> sandboxEnv;
    for (const auto &[key, value] : files.environment(dir.path()))
        sandboxEnv.insert(key, value);
    const QString accountDir = dir.filePath(u"serviceaccount"_s);
    QVERIFY(QDir().mkpath(accountDir));
    QFile::setPermissions(accountDir,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther
                              | QFile::ReadGroup | QFile::ExeGroup);
    QVERIFY(writeFile(accountDir + u"/token"_s, kAccountToken));
    QVERIFY(writeFile(accountDir + u"/ca.crt"_s, sandbox.certificateAuthority()->authority().certificatePem));
    QVERIFY(writeFile(accountDir + u"/namespace"_s, kNamespace.toUtf8()));

    // The container's arguments and environment, from the rendered Deployment and the README's Secret keys.
    const QString pod = u"azure-msi-operator-7d4b9c-x2x7q"_s;
    const DeployTest::ContainerRun run = DeployTest::resolveContainer(
        rendered, deployment,
        {{u"metadata.name"_s, pod}, {u"metadata.namespace"_s, kNamespace}, {u"spec.nodeName"_s, u"node-1"_s}},
        {{u"azure-msi-operator"_s,
          {{u"AZURE_TENANT_ID"_s, sandboxEnv.value(u"AZURE_TENANT_ID"_s)},
           {u"AZURE_CLIENT_ID"_s, sandboxEnv.value(u"AZURE_CLIENT_ID"_s)},
           {u"AZURE_CLIENT_SECRET"_s, sandboxEnv.value(u"AZURE_CLIENT_SECRET"_s)}}}});
    QVERIFY2(run.problems.isEmpty(), qPrintable(run.problems.join(u"; "_s)));
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/sbin:/usr/bin:/sbin:/bin"_s);
    for (auto it = run.environment.begin(); it != run.environment.end(); ++it)
        env.insert(it.key(), it.value());
    // What the cluster provides: the API server address; what points Azure at the simulator.
    env.insert(u"KUBERNETES_SERVICE_HOST"_s, u"127.0.0.1"_s);
    env.insert(u"KUBERNETES_SERVICE_PORT"_s, QString::number(sandbox.baseUrl().port()));
    for (const QString &key : {u"AZURE_ENVIRONMENT"_s, u"AZURE_ENVIRONMENT_FILEPATH"_s})
        env.insert(key, sandboxEnv.value(key));
    // The measurement: expiry on too, and a short interval so later full syncs repeat Events.
    env.insert(u"AZUREIDENTITY_EXPIRY"_s, u"true"_s);
    env.insert(u"SYNC_INTERVAL"_s, u"5s"_s);
    // A raised client-side rate limit, so each sync's writes and Events are out before the next sync
    // (else a repeated Event is folded into its still-queued create instead of patching it).
    env.insert(u"KUBERNETES_QPS"_s, u"200"_s);
    env.insert(u"KUBERNETES_BURST"_s, u"400"_s);
    env.insert(u"SYNC_LOCKTIME"_s, u"0s"_s);
    const quint16 port = freePort();
    QVERIFY(port != 0);
    env.insert(u"SERVER_BIND"_s, u"127.0.0.1:%1"_s.arg(port));

    QProcess agent;
    QByteArray log;
    QObject::connect(&agent, &QProcess::readyReadStandardError, &agent, [&] { log += agent.readAllStandardError(); });
    QObject::connect(&agent, &QProcess::readyReadStandardOutput, &agent, [&] { log += agent.readAllStandardOutput(); });
    agent.setProcessEnvironment(env);
    agent.start(u"unshare"_s,
                QStringList {u"--mount"_s, u"--propagation"_s, u"private"_s, u"--"_s, u"/bin/sh"_s, u"-c"_s, kPodScript,
                             u"pod"_s, QStringLiteral(AMO_OPERATOR_EXE), accountDir, accountDir + u"/ca.crt"_s,
                             dir.path()}
                    + run.args);
    QVERIFY2(agent.waitForStarted(10000), qPrintable(agent.errorString()));
    const auto text = [&log] {
        return QString::fromUtf8(log);
    };
    // Three full syncs (the later ones repeat the warnings of the first, which patches their Events), then
    // until the client-side rate limit has let every queued write and Event out: no call but the
    // Lease renewal for a few seconds.
    const auto nonLeaseCalls = [&recorder] {
        return std::count_if(recorder.calls().begin(), recorder.calls().end(),
                             [](const KubeCall &c) { return c.resource != u"leases"; });
    };
    QElapsedTimer waited;
    waited.start();
    QElapsedTimer quiet;
    quiet.start();
    qsizetype seen = 0;
    while (agent.state() == QProcess::Running && waited.elapsed() < 120000
           && (syncsFinished(text()) < 3 || quiet.elapsed() < 3000)) {
        QTest::qWait(200);
        if (nonLeaseCalls() != seen) {
            seen = nonLeaseCalls();
            quiet.restart();
        }
    }
    if (syncsFinished(text()) < 3 || agent.state() != QProcess::Running) {
        qInfo().noquote() << text(); // QFAIL cuts long messages
        QFAIL("the agent did not finish three full syncs");
    }
    QVERIFY2(text().contains(u"became the leader"_s), qPrintable(text()));
    agent.terminate();
    QSignalSpy finished(&agent, &QProcess::finished);
    QVERIFY(agent.state() == QProcess::NotRunning || finished.wait(20000));
    QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
    QVERIFY2(agent.exitCode() == 0, qPrintable(text()));
    QVERIFY2(text().contains(u"lease released"_s), qPrintable(text()));
    QVERIFY2(!text().contains(u"Read-only file system"_s) && !text().contains(u"Permission denied"_s),
             qPrintable(text()));
    // It wrote: creates, updates, re-points and Events all went through the RBAC above.
    static const QRegularExpression written(u" sync finished .*\\bwritten=([1-9]\\d*)"_s);
    QVERIFY2(written.match(text()).hasMatch(), qPrintable(text()));

    // No request of the Kubernetes API was refused.
    QStringList refused;
    for (const Amo::Sandbox::RequestLogEntry &e : sandbox.requestLog().entries()) {
        if ((e.status == 401 || e.status == 403) && (e.path.startsWith(u"/api/"_s) || e.path.startsWith(u"/apis/"_s)))
            refused.append(u"%1 %2 -> %3"_s.arg(QString::fromLatin1(e.method), e.path).arg(e.status));
    }
    QVERIFY2(refused.isEmpty(), qPrintable(refused.join(u'\n')));

    // The measured calls, as RBAC sees them.
    QMap<QString, int> measured;
    QStringList notGranted;
    for (const KubeCall &call : recorder.calls()) {
        ++measured[call.describe()];
        // The self-subject reviews are granted to every authenticated user by the cluster itself.
        if (call.group == u"authorization.k8s.io" && call.resource.startsWith(u"selfsubject"_s))
            continue;
        const bool granted = std::any_of(grants.begin(), grants.end(), [&](const Grant &g) { return g.allows(call); });
        if (!granted)
            notGranted.append(call.describe() + u" (" + call.path + u')');
    }
    for (auto it = measured.begin(); it != measured.end(); ++it)
        qInfo("measured: %5d x %s", it.value(), qPrintable(it.key()));
    QVERIFY(!measured.isEmpty());
    notGranted.removeDuplicates();
    QVERIFY2(notGranted.isEmpty(), qPrintable(u"called but not granted:\n"_s + notGranted.join(u'\n')));

    QStringList unused;
    for (const Grant &g : grants) {
        for (const QString &group : g.apiGroups) {
            for (const QString &resource : g.resources) {
                for (const QString &verb : g.verbs) {
                    const bool called
                        = std::any_of(recorder.calls().begin(), recorder.calls().end(), [&](const KubeCall &c) {
                              return c.verb == verb && c.group == group && c.resource == resource && g.allows(c);
                          });
                    if (!called)
                        unused.append(u"%1: %2 %3/%4"_s.arg(g.origin, verb, group, resource));
                }
            }
        }
    }
    QVERIFY2(unused.isEmpty(), qPrintable(u"granted but never called:\n"_s + unused.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestDeployRbac)
#include "tst_deployrbac.moc"
