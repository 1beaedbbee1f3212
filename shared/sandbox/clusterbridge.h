// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/serviceaccountissuer.h"
#include "shared/util/clock.h"

#include <functional>

#include <QJsonObject>
#include <QString>

#include <memory>

namespace Amo::Sandbox {

class HttpHandler;

/**
 * The seam to the Kubernetes half (KubeApiHandler): the facade hands it the scenario's
 * "kubernetes" section verbatim. When the sandbox is built without that half, handler() is null.
 */
class ClusterBridge
{
public:
    explicit ClusterBridge(const Clock &clock);
    ~ClusterBridge();

    bool available() const { return m_handler != nullptr; }
    HttpHandler *handler() const { return m_handler.get(); }
    /** Loads the section; returns an error text, empty on success. */
    QString load(const QJsonObject &section);
    /**
     * What the API server publishes for its service-account issuer and how TokenRequest mints;
     * @p discovery false answers 404 on both discovery paths.
     */
    void setServiceAccountIssuer(const QJsonObject &openIdConfiguration, const QJsonObject &jwks, const QString &issuer,
                                 std::function<QByteArray(const ServiceAccountTokenRequest &)> mint, bool discovery);
    void setIssuerDiscovery(bool enabled);
    /** The concrete handler for callers that know its type (tests of the Kubernetes half). */
    void *native() const { return m_native; }

private:
    std::unique_ptr<HttpHandler> m_handler;
    void *m_native = nullptr;
};

} // namespace Amo::Sandbox
