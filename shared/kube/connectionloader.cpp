// SPDX-License-Identifier: MIT
#include "connectionloader.h"

#include "shared/util/boundedfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

RestConfigResult ConnectionLoader::load(const ConnectionSettings &settings)
{
    const QProcessEnvironment &env = settings.environment;
    if (!settings.kubeconfig.isEmpty()) {
        if (!QFileInfo::exists(settings.kubeconfig))
            return {std::nullopt,
                    u"the kubeconfig given with --kubeconfig does not exist: %1"_s.arg(settings.kubeconfig),
                    {}};
        return KubeConfigLoader::load({settings.kubeconfig}, settings.context);
    }
    QStringList tried {u"--kubeconfig (not set)"_s};
    const QString list = env.value(u"KUBECONFIG"_s);
    if (!list.isEmpty()) {
        const QStringList paths = list.split(QDir::listSeparator(), Qt::SkipEmptyParts);
        for (const QString &path : paths) {
            if (QFileInfo::exists(path))
                return KubeConfigLoader::load(paths, settings.context);
        }
        tried.append(u"KUBECONFIG=%1 (no such file)"_s.arg(list));
    } else {
        tried.append(u"KUBECONFIG (not set)"_s);
    }
    if (env.contains(u"KUBERNETES_SERVICE_HOST"_s) || env.contains(u"KUBERNETES_SERVICE_PORT"_s)) {
        RestConfigResult r = inCluster(env, settings.serviceAccountDir);
        if (r.ok() || !r.error.isEmpty())
            return r;
    }
    tried.append(u"in-cluster (KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT not set)"_s);
    const QString home = settings.homeDir.isEmpty() ? env.value(u"HOME"_s) : settings.homeDir;
    const QString defaultPath = home.isEmpty() ? QString() : home + u"/.kube/config"_s;
    if (!defaultPath.isEmpty() && QFileInfo::exists(defaultPath))
        return KubeConfigLoader::load({defaultPath}, settings.context);
    tried.append(defaultPath.isEmpty() ? u"~/.kube/config (HOME not set)"_s : defaultPath + u" (no such file)"_s);
    return {std::nullopt, u"no Kubernetes configuration found; tried: "_s + tried.join(u"; "), {}};
}

RestConfigResult ConnectionLoader::inCluster(const QProcessEnvironment &environment, const QString &serviceAccountDir)
{
    const QString host = environment.value(u"KUBERNETES_SERVICE_HOST"_s);
    const QString port = environment.value(u"KUBERNETES_SERVICE_PORT"_s);
    if (host.isEmpty() || port.isEmpty())
        return {std::nullopt,
                u"in-cluster configuration needs both KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT"_s,
                {}};
    const QDir dir(serviceAccountDir);
    RestConfig c;
    c.inCluster = true;
    c.source = u"in-cluster service account "_s + serviceAccountDir;
    c.server.setScheme(u"https"_s);
    c.server.setHost(host); // QUrl brackets IPv6 addresses itself
    c.server.setPort(port.toInt());
    c.tokenFile = dir.filePath(u"token"_s);
    const Util::BoundedFile::Result token = Util::BoundedFile::read(c.tokenFile);
    if (token.data.trimmed().isEmpty())
        return {std::nullopt,
                u"in-cluster configuration: cannot read the service-account token %1%2"_s.arg(
                    c.tokenFile, token.ok ? QString() : u": "_s + token.error),
                {}};
    QFile ca(dir.filePath(u"ca.crt"_s));
    RestConfigResult result;
    const Util::BoundedFile::Result caRead
        = ca.exists() ? Util::BoundedFile::read(ca.fileName()) : Util::BoundedFile::Result();
    if (ca.exists() && !caRead.ok)
        return {std::nullopt, u"in-cluster configuration: %1"_s.arg(caRead.error), {}};
    if (caRead.ok) {
        c.caPem = caRead.data;
        c.caCertificates = QSslCertificate::fromData(c.caPem, QSsl::Pem);
        if (c.caCertificates.isEmpty())
            return {std::nullopt, u"in-cluster configuration: %1 holds no PEM certificate"_s.arg(ca.fileName()), {}};
    } else {
        result.warnings.append(
            u"in-cluster configuration: %1 is missing; using the system CA store"_s.arg(ca.fileName()));
    }
    const Util::BoundedFile::Result ns = Util::BoundedFile::read(dir.filePath(u"namespace"_s), 4096);
    if (ns.ok)
        c.namespaceName = QString::fromUtf8(ns.data).trimmed();
    result.config = c;
    return result;
}

} // namespace Amo::Kube
