// SPDX-License-Identifier: MIT
#include "execpluginjob.h"

#include "shared/util/secretredactor.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

namespace {

ExecResult failure(const KubeError &error)
{
    ExecResult r;
    r.error = error;
    return r;
}

} // namespace

ExecPluginJob::ExecPluginJob(const RestConfig &config, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_process.kill();
        finish(failure(KubeError::make(KubeError::Type::Configuration,
                                       u"exec plugin \"%1\" did not finish within %2 s"_s.arg(m_config.exec->command)
                                           .arg(m_timeout.interval() / 1000))));
    });
    connect(&m_process, &QProcess::finished, this, &ExecPluginJob::onProcessFinished);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ExecPluginJob::onOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, &ExecPluginJob::onOutput);
    connect(&m_process, &QProcess::errorOccurred, this, &ExecPluginJob::onProcessError);
}

QByteArray ExecPluginJob::execInfo(const RestConfig &config)
{
    const ExecConfig &exec = *config.exec;
    QJsonObject spec {{u"interactive"_s, false}};
    if (exec.provideClusterInfo) {
        QJsonObject cluster {{u"server"_s, config.server.toString()}};
        if (!config.caPem.isEmpty())
            cluster[u"certificate-authority-data"_s] = QString::fromLatin1(config.caPem.toBase64());
        if (!config.tlsServerName.isEmpty())
            cluster[u"tls-server-name"_s] = config.tlsServerName;
        if (config.insecureSkipTlsVerify)
            cluster[u"insecure-skip-tls-verify"_s] = true;
        if (!config.proxyUrl.isEmpty())
            cluster[u"proxy-url"_s] = config.proxyUrl.toString();
        spec[u"cluster"_s] = cluster;
    }
    const QJsonObject info {{u"apiVersion"_s, exec.apiVersion}, {u"kind"_s, u"ExecCredential"_s}, {u"spec"_s, spec}};
    return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

void ExecPluginJob::start()
{
    const ExecConfig &exec = *m_config.exec;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : exec.env)
        env.insert(name, value);
    env.insert(u"KUBERNETES_EXEC_INFO"_s, QString::fromUtf8(execInfo(m_config)));
    m_process.setProcessEnvironment(env);
    // Never interactive: the agent has no terminal and the dashboard must not hang on a prompt.
    m_process.setInputChannelMode(QProcess::ManagedInputChannel);
    m_timeout.start();
    m_process.start(exec.command, exec.args);
    m_process.closeWriteChannel();
}

void ExecPluginJob::onProcessError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes and timeouts arrive through finished() or the timer
    const ExecConfig &exec = *m_config.exec;
    QString message = u"exec plugin: cannot run \"%1\": %2"_s.arg(exec.command, m_process.errorString());
    if (!exec.installHint.trimmed().isEmpty())
        message += u"\n"_s + exec.installHint.trimmed();
    finish(failure(KubeError::make(KubeError::Type::Configuration, message)));
}

void ExecPluginJob::onOutput()
{
    if (m_done)
        return;
    m_stdout += m_process.readAllStandardOutput();
    m_stderr += m_process.readAllStandardError();
    if (m_stderr.size() > 64 * 1024)
        m_stderr = m_stderr.right(64 * 1024);
    if (m_stdout.size() <= MaxOutputBytes)
        return;
    m_process.kill();
    finish(failure(KubeError::make(
        KubeError::Type::Configuration,
        u"exec plugin \"%1\" printed more than %2 bytes"_s.arg(m_config.exec->command).arg(MaxOutputBytes))));
}

void ExecPluginJob::onProcessFinished(int exitCode, QProcess::ExitStatus status)
{
    onOutput();
    if (m_done)
        return;
    const QByteArray out = m_stdout;
    if (status != QProcess::NormalExit || exitCode != 0) {
        // Quoted so the user sees why, but a plugin that prints its token on failure must not leak it into the log.
        const QString err = KubeError::excerpt(Util::SecretRedactor::redact(QString::fromUtf8(m_stderr)).toUtf8());
        finish(failure(KubeError::make(
            KubeError::Type::Configuration,
            u"exec plugin \"%1\" failed (exit code %2): %3"_s.arg(m_config.exec->command).arg(exitCode).arg(err))));
        return;
    }
    ExecResult result = parseOutput(out, m_config.exec->apiVersion);
    if (result.error)
        result.error.message = u"exec plugin \"%1\": %2"_s.arg(m_config.exec->command, result.error.message);
    finish(result);
}

ExecResult ExecPluginJob::parseOutput(const QByteArray &stdoutBytes, const QString &apiVersion)
{
    ExecResult r;
    auto fail = [&r](const QString &message) {
        r.error = KubeError::make(KubeError::Type::Configuration, message);
        return r;
    };
    const QJsonDocument doc = QJsonDocument::fromJson(stdoutBytes);
    if (!doc.isObject())
        return fail(u"output is not an ExecCredential JSON object"_s);
    const QJsonObject o = doc.object();
    if (o.value(u"kind"_s).toString() != u"ExecCredential")
        return fail(u"output kind is \"%1\", not ExecCredential"_s.arg(o.value(u"kind"_s).toString()));
    if (o.value(u"apiVersion"_s).toString() != apiVersion)
        return fail(u"output apiVersion \"%1\" differs from the requested \"%2\""_s.arg(
            o.value(u"apiVersion"_s).toString(), apiVersion));
    const QJsonObject status = o.value(u"status"_s).toObject();
    const QString token = status.value(u"token"_s).toString();
    const QByteArray cert = status.value(u"clientCertificateData"_s).toString().toUtf8();
    const QByteArray key = status.value(u"clientKeyData"_s).toString().toUtf8();
    if (token.isEmpty() && (cert.isEmpty() || key.isEmpty()))
        return fail(u"output has neither status.token nor status.clientCertificateData and clientKeyData"_s);
    if (!token.isEmpty())
        r.credentials.authorization = "Bearer " + token.toUtf8();
    if (!cert.isEmpty()) {
        r.credentials.certificate = QSslCertificate(cert, QSsl::Pem);
        r.credentials.key = Credentials::keyFromPem(key);
        if (r.credentials.certificate.isNull() || r.credentials.key.isNull())
            return fail(u"status.clientCertificateData or clientKeyData is not a usable PEM"_s);
    }
    const QString expiry = status.value(u"expirationTimestamp"_s).toString();
    if (!expiry.isEmpty()) {
        r.credentials.expiry = QDateTime::fromString(expiry, Qt::ISODate);
        if (!r.credentials.expiry.isValid())
            return fail(u"status.expirationTimestamp \"%1\" is not RFC 3339"_s.arg(expiry));
    }
    return r;
}

void ExecPluginJob::finish(const ExecResult &result)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace Amo::Kube
