// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Amo::Kube {
class KubeClient;
}

namespace Amo::Sync {

/**
 * The cluster's service-account issuer, as its API server publishes it at
 * /.well-known/openid-configuration (the `issuer` field); federated credentials must name exactly it.
 */
class IssuerDiscovery
{
    Q_DECLARE_TR_FUNCTIONS(IssuerDiscovery)
public:
    static QString path() { return QStringLiteral("/.well-known/openid-configuration"); }

    /** Asks the API server, waiting in a local event loop; empty with *error (naming the option to set) on failure. */
    static QString discover(Kube::KubeClient *kube, QString *error);
};

} // namespace Amo::Sync
