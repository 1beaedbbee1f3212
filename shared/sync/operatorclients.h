// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/cloudenvironment.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace Amo {
class Clock;
class Logger;
namespace Config {
struct OperatorConfig;
}
namespace Kube {
class KubeClient;
}
namespace Metrics {
class Registry;
}
namespace Azure {
class ArmClient;
class ArmTracing;
class ChainedTokenCredential;
class TokenCache;
} // namespace Azure
} // namespace Amo

namespace Amo::Sync {

/** Where the clients look for their settings besides the options: the environment and the service-account folder. */
struct ClientEnvironment
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString serviceAccountDir = QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount");
};

/**
 * The two clients the operator talks through, built from the options and the environment the way
 * the agent and the dashboard both need them: the Azure credential chain behind a token cache, the
 * ARM client of the chosen cloud, and the Kubernetes client of the chosen kubeconfig context.
 * Each client has its own QNetworkAccessManager (see KubeClient).
 */
class OperatorClients : public QObject
{
    Q_OBJECT
public:
    ~OperatorClients() override;

    /** Null with *error naming the setting at fault (cloud, credentials, kubeconfig). */
    static std::unique_ptr<OperatorClients> create(const Config::OperatorConfig &config, const ClientEnvironment &env,
                                                   const Clock &clock, const Logger &logger, QString *error);

    /** Registers the Azure and Kubernetes request metrics; call before the first request. */
    void setMetrics(Metrics::Registry &registry);

    Kube::KubeClient *kube() const { return m_kube.get(); }
    Azure::ArmClient *arm() const { return m_arm.get(); }
    Azure::TokenCache *tokens() const { return m_tokens.get(); }
    const Azure::CloudEnvironment &cloud() const { return m_cloud; }
    /** The process environment the clients were built from (the Lease namespace may come from it). */
    const ClientEnvironment &environment() const { return m_env; }
    /** The namespace in the service-account folder (empty outside a pod): the Lease's default home. */
    QString serviceAccountNamespace() const;

private:
    OperatorClients(const Clock &clock, const Logger &logger);

    const Clock &m_clock;
    const Logger &m_logger;
    ClientEnvironment m_env;
    Azure::CloudEnvironment m_cloud;
    std::unique_ptr<QNetworkAccessManager> m_armNetwork;
    std::unique_ptr<QNetworkAccessManager> m_kubeNetwork;
    std::unique_ptr<Azure::ChainedTokenCredential> m_credential;
    std::unique_ptr<Azure::TokenCache> m_tokens;
    std::unique_ptr<Azure::ArmClient> m_arm;
    std::unique_ptr<Azure::ArmTracing> m_tracing;
    std::unique_ptr<Kube::KubeClient> m_kube;
};

} // namespace Amo::Sync
