// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <utility>

namespace Amo::Kube {

/** A kubeconfig `exec` stanza: a credential plugin such as kubelogin. */
struct ExecConfig
{
    QString apiVersion; // client.authentication.k8s.io/v1 or /v1beta1
    QString command;
    QStringList args;
    QList<std::pair<QString, QString>> env;
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // Never, IfAvailable, Always
};

/**
 * Everything needed to reach one API server as one user, resolved from a kubeconfig context or
 * from in-cluster files. Paths are absolute; *-data fields are decoded PEM.
 */
struct RestConfig
{
    QUrl server;
    QList<QSslCertificate> caCertificates; // empty: the system store
    QByteArray caPem; // as given, for KUBERNETES_EXEC_INFO
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QUrl proxyUrl;

    QString token;
    QString tokenFile; // wins over token; re-read when it changes
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QString username;
    QString password;
    std::optional<ExecConfig> exec;

    QString namespaceName; // the context's namespace, or the pod's in-cluster namespace
    QString contextName;
    QString source; // where this came from, for logs ("kubeconfig /x context y", "in-cluster")
    bool inCluster = false;
};

} // namespace Amo::Kube
