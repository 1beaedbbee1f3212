// SPDX-License-Identifier: MIT
#include "shared/sandbox/clusterbridge.h"

#include "shared/sandbox/httpexchange.h"

#if defined(AMO_SANDBOX_HAS_KUBE) && __has_include("shared/sandbox/kubeapihandler.h")
#include "shared/sandbox/kubeapihandler.h"
#define AMO_SANDBOX_KUBE_HANDLER 1
#endif

namespace Amo::Sandbox {

ClusterBridge::ClusterBridge(const Clock &clock)
{
#ifdef AMO_SANDBOX_KUBE_HANDLER
    auto handler = std::make_unique<KubeApiHandler>(clock);
    m_native = handler.get();
    m_handler = std::move(handler);
#else
    Q_UNUSED(clock);
#endif
}

ClusterBridge::~ClusterBridge() = default;

QString ClusterBridge::load(const QJsonObject &section)
{
#ifdef AMO_SANDBOX_KUBE_HANDLER
    return static_cast<KubeApiHandler *>(m_native)->loadScenario(section);
#else
    Q_UNUSED(section);
    return {};
#endif
}

void ClusterBridge::setServiceAccountIssuer(const QJsonObject &openIdConfiguration, const QJsonObject &jwks,
                                            const QString &issuer,
                                            std::function<QByteArray(const ServiceAccountTokenRequest &)> mint,
                                            bool discovery)
{
#ifdef AMO_SANDBOX_KUBE_HANDLER
    static_cast<KubeApiHandler *>(m_native)->setTokenIssuing(
        KubeTokenIssuing {openIdConfiguration, jwks, discovery, std::move(mint), issuer});
#else
    Q_UNUSED(openIdConfiguration);
    Q_UNUSED(jwks);
    Q_UNUSED(issuer);
    Q_UNUSED(mint);
    Q_UNUSED(discovery);
#endif
}

void ClusterBridge::setIssuerDiscovery(bool enabled)
{
#ifdef AMO_SANDBOX_KUBE_HANDLER
    static_cast<KubeApiHandler *>(m_native)->tokenIssuing().discovery = enabled;
#else
    Q_UNUSED(enabled);
#endif
}

} // namespace Amo::Sandbox
