// SPDX-License-Identifier: MIT
#pragma once

#include "kubeconfigloader.h"

#include <QProcessEnvironment>

namespace Amo::Kube {

/** Where to look for a connection; tests replace the environment, home and service-account folder. */
struct ConnectionSettings
{
    QString kubeconfig; // --kubeconfig: used alone when set
    QString context; // --kubernetes.context: overrides current-context
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString homeDir; // empty: $HOME from environment
    QString serviceAccountDir = QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount");
};

/**
 * Finds the connection the way controller-runtime does: --kubeconfig, then $KUBECONFIG (a
 * ':'-separated list merged by kubectl's rules), then the in-cluster service account, then
 * ~/.kube/config. When nothing is found the error names every place that was tried.
 */
class ConnectionLoader
{
public:
    static RestConfigResult load(const ConnectionSettings &settings);
    /** In-cluster config from KUBERNETES_SERVICE_HOST/PORT and the token, ca.crt and namespace files. */
    static RestConfigResult inCluster(const QProcessEnvironment &environment, const QString &serviceAccountDir);
};

} // namespace Amo::Kube
