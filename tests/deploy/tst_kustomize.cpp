// SPDX-License-Identifier: MIT
// The shipped Kustomize base and overlays, rendered by the real `kubectl kustomize`: they build without
// warnings, pass the Pod Security "restricted" rules, are sized and probed, ship the safe settings, and
// agree with the README's install commands.
#include "deploytestutil.h"

#include "agent/operatorservice.h"
#include "shared/config/optionparser.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using DeployTest::Rendered;

namespace {

const QString kNamespace = u"azure-msi-operator"_s;
const QStringList kOverlays {u"base"_s, u"overlays/ha"_s, u"overlays/workload-identity"_s, u"overlays/monitoring"_s,
                             u"overlays/workload-identity-mode"_s};
// The agent's measured peak at 10,000 MSIs (bench_agentprocess, Release, cold --sync.once) and the
// limit shipped for it: the original's 100Mi, so our image drops into its Deployment.
constexpr double kMemoryTargetMiB = 69;
constexpr double kMemoryLimitMiB = 100;

Rendered render(const QString &overlay)
{
    return DeployTest::kustomize(DeployTest::installerDir() + u'/' + overlay);
}

QString readme()
{
    QFile file(QStringLiteral(AMO_SOURCE_DIR "/README.md"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/** The text of the README section that starts with @p heading, up to the next heading of that level. */
QString readmeSection(const QString &heading)
{
    const QString text = readme();
    const qsizetype start = text.indexOf(u'\n' + heading + u'\n');
    if (start < 0)
        return {};
    const qsizetype end = text.indexOf(u"\n## "_s, start + heading.size() + 1);
    return text.mid(start, end < 0 ? -1 : end - start);
}

/** The fenced blocks of @p language in @p text, in order. */
QStringList fencedBlocks(const QString &text, const QString &language)
{
    QStringList blocks;
    const QRegularExpression fence(u"```"_s + language + u"\\n(.*?)```"_s,
                                   QRegularExpression::DotMatchesEverythingOption);
    for (auto it = fence.globalMatch(text); it.hasNext();)
        blocks.append(it.next().captured(1));
    return blocks;
}

/** Shell lines joined over trailing backslashes, comments dropped. */
QStringList shellCommands(const QString &block)
{
    QStringList commands;
    QString current;
    for (const QString &raw : block.split(u'\n')) {
        QString line = raw;
        const qsizetype hash = line.indexOf(u" #"_s);
        if (line.trimmed().startsWith(u'#'))
            continue;
        if (hash >= 0)
            line.truncate(hash);
        const bool continued = line.trimmed().endsWith(u'\\');
        current += u' ' + (continued ? line.trimmed().chopped(1) : line.trimmed());
        if (!continued) {
            if (!current.trimmed().isEmpty())
                commands.append(current.simplified());
            current.clear();
        }
    }
    return commands;
}

bool isClusterScoped(const QString &kind)
{
    return kind == u"Namespace" || kind == u"ClusterRole" || kind == u"ClusterRoleBinding";
}

} // namespace

class TestKustomize : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsWithoutWarnings_data();
    void buildsWithoutWarnings();
    void podSecurityRestricted_data() { buildsWithoutWarnings_data(); }
    void podSecurityRestricted();
    void resourcesAndProbes_data() { buildsWithoutWarnings_data(); }
    void resourcesAndProbes();
    void shipsTheSafeSettings_data() { buildsWithoutWarnings_data(); }
    void shipsTheSafeSettings();
    void rbacHasNoDeleteAndStaysInItsNamespace_data() { buildsWithoutWarnings_data(); }
    void rbacHasNoDeleteAndStaysInItsNamespace();
    void haOverlay();
    void workloadIdentityOverlay();
    void monitoringOverlay();
    void readmeInstallCommandsMatchTheManifests();
    void readmeCustomOverlayMergesSettings();
    void imageIsDocumentedWithDigestPinning();
};

void TestKustomize::buildsWithoutWarnings_data()
{
    QTest::addColumn<QString>("overlay");
    for (const QString &overlay : kOverlays)
        QTest::newRow(qPrintable(overlay)) << overlay;
}

void TestKustomize::buildsWithoutWarnings()
{
    QFETCH(QString, overlay);
    const Rendered r = render(overlay);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.process.err.trimmed().isEmpty(), r.process.err.constData());
    QCOMPARE(r.ofKind(u"Deployment"_s).size(), 1);
    QCOMPARE(r.ofKind(u"Namespace"_s).size(), 1);
    QCOMPARE(DeployTest::metadataName(r.one(u"Namespace"_s)), kNamespace);
    // One namespace for everything (the original had the Secret in one and the Deployment in another).
    for (const QJsonObject &o : r.objects) {
        const QString kind = o.value(u"kind"_s).toString();
        const QString where = kind + u'/' + DeployTest::metadataName(o);
        if (isClusterScoped(kind))
            QVERIFY2(DeployTest::metadataNamespace(o).isEmpty(), qPrintable(where));
        else
            QVERIFY2(DeployTest::metadataNamespace(o) == kNamespace, qPrintable(where));
    }
}

void TestKustomize::podSecurityRestricted()
{
    QFETCH(QString, overlay);
    const Rendered r = render(overlay);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QJsonObject labels = DeployTest::path(r.one(u"Namespace"_s), u"metadata.labels"_s);
    QCOMPARE(labels.value(u"pod-security.kubernetes.io/enforce"_s).toString(), u"restricted"_s);

    const QJsonObject pod = DeployTest::podSpec(r.one(u"Deployment"_s));
    for (const QString &hostKey : {u"hostNetwork"_s, u"hostPID"_s, u"hostIPC"_s})
        QVERIFY2(!pod.value(hostKey).toBool(), qPrintable(hostKey));
    const QJsonObject podSecurity = pod.value(u"securityContext"_s).toObject();
    QCOMPARE(podSecurity.value(u"runAsNonRoot"_s).toBool(), true);
    QVERIFY(podSecurity.value(u"runAsUser"_s).isDouble());
    QCOMPARE(podSecurity.value(u"runAsUser"_s).toInt(), 65534);
    QCOMPARE(DeployTest::path(podSecurity, u"seccompProfile"_s).value(u"type"_s).toString(), u"RuntimeDefault"_s);

    // Restricted allows only these volume types.
    const QStringList allowedVolumes {u"configMap"_s, u"csi"_s,       u"downwardAPI"_s,
                                      u"emptyDir"_s,  u"ephemeral"_s, u"persistentVolumeClaim"_s,
                                      u"projected"_s, u"secret"_s};
    QStringList emptyDirs;
    for (const QJsonValue &v : pod.value(u"volumes"_s).toArray()) {
        const QJsonObject volume = v.toObject();
        for (const QString &key : volume.keys()) {
            if (key != u"name")
                QVERIFY2(allowedVolumes.contains(key), qPrintable(key));
        }
        if (volume.contains(u"emptyDir"_s))
            emptyDirs.append(volume.value(u"name"_s).toString());
    }

    QJsonArray containers = pod.value(u"containers"_s).toArray();
    QVERIFY(!containers.isEmpty());
    for (const QJsonValue &init : pod.value(u"initContainers"_s).toArray())
        containers.append(init);
    for (const QJsonValue &v : containers) {
        const QJsonObject c = v.toObject();
        const QJsonObject sc = c.value(u"securityContext"_s).toObject();
        QCOMPARE(sc.value(u"allowPrivilegeEscalation"_s), QJsonValue(false));
        QCOMPARE(sc.value(u"readOnlyRootFilesystem"_s), QJsonValue(true));
        QVERIFY(!sc.value(u"privileged"_s).toBool());
        QCOMPARE(DeployTest::path(sc, u"capabilities"_s).value(u"drop"_s).toArray(), QJsonArray {u"ALL"_s});
        QVERIFY(DeployTest::path(sc, u"capabilities"_s).value(u"add"_s).toArray().isEmpty());
        if (sc.contains(u"runAsUser"_s))
            QVERIFY(sc.value(u"runAsUser"_s).toInt() != 0);
        for (const QJsonValue &port : c.value(u"ports"_s).toArray())
            QVERIFY(!port.toObject().contains(u"hostPort"_s));
        // The agent writes only to the emptyDirs it declares.
        for (const QJsonValue &m : c.value(u"volumeMounts"_s).toArray()) {
            const QJsonObject mount = m.toObject();
            if (!mount.value(u"readOnly"_s).toBool())
                QVERIFY2(emptyDirs.contains(mount.value(u"name"_s).toString()),
                         qPrintable(mount.value(u"name"_s).toString()));
        }
    }
}

void TestKustomize::resourcesAndProbes()
{
    QFETCH(QString, overlay);
    const Rendered r = render(overlay);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QJsonObject deployment = r.one(u"Deployment"_s);
    const QJsonObject c = DeployTest::firstContainer(deployment);
    const QJsonObject resources = c.value(u"resources"_s).toObject();
    const double limit
        = DeployTest::quantityBytes(DeployTest::path(resources, u"limits"_s).value(u"memory"_s).toString());
    const double request
        = DeployTest::quantityBytes(DeployTest::path(resources, u"requests"_s).value(u"memory"_s).toString());
    QVERIFY(!DeployTest::path(resources, u"requests"_s).value(u"cpu"_s).toString().isEmpty());
    QVERIFY2(limit >= kMemoryTargetMiB * 1.25 * 1024 * 1024, "the limit leaves no headroom over the target peak");
    QVERIFY(limit <= kMemoryLimitMiB * 1024 * 1024);
    QVERIFY(request > 0 && request <= limit);

    const auto probe = [&c](const QString &name) {
        return c.value(name).toObject();
    };
    QCOMPARE(DeployTest::path(probe(u"livenessProbe"_s), u"httpGet"_s).value(u"path"_s).toString(), u"/healthz"_s);
    QCOMPARE(DeployTest::path(probe(u"readinessProbe"_s), u"httpGet"_s).value(u"path"_s).toString(), u"/readyz"_s);
    const QJsonObject startup = probe(u"startupProbe"_s);
    QCOMPARE(DeployTest::path(startup, u"httpGet"_s).value(u"path"_s).toString(), u"/healthz"_s);
    // A slow first Azure login: a minute or more before liveness may restart the pod.
    const int startupSeconds
        = startup.value(u"periodSeconds"_s).toInt(10) * startup.value(u"failureThreshold"_s).toInt(3);
    QVERIFY2(startupSeconds >= 60, qPrintable(QString::number(startupSeconds)));
    // Probes name a declared port.
    const QString port = DeployTest::path(probe(u"readinessProbe"_s), u"httpGet"_s).value(u"port"_s).toString();
    bool declared = false;
    for (const QJsonValue &p : c.value(u"ports"_s).toArray())
        declared = declared || p.toObject().value(u"name"_s).toString() == port;
    QVERIFY2(declared, qPrintable(port));

    const int grace = DeployTest::podSpec(deployment).value(u"terminationGracePeriodSeconds"_s).toInt(30);
    QVERIFY(grace * 1000 > Amo::Agent::OperatorService::kDrainMs);
}

void TestKustomize::shipsTheSafeSettings()
{
    QFETCH(QString, overlay);
    const Rendered r = render(overlay);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QJsonObject deployment = r.one(u"Deployment"_s);
    QHash<QString, QHash<QString, QString>> secrets;
    secrets[u"azure-msi-operator"_s]
        = {{u"AZURE_TENANT_ID"_s, u"t"_s}, {u"AZURE_CLIENT_ID"_s, u"c"_s}, {u"AZURE_CLIENT_SECRET"_s, u"s"_s}};
    const DeployTest::ContainerRun run
        = DeployTest::resolveContainer(r, deployment,
                                       {{u"metadata.name"_s, u"azure-msi-operator-0"_s},
                                        {u"metadata.namespace"_s, DeployTest::metadataNamespace(deployment)},
                                        {u"spec.nodeName"_s, u"node-1"_s}},
                                       secrets);
    QVERIFY2(run.problems.isEmpty(), qPrintable(run.problems.join(u"; "_s)));

    // What the agent's own option parser makes of the container's arguments and environment.
    const Amo::Config::ParseResult parsed = Amo::Config::OptionParser().parse(run.args, run.environment);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const Amo::Config::OperatorConfig &config = parsed.config;
    QVERIFY(config.azureIdentityNamespaced);
    QVERIFY(config.azureIdentityBindingSync);
    QVERIFY(config.syncWatch);
    QCOMPARE(config.kubernetesNamespaceSelector, u"msi.azure.k8s.io/allow=true"_s);
    for (const QString &ns : {u"kube-system"_s, u"kube-public"_s, u"kube-node-lease"_s, kNamespace})
        QVERIFY2(config.kubernetesNamespaceIgnore.contains(ns), qPrintable(ns));
    QCOMPARE(config.instanceNamespace, kNamespace);
}

void TestKustomize::rbacHasNoDeleteAndStaysInItsNamespace()
{
    QFETCH(QString, overlay);
    const Rendered r = render(overlay);
    QVERIFY2(r.ok(), qPrintable(r.error));
    for (const QString &kind : {u"ClusterRole"_s, u"Role"_s}) {
        for (const QJsonObject &role : r.ofKind(kind)) {
            for (const QJsonValue &rule : role.value(u"rules"_s).toArray()) {
                const QJsonArray verbs = rule.toObject().value(u"verbs"_s).toArray();
                for (const QString &forbidden : {u"delete"_s, u"deletecollection"_s, u"*"_s, u"escalate"_s, u"bind"_s})
                    QVERIFY2(!verbs.contains(forbidden), qPrintable(kind + u": "_s + forbidden));
                const QJsonArray resources = rule.toObject().value(u"resources"_s).toArray();
                QVERIFY(!resources.contains(u"*"_s));
                QVERIFY2(!resources.contains(u"secrets"_s), "the agent reads no Secrets");
            }
        }
    }
    // Leases only in the agent's namespace, never cluster-wide.
    for (const QJsonObject &role : r.ofKind(u"ClusterRole"_s)) {
        const QByteArray text = QJsonDocument(role).toJson();
        QVERIFY2(!text.contains("leases"), text.constData());
    }
    QCOMPARE(DeployTest::metadataNamespace(r.one(u"Role"_s)), kNamespace);
}

void TestKustomize::haOverlay()
{
    const Rendered r = render(u"overlays/ha"_s);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QJsonObject deployment = r.one(u"Deployment"_s);
    QCOMPARE(DeployTest::path(deployment, u"spec"_s).value(u"replicas"_s).toInt(), 2);
    QVERIFY(DeployTest::firstContainer(deployment).value(u"args"_s).toArray().contains(u"--lease.enable"_s));
    QCOMPARE(DeployTest::path(deployment, u"spec.strategy"_s).value(u"type"_s).toString(), u"RollingUpdate"_s);
    const QJsonObject pdb = r.one(u"PodDisruptionBudget"_s);
    QVERIFY(!pdb.isEmpty());
    QCOMPARE(pdb.value(u"apiVersion"_s).toString(), u"policy/v1"_s);
    QCOMPARE(DeployTest::path(pdb, u"spec"_s).value(u"minAvailable"_s).toInt(), 1);
    // The budget selects the Deployment's pods.
    const QJsonObject selector = DeployTest::path(pdb, u"spec.selector.matchLabels"_s);
    const QJsonObject podLabels = DeployTest::path(deployment, u"spec.template.metadata.labels"_s);
    QVERIFY(!selector.isEmpty());
    for (auto it = selector.begin(); it != selector.end(); ++it)
        QCOMPARE(podLabels.value(it.key()), it.value());

    // The base runs one pod and replaces it rather than running two writers during a rollout.
    const Rendered base = render(u"base"_s);
    QVERIFY2(base.ok(), qPrintable(base.error));
    QCOMPARE(DeployTest::path(base.one(u"Deployment"_s), u"spec"_s).value(u"replicas"_s).toInt(), 1);
    QCOMPARE(DeployTest::path(base.one(u"Deployment"_s), u"spec.strategy"_s).value(u"type"_s).toString(),
             u"Recreate"_s);
}

void TestKustomize::workloadIdentityOverlay()
{
    const Rendered r = render(u"overlays/workload-identity"_s);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QJsonObject account = r.one(u"ServiceAccount"_s);
    QVERIFY(!DeployTest::path(account, u"metadata.annotations"_s)
                 .value(u"azure.workload.identity/client-id"_s)
                 .toString()
                 .isEmpty());
    const QJsonObject deployment = r.one(u"Deployment"_s);
    QCOMPARE(DeployTest::path(deployment, u"spec.template.metadata.labels"_s)
                 .value(u"azure.workload.identity/use"_s)
                 .toString(),
             u"true"_s);
    QCOMPARE(DeployTest::podSpec(deployment).value(u"serviceAccountName"_s).toString(),
             DeployTest::metadataName(account));
    // No Secret at all: no reference to one, so the pod starts without it.
    const QByteArray pod = QJsonDocument(DeployTest::podSpec(deployment)).toJson();
    QVERIFY2(!pod.contains("secretKeyRef") && !pod.contains("secretRef") && !pod.contains("\"secret\""),
             pod.constData());
    const DeployTest::ContainerRun run = DeployTest::resolveContainer(
        r, deployment,
        {{u"metadata.name"_s, u"p"_s}, {u"metadata.namespace"_s, kNamespace}, {u"spec.nodeName"_s, u"n"_s}}, {});
    QVERIFY2(run.problems.isEmpty(), qPrintable(run.problems.join(u"; "_s)));
    QVERIFY(!run.environment.contains(u"AZURE_CLIENT_SECRET"_s));
}

void TestKustomize::monitoringOverlay()
{
    const Rendered r = render(u"overlays/monitoring"_s);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QJsonObject monitor = r.one(u"ServiceMonitor"_s);
    QCOMPARE(monitor.value(u"apiVersion"_s).toString(), u"monitoring.coreos.com/v1"_s);
    const QJsonObject service = r.one(u"Service"_s);
    // It selects the Service and scrapes one of its named ports at /metrics.
    const QJsonObject selector = DeployTest::path(monitor, u"spec.selector.matchLabels"_s);
    const QJsonObject serviceLabels = DeployTest::path(service, u"metadata.labels"_s);
    QVERIFY(!selector.isEmpty());
    for (auto it = selector.begin(); it != selector.end(); ++it)
        QCOMPARE(serviceLabels.value(it.key()), it.value());
    const QJsonArray endpoints = DeployTest::path(monitor, u"spec"_s).value(u"endpoints"_s).toArray();
    QCOMPARE(endpoints.size(), 1);
    const QString port = endpoints.first().toObject().value(u"port"_s).toString();
    bool found = false;
    for (const QJsonValue &p : DeployTest::path(service, u"spec"_s).value(u"ports"_s).toArray())
        found = found || p.toObject().value(u"name"_s).toString() == port;
    QVERIFY2(found, qPrintable(port));
    QCOMPARE(endpoints.first().toObject().value(u"path"_s).toString(), u"/metrics"_s);
}

void TestKustomize::readmeInstallCommandsMatchTheManifests()
{
    const QString section = readmeSection(u"## Deployment"_s);
    QVERIFY2(!section.isEmpty(), "README.md has no Deployment section");
    const QStringList blocks = fencedBlocks(section, u"sh"_s);
    QVERIFY(!blocks.isEmpty());
    const QStringList commands = shellCommands(blocks.first());
    QVERIFY2(commands.size() >= 2, qPrintable(commands.join(u'\n')));

    // Run them as written, offline: `apply -k` renders, `create` is a client-side dry run.
    QList<Rendered> applied;
    QList<QJsonObject> created;
    int placeholder = 0;
    for (const QString &command : commands) {
        QStringList words = command.split(u' ', Qt::SkipEmptyParts);
        QCOMPARE(words.takeFirst(), u"kubectl"_s);
        for (QString &word : words) {
            if (word.contains(u'…'))
                word.replace(u'…', u"value-%1"_s.arg(++placeholder));
        }
        const qsizetype k = words.indexOf(u"-k"_s);
        if (words.contains(u"apply"_s) && k >= 0) {
            applied.append(DeployTest::kustomize(QStringLiteral(AMO_SOURCE_DIR) + u'/' + words.value(k + 1)));
            QVERIFY2(applied.constLast().ok(), qPrintable(applied.constLast().error));
        } else if (words.contains(u"create"_s)) {
            const DeployTest::ProcessResult result = DeployTest::run(
                DeployTest::kubectl(), words + QStringList {u"--dry-run=client"_s, u"-o"_s, u"json"_s});
            QVERIFY2(result.exitCode == 0, qPrintable(command + u": "_s + result.describe()));
            created.append(QJsonDocument::fromJson(result.out).object());
        } else {
            QFAIL(qPrintable(u"unexpected command in the README: "_s + command));
        }
    }
    QCOMPARE(applied.size(), 1);
    const Rendered &manifests = applied.first();
    QJsonObject secret;
    for (const QJsonObject &o : created) {
        if (o.value(u"kind"_s).toString() == u"Secret")
            secret = o;
    }
    QVERIFY2(!secret.isEmpty(), "the README creates no Secret");

    // Every Secret key the Deployment reads is one the README's command makes, in the Deployment's namespace.
    const QJsonObject deployment = manifests.one(u"Deployment"_s);
    QCOMPARE(DeployTest::metadataNamespace(secret), DeployTest::metadataNamespace(deployment));
    QHash<QString, QHash<QString, QString>> secrets;
    const QJsonObject data = secret.value(u"data"_s).toObject();
    for (auto it = data.begin(); it != data.end(); ++it)
        secrets[DeployTest::metadataName(secret)].insert(it.key(), u"x"_s);
    const DeployTest::ContainerRun run = DeployTest::resolveContainer(
        manifests, deployment,
        {{u"metadata.name"_s, u"p"_s}, {u"metadata.namespace"_s, kNamespace}, {u"spec.nodeName"_s, u"n"_s}}, secrets);
    QVERIFY2(run.problems.isEmpty(), qPrintable(run.problems.join(u"; "_s)));
    // ... and the agent gets a complete service principal from it (the Go original's variable names).
    for (const QString &variable : {u"AZURE_TENANT_ID"_s, u"AZURE_CLIENT_ID"_s, u"AZURE_CLIENT_SECRET"_s})
        QVERIFY2(run.environment.contains(variable), qPrintable(variable));
    // The README's namespace is the manifests' namespace.
    QCOMPARE(DeployTest::metadataName(manifests.one(u"Namespace"_s)), DeployTest::metadataNamespace(secret));
}

void TestKustomize::readmeCustomOverlayMergesSettings()
{
    // The README's own-overlay example, with its base path pointed at this checkout.
    const QString section = readmeSection(u"## Deployment"_s);
    QString example;
    for (const QString &block : fencedBlocks(section, u"yaml"_s)) {
        if (block.contains(u"configMapGenerator"_s))
            example = block;
    }
    QVERIFY2(!example.isEmpty(), "the README shows no overlay with a configMapGenerator");
    const QRegularExpression base(u"- (\\S*installer/kubernetes/overlays/ha)"_s);
    QVERIFY2(base.match(example).hasMatch(), qPrintable(example));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Kustomize takes only relative paths to other kustomizations.
    example.replace(base, u"- "_s + QDir(dir.path()).relativeFilePath(DeployTest::installerDir() + u"/overlays/ha"_s));
    QFile file(dir.filePath(u"kustomization.yaml"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(example.toUtf8());
    file.close();
    const Rendered r = DeployTest::kustomize(dir.path());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.process.err.trimmed().isEmpty(), r.process.err.constData());
    const DeployTest::ContainerRun run = DeployTest::resolveContainer(
        r, r.one(u"Deployment"_s),
        {{u"metadata.name"_s, u"p"_s}, {u"metadata.namespace"_s, kNamespace}, {u"spec.nodeName"_s, u"n"_s}},
        {{u"azure-msi-operator"_s,
          {{u"AZURE_TENANT_ID"_s, u"t"_s}, {u"AZURE_CLIENT_ID"_s, u"c"_s}, {u"AZURE_CLIENT_SECRET"_s, u"s"_s}}}});
    QVERIFY2(run.problems.isEmpty(), qPrintable(run.problems.join(u"; "_s)));
    const Amo::Config::ParseResult parsed = Amo::Config::OptionParser().parse(run.args, run.environment);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    // The example's settings arrive, and the base's remain.
    QVERIFY(parsed.config.azureIdentityExpiry);
    QCOMPARE(parsed.config.syncInterval.milliseconds(), Amo::Config::GoDuration::fromMinutes(30).milliseconds());
    QVERIFY(parsed.config.azureIdentityNamespaced);
    QCOMPARE(parsed.config.kubernetesNamespaceSelector, u"msi.azure.k8s.io/allow=true"_s);
    // The image is pinned by the example's digest, not by a tag.
    const QString image = DeployTest::firstContainer(r.one(u"Deployment"_s)).value(u"image"_s).toString();
    static const QRegularExpression pinned(u"^[^:@]+(:[^@]+)?@sha256:[0-9a-f]{64}$"_s);
    QVERIFY2(pinned.match(image).hasMatch(), qPrintable(image));
}

void TestKustomize::imageIsDocumentedWithDigestPinning()
{
    const QString section = readmeSection(u"## Deployment"_s);
    QVERIFY2(section.contains(u"@sha256:"_s) || section.contains(u"digest: sha256:"_s),
             "the README does not show how to pin the image by digest");
    const Rendered r = render(u"overlays/ha"_s);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QString image = DeployTest::firstContainer(r.one(u"Deployment"_s)).value(u"image"_s).toString();
    QVERIFY2(section.contains(image.section(u':', 0, 0)), qPrintable(image));
}

QTEST_GUILESS_MAIN(TestKustomize)
#include "tst_kustomize.moc"
