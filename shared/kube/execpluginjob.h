// SPDX-License-Identifier: MIT
#pragma once

#include "credentials.h"
#include "kubeerror.h"
#include "restconfig.h"

#include <QObject>
#include <QProcess>
#include <QTimer>

namespace Amo::Kube {

/** What a credential plugin printed: a token or a certificate and key, and until when. */
struct ExecResult
{
    Credentials credentials;
    KubeError error;
};

/**
 * Runs one `exec` credential plugin (kubelogin, aws, gke-gcloud-auth-plugin …) asynchronously,
 * with KUBERNETES_EXEC_INFO on its environment, and parses its ExecCredential. Deletes itself
 * after emitting finished.
 */
class ExecPluginJob : public QObject
{
    Q_OBJECT
public:
    /** An ExecCredential is a few kilobytes; more is a broken plugin. stderr keeps only its last part. */
    static constexpr qsizetype MaxOutputBytes = qsizetype(1) << 20;

    ExecPluginJob(const RestConfig &config, int timeoutMs, QObject *parent = nullptr);

    void start();

    /** The ExecCredential input passed in KUBERNETES_EXEC_INFO. */
    static QByteArray execInfo(const RestConfig &config);
    /** Parses plugin output; exposed for tests. */
    static ExecResult parseOutput(const QByteArray &stdoutBytes, const QString &apiVersion);

Q_SIGNALS:
    void finished(const Amo::Kube::ExecResult &result);

private:
    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    /** Collects output as it comes; a plugin that prints past the bound is killed. */
    void onOutput();
    void onProcessError(QProcess::ProcessError error);
    void finish(const ExecResult &result);

    RestConfig m_config;
    QProcess m_process;
    QTimer m_timeout;
    QByteArray m_stdout;
    QByteArray m_stderr;
    bool m_done = false;
};

} // namespace Amo::Kube
