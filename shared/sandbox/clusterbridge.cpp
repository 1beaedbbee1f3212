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

} // namespace Amo::Sandbox
