// SPDX-License-Identifier: MIT
#include "shared/sandbox/app/sandboxapp.h"

#include "shared/sandbox/sandbox.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {
QByteArray quoted(const QString &value)
{
    return '"' + value.toUtf8().replace('\\', "\\\\").replace('"', "\\\"") + '"';
}
} // namespace

QByteArray SandboxApp::environmentJson() const
{
    const QString endpoint = m_sandbox.endpoint();
    // go-autorest's environment file; only these endpoints matter to the operator
    const QJsonObject env {{u"name"_s, u"AzureStackCloud"_s},
                           {u"managementPortalURL"_s, endpoint},
                           {u"serviceManagementEndpoint"_s, endpoint},
                           {u"resourceManagerEndpoint"_s, endpoint},
                           {u"activeDirectoryEndpoint"_s, endpoint},
                           {u"tokenAudience"_s, endpoint},
                           {u"graphEndpoint"_s, u"N/A"_s},
                           {u"keyVaultEndpoint"_s, u"N/A"_s},
                           {u"storageEndpointSuffix"_s, u"N/A"_s},
                           {u"resourceIdentifiers"_s, QJsonObject {{u"graph"_s, u"N/A"_s}}}};
    return QJsonDocument(env).toJson();
}

QByteArray SandboxApp::kubeconfig(const QString &directory) const
{
    const QJsonObject kube = m_sandbox.scenario().kubernetes;
    const QJsonObject firstUser = kube.value(u"users"_s).toArray().first().toObject();
    QByteArray cluster = "    server: " + quoted(m_sandbox.baseUrl().toString()) + '\n';
    QByteArray user;
    if (const CertificateAuthority *ca = m_sandbox.certificateAuthority()) {
        cluster += "    certificate-authority-data: " + ca->authority().certificatePem.toBase64() + '\n';
        QStringList groups;
        for (const QJsonValue &g : firstUser.value(u"groups"_s).toArray())
            groups.append(g.toString());
        const QString name = firstUser.value(u"name"_s).toString(u"sandbox-admin"_s);
        if (firstUser.isEmpty())
            groups = QStringList {u"system:masters"_s};
        const IssuedCertificate cert = m_sandbox.issueClientCertificate(name, groups);
        user = "    client-certificate-data: " + cert.certificatePem.toBase64() + '\n'
            + "    client-key-data: " + cert.privateKeyPem.toBase64() + '\n';
    } else {
        user = "    token: " + quoted(firstUser.value(u"token"_s).toString(u"sandbox"_s)) + '\n';
    }
    Q_UNUSED(directory);
    return "apiVersion: v1\nkind: Config\nclusters:\n- name: sandbox\n  cluster:\n" + cluster
        + "users:\n- name: sandbox-user\n  user:\n" + user
        + "contexts:\n- name: sandbox\n  context:\n    cluster: sandbox\n    user: sandbox-user\n"
          "    namespace: default\ncurrent-context: sandbox\n";
}

QList<std::pair<QString, QString>> SandboxApp::environment(const QString &directory) const
{
    const Scenario &s = m_sandbox.scenario();
    QString tenant = s.tenants.isEmpty() ? QString() : s.tenants.first().id;
    QString clientId, secret;
    for (const ScenarioApplication &a : s.applications) {
        if (!a.secrets.isEmpty()) {
            clientId = a.clientId;
            secret = a.secrets.first();
            tenant = a.tenantId;
            break;
        }
    }
    const QDir dir(directory);
    QList<std::pair<QString, QString>> vars;
    auto line = [&vars](const char *key, const QString &value) {
        vars.append({QString::fromLatin1(key), value});
    };
    line("AZURE_ENVIRONMENT", u"AZURESTACKCLOUD"_s);
    line("AZURE_ENVIRONMENT_FILEPATH", dir.absoluteFilePath(u"azure-environment.json"_s));
    line("AZURE_TENANT_ID", tenant);
    line("AZURE_CLIENT_ID", clientId);
    line("AZURE_CLIENT_SECRET", secret);
    line("KUBECONFIG", dir.absoluteFilePath(u"kubeconfig"_s));
    line("SANDBOX_URL", m_sandbox.baseUrl().toString());
    line("SANDBOX_ADMIN_TOKEN", QString::fromLatin1(m_sandbox.adminToken()));
    line("IDENTITY_ENDPOINT", m_sandbox.appServiceUrl().toString());
    line("IDENTITY_HEADER", s.appServiceIdentityHeader);
    // IMDS at the sandbox too: a run whose other credentials fail never falls through to 169.254.169.254
    line("AZURE_POD_IDENTITY_AUTHORITY_HOST", m_sandbox.baseUrl().toString());
    if (m_sandbox.certificateAuthority())
        line("SSL_CERT_FILE", dir.absoluteFilePath(u"ca.crt"_s));
    return vars;
}

QByteArray SandboxApp::envFile(const QString &directory) const
{
    QByteArray out = "# Written by azure-msi-sandbox; source it or pass it as an env file.\n";
    for (const auto &[key, value] : environment(directory))
        out += key.toLatin1() + '=' + quoted(value) + '\n';
    return out;
}

bool SandboxApp::writeClientFiles(const QString &directory, QString *error) const
{
    if (!QDir().mkpath(directory)) {
        *error = u"cannot create %1"_s.arg(directory);
        return false;
    }
    const QDir dir(directory);
    QList<std::pair<QString, QByteArray>> files {{u"azure-environment.json"_s, environmentJson()},
                                                 {u"kubeconfig"_s, kubeconfig(directory)},
                                                 {u"sandbox.env"_s, envFile(directory)}};
    if (const CertificateAuthority *ca = m_sandbox.certificateAuthority())
        files.append({u"ca.crt"_s, ca->authority().certificatePem});
    m_written.clear();
    for (const auto &[name, content] : files) {
        QFile file(dir.absoluteFilePath(name));
        // these files hold secrets: readable by the owner only
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
            *error = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
            return false;
        }
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_written.append(file.fileName());
    }
    return true;
}

} // namespace Amo::Sandbox
