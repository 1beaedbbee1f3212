// SPDX-License-Identifier: MIT
// Helpers for the deployment tests: render a Kustomize directory with `kubectl kustomize`, read the
// objects back, and resolve what a container of the rendered Deployment would see (arguments and
// environment), so tests check the manifests exactly as a cluster would get them.
#pragma once

#include "shared/util/yamlreader.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace DeployTest {

inline QString installerDir()
{
    return QStringLiteral(AMO_SOURCE_DIR "/installer/kubernetes");
}

inline QString kubectl()
{
    return QStringLiteral(AMO_KUBECTL);
}

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const { return QStringLiteral("exit %1, stderr: %2").arg(exitCode).arg(QString::fromUtf8(err)); }
};

inline ProcessResult run(const QString &program, const QStringList &args, const QString &workingDir = {})
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    p.waitForFinished(120000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/** The documents of a multi-document YAML stream, each parsed; *error names the first that fails. */
inline QList<QJsonObject> parseDocuments(const QByteArray &yaml, QString *error)
{
    const Amo::YamlReader::Result parsed = Amo::YamlReader::parse(yaml);
    if (!parsed.ok()) {
        *error = parsed.error + QStringLiteral(" in:\n") + QString::fromUtf8(yaml);
        return {};
    }
    QList<QJsonObject> objects;
    for (const QJsonValue &document : parsed.documents) {
        if (document.isObject())
            objects.append(document.toObject());
    }
    return objects;
}

struct Rendered
{
    ProcessResult process;
    QList<QJsonObject> objects;
    QString error; // empty when kubectl succeeded and every document parsed

    bool ok() const { return error.isEmpty(); }

    QList<QJsonObject> ofKind(const QString &kind) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : objects) {
            if (o.value(QStringLiteral("kind")).toString() == kind)
                out.append(o);
        }
        return out;
    }
    QJsonObject one(const QString &kind, const QString &name = {}) const
    {
        for (const QJsonObject &o : ofKind(kind)) {
            if (name.isEmpty() || o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")) == name)
                return o;
        }
        return {};
    }
    /** The ConfigMap a Deployment names by its (possibly hash-suffixed) generated name. */
    QJsonObject configMap(const QString &name) const { return one(QStringLiteral("ConfigMap"), name); }
};

/** `kubectl kustomize DIR`, parsed. */
inline Rendered kustomize(const QString &directory)
{
    Rendered r;
    r.process = run(kubectl(), {QStringLiteral("kustomize"), directory});
    if (r.process.exitCode != 0) {
        r.error = QStringLiteral("kubectl kustomize %1 failed: %2").arg(directory, r.process.describe());
        return r;
    }
    r.objects = parseDocuments(r.process.out, &r.error);
    return r;
}

inline QJsonObject path(const QJsonObject &object, const QString &dotted)
{
    QJsonObject o = object;
    for (const QString &key : dotted.split(u'.'))
        o = o.value(key).toObject();
    return o;
}

inline QString metadataName(const QJsonObject &o)
{
    return o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
}

inline QString metadataNamespace(const QJsonObject &o)
{
    return o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("namespace")).toString();
}

inline QJsonObject podSpec(const QJsonObject &deployment)
{
    return path(deployment, QStringLiteral("spec.template.spec"));
}

inline QJsonObject firstContainer(const QJsonObject &deployment)
{
    return podSpec(deployment).value(QStringLiteral("containers")).toArray().first().toObject();
}

/** A Kubernetes quantity in bytes ("64Mi", "1G", "512"); -1 when unreadable. */
inline double quantityBytes(const QString &quantity)
{
    static const QRegularExpression form(QStringLiteral("^([0-9.]+)(Ki|Mi|Gi|Ti|k|M|G|T)?$"));
    const QRegularExpressionMatch m = form.match(quantity);
    if (!m.hasMatch())
        return -1;
    static const QHash<QString, double> factor {{QStringLiteral("Ki"), 1024.0},
                                                {QStringLiteral("Mi"), 1024.0 * 1024},
                                                {QStringLiteral("Gi"), 1024.0 * 1024 * 1024},
                                                {QStringLiteral("Ti"), 1024.0 * 1024 * 1024 * 1024},
                                                {QStringLiteral("k"), 1e3},
                                                {QStringLiteral("M"), 1e6},
                                                {QStringLiteral("G"), 1e9},
                                                {QStringLiteral("T"), 1e12}};
    return m.captured(1).toDouble() * factor.value(m.captured(2), 1.0);
}

/** What the kubelet would give the first container: its arguments and its environment. */
struct ContainerRun
{
    QStringList args;
    QHash<QString, QString> environment;
    QStringList problems; // references that do not resolve (a missing ConfigMap, Secret key, ...)
};

/**
 * Resolves envFrom ConfigMaps (from the rendered objects), literal values, the Downward API fields
 * in @p fields (e.g. "metadata.name") and Secret keys from @p secrets (Secret name -> key -> value).
 */
inline ContainerRun resolveContainer(const Rendered &rendered, const QJsonObject &deployment,
                                     const QHash<QString, QString> &fields,
                                     const QHash<QString, QHash<QString, QString>> &secrets)
{
    ContainerRun run;
    const QJsonObject container = firstContainer(deployment);
    for (const QJsonValue &arg : container.value(QStringLiteral("args")).toArray())
        run.args.append(arg.toString());
    for (const QJsonValue &from : container.value(QStringLiteral("envFrom")).toArray()) {
        const QJsonObject ref = from.toObject().value(QStringLiteral("configMapRef")).toObject();
        const QJsonObject configMap = rendered.configMap(ref.value(QStringLiteral("name")).toString());
        if (configMap.isEmpty()) {
            run.problems.append(QStringLiteral("envFrom names a ConfigMap that is not rendered: ")
                                + ref.value(QStringLiteral("name")).toString());
            continue;
        }
        const QJsonObject data = configMap.value(QStringLiteral("data")).toObject();
        for (auto it = data.begin(); it != data.end(); ++it)
            run.environment.insert(it.key(), it.value().toString());
    }
    for (const QJsonValue &value : container.value(QStringLiteral("env")).toArray()) {
        const QJsonObject env = value.toObject();
        const QString name = env.value(QStringLiteral("name")).toString();
        if (env.contains(QStringLiteral("value"))) {
            run.environment.insert(name, env.value(QStringLiteral("value")).toString());
            continue;
        }
        const QJsonObject from = env.value(QStringLiteral("valueFrom")).toObject();
        if (from.contains(QStringLiteral("fieldRef"))) {
            const QString field = path(from, QStringLiteral("fieldRef")).value(QStringLiteral("fieldPath")).toString();
            if (!fields.contains(field))
                run.problems.append(name + QStringLiteral(": no value for field ") + field);
            run.environment.insert(name, fields.value(field));
        } else if (from.contains(QStringLiteral("secretKeyRef"))) {
            const QJsonObject ref = path(from, QStringLiteral("secretKeyRef"));
            const QString secret = ref.value(QStringLiteral("name")).toString();
            const QString key = ref.value(QStringLiteral("key")).toString();
            if (secrets.value(secret).contains(key))
                run.environment.insert(name, secrets.value(secret).value(key));
            else if (!ref.value(QStringLiteral("optional")).toBool())
                run.problems.append(
                    QStringLiteral("%1: Secret %2 has no key %3 (the pod would not start)").arg(name, secret, key));
        } else {
            run.problems.append(name + QStringLiteral(": unsupported valueFrom"));
        }
    }
    return run;
}

} // namespace DeployTest
