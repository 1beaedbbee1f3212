// SPDX-License-Identifier: MIT
#include "kubeconfigloader.h"

#include "shared/util/yamlreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

namespace {

QString str(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return v.toString();
}

bool boolean(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isBool())
        return v.toBool();
    // kubectl reads YAML 1.1, where yes/on are booleans too.
    const QString s = v.toString().toLower();
    return s == u"true" || s == u"yes" || s == u"on" || s == u"y";
}

QString absolute(const QString &path, const QDir &base)
{
    return path.isEmpty() || QDir::isAbsolutePath(path) ? path : QDir::cleanPath(base.absoluteFilePath(path));
}

/** Makes the file references of one stanza absolute, relative to the kubeconfig's folder. */
QJsonArray resolveEntries(const QJsonArray &entries, const QString &field, const QStringList &keys, const QDir &base)
{
    QJsonArray out;
    for (const QJsonValue &entry : entries) {
        QJsonObject e = entry.toObject();
        QJsonObject inner = e.value(field).toObject();
        for (const QString &key : keys) {
            if (inner.contains(key))
                inner[key] = absolute(inner.value(key).toString(), base);
        }
        QJsonObject exec = inner.value(u"exec"_s).toObject();
        const QString command = exec.value(u"command"_s).toString();
        // Commands looked up on PATH stay as they are; only path-like ones are resolved.
        if (command.contains(u'/')) {
            exec[u"command"_s] = absolute(command, base);
            inner[u"exec"_s] = exec;
        }
        e[field] = inner;
        out.append(e);
    }
    return out;
}

QByteArray pemFrom(const QJsonObject &o, const QString &dataKey, const QString &pathKey, QString *error)
{
    const QString data = str(o, dataKey);
    if (!data.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            *error = u"%1 is not valid base64"_s.arg(dataKey);
        return decoded.decoded;
    }
    const QString path = str(o, pathKey);
    if (path.isEmpty())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1 \"%2\": %3"_s.arg(pathKey, path, file.errorString());
        return {};
    }
    return file.readAll();
}

QJsonObject findNamed(const QJsonObject &merged, const QString &list, const QString &name)
{
    for (const QJsonValue &entry : merged.value(list).toArray()) {
        if (entry.toObject().value(u"name"_s).toString() == name)
            return entry.toObject();
    }
    return {};
}

} // namespace

QJsonObject KubeConfigLoader::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read kubeconfig \"%1\": %2"_s.arg(path, file.errorString());
        return {};
    }
    const YamlReader::Result parsed = YamlReader::parse(file.readAll());
    if (!parsed.ok()) {
        *error = u"cannot parse kubeconfig \"%1\": %2"_s.arg(path, parsed.error);
        return {};
    }
    if (!parsed.value.isObject() && !parsed.value.isNull()) {
        *error = u"kubeconfig \"%1\" is not a mapping"_s.arg(path);
        return {};
    }
    QJsonObject o = parsed.value.toObject();
    const QDir base = QFileInfo(path).absoluteDir();
    o[u"clusters"_s]
        = resolveEntries(o.value(u"clusters"_s).toArray(), u"cluster"_s, {u"certificate-authority"_s}, base);
    o[u"users"_s] = resolveEntries(o.value(u"users"_s).toArray(), u"user"_s,
                                   {u"client-certificate"_s, u"client-key"_s, u"tokenFile"_s}, base);
    return o;
}

QJsonObject KubeConfigLoader::merge(const QList<QJsonObject> &files)
{
    QJsonObject out;
    for (const QString &list : {u"clusters"_s, u"users"_s, u"contexts"_s}) {
        QJsonArray merged;
        QSet<QString> seen;
        for (const QJsonObject &file : files) {
            for (const QJsonValue &entry : file.value(list).toArray()) {
                const QString name = entry.toObject().value(u"name"_s).toString();
                if (name.isEmpty() || seen.contains(name))
                    continue; // a later file never overrides a name, not even partly
                seen.insert(name);
                merged.append(entry);
            }
        }
        out[list] = merged;
    }
    for (const QJsonObject &file : files) {
        const QString current = str(file, u"current-context"_s);
        if (!current.isEmpty()) {
            out[u"current-context"_s] = current;
            break;
        }
    }
    return out;
}

RestConfigResult KubeConfigLoader::load(const QStringList &paths, const QString &contextOverride)
{
    QList<QJsonObject> files;
    QStringList read;
    for (const QString &path : paths) {
        if (path.isEmpty() || !QFileInfo::exists(path))
            continue;
        QString error;
        const QJsonObject o = readFile(path, &error);
        if (!error.isEmpty())
            return RestConfigResult {std::nullopt, error, {}};
        files.append(o);
        read.append(path);
    }
    if (files.isEmpty())
        return RestConfigResult {std::nullopt, u"no kubeconfig file exists at %1"_s.arg(paths.join(u", ")), {}};
    return resolve(merge(files), contextOverride, u"kubeconfig "_s + read.join(u':'));
}

RestConfigResult KubeConfigLoader::resolve(const QJsonObject &merged, const QString &contextOverride,
                                           const QString &sourceDescription)
{
    RestConfigResult result;
    const QString contextName = contextOverride.isEmpty() ? str(merged, u"current-context"_s) : contextOverride;
    QStringList names;
    for (const QJsonValue &c : merged.value(u"contexts"_s).toArray())
        names.append(c.toObject().value(u"name"_s).toString());
    if (contextName.isEmpty()) {
        result.error = u"%1 sets no current-context; choose one of [%2] with --kubernetes.context"_s.arg(
            sourceDescription, names.join(u", "));
        return result;
    }
    const QJsonObject contextEntry = findNamed(merged, u"contexts"_s, contextName);
    if (contextEntry.isEmpty()) {
        result.error = u"context \"%1\" does not exist in %2; known contexts: [%3]"_s.arg(
            contextName, sourceDescription, names.join(u", "));
        return result;
    }
    const QJsonObject context = contextEntry.value(u"context"_s).toObject();
    const QString clusterName = str(context, u"cluster"_s);
    const QJsonObject clusterEntry = findNamed(merged, u"clusters"_s, clusterName);
    if (clusterEntry.isEmpty()) {
        result.error = u"context \"%1\" refers to cluster \"%2\", which does not exist"_s.arg(contextName, clusterName);
        return result;
    }
    RestConfig config;
    config.contextName = contextName;
    config.namespaceName = str(context, u"namespace"_s);
    config.source = sourceDescription + u" context "_s + contextName;
    result.config = config;
    QString error = resolveCluster(clusterEntry.value(u"cluster"_s).toObject(), result);
    const QString userName = str(context, u"user"_s);
    if (error.isEmpty() && !userName.isEmpty()) {
        const QJsonObject userEntry = findNamed(merged, u"users"_s, userName);
        if (userEntry.isEmpty())
            error = u"context \"%1\" refers to user \"%2\", which does not exist"_s.arg(contextName, userName);
        else
            error = resolveUser(userName, userEntry.value(u"user"_s).toObject(), result);
    }
    if (!error.isEmpty()) {
        result.config.reset();
        result.error = error;
    }
    return result;
}

QString KubeConfigLoader::resolveCluster(const QJsonObject &cluster, RestConfigResult &result)
{
    RestConfig &c = *result.config;
    c.server = QUrl(str(cluster, u"server"_s));
    if (!c.server.isValid() || c.server.scheme().isEmpty() || c.server.host().isEmpty())
        return u"cluster of context \"%1\" has no valid server URL (\"%2\")"_s.arg(c.contextName,
                                                                                   str(cluster, u"server"_s));
    QString error;
    c.caPem = pemFrom(cluster, u"certificate-authority-data"_s, u"certificate-authority"_s, &error);
    if (!error.isEmpty())
        return error;
    if (!c.caPem.isEmpty()) {
        c.caCertificates = QSslCertificate::fromData(c.caPem, QSsl::Pem);
        if (c.caCertificates.isEmpty())
            return u"the certificate authority of context \"%1\" holds no PEM certificate"_s.arg(c.contextName);
    }
    c.insecureSkipTlsVerify = boolean(cluster, u"insecure-skip-tls-verify"_s);
    // client-go refuses the pair: trusting a CA and trusting anything cannot both be meant.
    if (c.insecureSkipTlsVerify && !c.caPem.isEmpty())
        return u"cluster of context \"%1\": specifying a root certificates file with the insecure flag is not "
               u"allowed (certificate-authority and insecure-skip-tls-verify are both set)"_s.arg(c.contextName);
    c.tlsServerName = str(cluster, u"tls-server-name"_s);
    const QString proxy = str(cluster, u"proxy-url"_s);
    if (!proxy.isEmpty()) {
        c.proxyUrl = QUrl(proxy);
        const QString scheme = c.proxyUrl.scheme();
        if (scheme != u"http" && scheme != u"https" && scheme != u"socks5")
            return u"proxy-url \"%1\" must use http, https or socks5"_s.arg(proxy);
    }
    return {};
}

QString KubeConfigLoader::resolveUser(const QString &userName, const QJsonObject &user, RestConfigResult &result)
{
    RestConfig &c = *result.config;
    const QJsonObject provider = user.value(u"auth-provider"_s).toObject();
    if (!provider.isEmpty()) {
        return u"user \"%1\" uses the auth-provider \"%2\", which Kubernetes removed in 1.26; convert the kubeconfig "
               u"to "
               u"an exec plugin with kubelogin (https://azure.github.io/kubelogin/), e.g. "
               u"`kubelogin convert-kubeconfig -l azurecli`"_s.arg(userName, str(provider, u"name"_s));
    }
    QStringList methods;
    c.token = str(user, u"token"_s);
    c.tokenFile = str(user, u"tokenFile"_s);
    if (!c.token.isEmpty() || !c.tokenFile.isEmpty())
        methods.append(u"token"_s);
    c.username = str(user, u"username"_s);
    c.password = str(user, u"password"_s);
    if (!c.username.isEmpty() || !c.password.isEmpty())
        methods.append(u"basicAuth"_s);
    if (methods.size() > 1)
        return u"more than one authentication method found for user \"%1\"; found [%2], only one is allowed"_s.arg(
            userName, methods.join(u", "));
    QString error;
    c.clientCertificatePem = pemFrom(user, u"client-certificate-data"_s, u"client-certificate"_s, &error);
    if (error.isEmpty())
        c.clientKeyPem = pemFrom(user, u"client-key-data"_s, u"client-key"_s, &error);
    if (!error.isEmpty())
        return error;
    if (c.clientCertificatePem.isEmpty() != c.clientKeyPem.isEmpty())
        return u"user \"%1\" sets a client certificate without its key, or a key without its certificate"_s.arg(
            userName);
    for (const QString &key : {u"as"_s, u"as-groups"_s, u"as-uid"_s, u"as-user-extra"_s}) {
        if (user.contains(key))
            result.warnings.append(
                u"user \"%1\": %2 (impersonation) is not supported and is ignored"_s.arg(userName, key));
    }
    const QJsonObject exec = user.value(u"exec"_s).toObject();
    if (exec.isEmpty())
        return {};
    ExecConfig e;
    e.apiVersion = str(exec, u"apiVersion"_s);
    e.command = str(exec, u"command"_s);
    for (const QJsonValue &arg : exec.value(u"args"_s).toArray())
        e.args.append(arg.isString() ? arg.toString() : arg.toVariant().toString());
    for (const QJsonValue &env : exec.value(u"env"_s).toArray())
        e.env.append({str(env.toObject(), u"name"_s), str(env.toObject(), u"value"_s)});
    e.installHint = str(exec, u"installHint"_s);
    e.provideClusterInfo = boolean(exec, u"provideClusterInfo"_s);
    e.interactiveMode = str(exec, u"interactiveMode"_s);
    if (e.apiVersion != u"client.authentication.k8s.io/v1" && e.apiVersion != u"client.authentication.k8s.io/v1beta1")
        return u"exec plugin of user \"%1\": apiVersion \"%2\" is not supported (use client.authentication.k8s.io/v1 "
               u"or v1beta1)"_s.arg(userName, e.apiVersion);
    if (e.command.isEmpty())
        return u"exec plugin of user \"%1\" has no command"_s.arg(userName);
    if (e.interactiveMode.isEmpty()) {
        if (e.apiVersion.endsWith(u"/v1"))
            return u"exec plugin of user \"%1\": interactiveMode must be set for client.authentication.k8s.io/v1"_s.arg(
                userName);
        e.interactiveMode = u"IfAvailable"_s;
    }
    if (e.interactiveMode != u"Never" && e.interactiveMode != u"IfAvailable" && e.interactiveMode != u"Always")
        return u"exec plugin of user \"%1\": invalid interactiveMode \"%2\""_s.arg(userName, e.interactiveMode);
    if (e.interactiveMode == u"Always")
        return u"exec plugin of user \"%1\" needs an interactive terminal (interactiveMode: Always), which this "
               u"program does not have"_s.arg(userName);
    c.exec = e;
    return {};
}

} // namespace Amo::Kube
