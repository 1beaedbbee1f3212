// SPDX-License-Identifier: MIT
#include "shared/sync/operatorclients.h"

#include "shared/util/useragent.h"

#include "shared/azure/armclient.h"
#include "shared/azure/armtracing.h"
#include "shared/azure/armtracingsettings.h"
#include "shared/azure/chainedtokencredential.h"
#include "shared/azure/credentialfactory.h"
#include "shared/azure/tokencache.h"
#include "shared/azure/trustedcertificates.h"
#include "shared/config/operatorconfig.h"
#include "shared/kube/connectionloader.h"
#include "shared/kube/kubeclient.h"
#include "shared/util/logger.h"

#include "shared/util/boundedfile.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Amo::Sync {

OperatorClients::OperatorClients(const Clock &clock, const Logger &logger)
    : m_clock(clock)
    , m_logger(logger)
{
}

OperatorClients::~OperatorClients() = default;

std::unique_ptr<OperatorClients> OperatorClients::create(const Config::OperatorConfig &config,
                                                         const ClientEnvironment &env, const Clock &clock,
                                                         const Logger &logger, QString *error)
{
    std::unique_ptr<OperatorClients> clients(new OperatorClients(clock, logger));
    clients->m_env = env;

    const std::optional<Azure::CloudEnvironment> cloud
        = Azure::CloudEnvironment::fromName(config.azureEnvironment, env.environment, error);
    if (!cloud)
        return nullptr;
    clients->m_cloud = *cloud;
    // SSL_CERT_FILE / SSL_CERT_DIR, as Go honours them, for every HTTPS connection
    if (!Azure::TrustedCertificates::install(env.environment, error))
        return nullptr;

    clients->m_armNetwork = std::make_unique<QNetworkAccessManager>();
    QString credentialError;
    clients->m_credential.reset(Azure::CredentialFactory::fromEnvironment(
        env.environment, *cloud, clients->m_armNetwork.get(), clock, logger, {}, nullptr, &credentialError));
    if (!clients->m_credential) {
        *error = credentialError;
        return nullptr;
    }
    clients->m_tokens = std::make_unique<Azure::TokenCache>(clients->m_credential.get(), clock, logger);
    clients->m_arm = std::make_unique<Azure::ArmClient>(clients->m_armNetwork.get(), *cloud, clients->m_tokens.get(),
                                                        clock, logger);

    Kube::ConnectionSettings settings;
    settings.kubeconfig = config.kubeconfig;
    settings.context = config.kubernetesContext;
    settings.environment = env.environment;
    settings.serviceAccountDir = env.serviceAccountDir;
    const Kube::RestConfigResult rest = Kube::ConnectionLoader::load(settings);
    if (!rest.ok()) {
        *error = rest.error;
        return nullptr;
    }
    for (const QString &warning : rest.warnings)
        logger.warning(warning);
    Kube::ClientOptions options;
    options.qps = config.kubernetesQps;
    options.burst = int(std::lround(config.kubernetesBurst));
    if (!config.instancePod.isEmpty()) {
        // The pod in the User-Agent tells replicas apart in the API server's audit log. Only the
        // characters of a pod name pass, so nothing else can reach the header.
        QString pod = config.instancePod;
        pod.removeIf([](QChar c) { return !(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'.'; });
        options.userAgent = QString::fromLatin1(UserAgent::value()) + u" ("_s + pod + u')';
    }
    clients->m_kubeNetwork = std::make_unique<QNetworkAccessManager>();
    clients->m_kube
        = std::make_unique<Kube::KubeClient>(clients->m_kubeNetwork.get(), *rest.config, options, clock, &logger);
    return clients;
}

void OperatorClients::setMetrics(Metrics::Registry &registry)
{
    m_kube->setMetrics(registry);
    QString ignored; // the settings were judged when the options were read
    const auto tracing = Azure::ArmTracingSettings::fromEnvironment(m_env.environment, &ignored);
    m_tracing = std::make_unique<Azure::ArmTracing>(registry, tracing.value_or(Azure::ArmTracingSettings {}));
    m_arm->setTracing(m_tracing.get());
}

QString OperatorClients::serviceAccountNamespace() const
{
    const Util::BoundedFile::Result read
        = Util::BoundedFile::read(QDir(m_env.serviceAccountDir).filePath(u"namespace"_s), 4096);
    return read.ok ? QString::fromUtf8(read.data).trimmed() : QString();
}

} // namespace Amo::Sync
