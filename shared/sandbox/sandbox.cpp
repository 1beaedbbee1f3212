// SPDX-License-Identifier: MIT
#include "shared/sandbox/sandbox.h"

#include "shared/sandbox/aaddiscoveryhandler.h"
#include "shared/sandbox/aadhandler.h"
#include "shared/sandbox/armhandler.h"
#include "shared/sandbox/armmetadatahandler.h"
#include "shared/sandbox/clusterbridge.h"
#include "shared/sandbox/controlhandler.h"
#include "shared/sandbox/httpserver.h"
#include "shared/sandbox/jsonwebtoken.h"
#include "shared/sandbox/managedidentityhandler.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

Sandbox::Sandbox(QObject *parent)
    : QObject(parent)
{
}

Sandbox::~Sandbox()
{
    stop();
}

bool Sandbox::start(const Scenario &scenario, const SandboxOptions &options)
{
    stop();
    m_scenario = scenario;
    const Clock &clock = options.clock ? *options.clock : Clock::system();
    m_tokens.setClock(&clock);
    m_tokens.setLifetimeSeconds(m_scenario.tokenLifetimeSeconds);
    m_adminToken = !options.adminToken.isEmpty() ? options.adminToken
        : !m_scenario.adminToken.isEmpty()       ? m_scenario.adminToken
                                                 : QUuid::createUuid().toString(QUuid::Id128).toLatin1();

    m_server = std::make_unique<HttpServer>();
    if (options.tls && !options.caCertificatePem.isEmpty()) {
        QString caError;
        m_ca = CertificateAuthority::fromPem(options.caCertificatePem, options.caPrivateKeyPem, &caError);
        if (!m_ca) {
            m_error = caError;
            return false;
        }
        m_server->enableTls(m_ca.get());
    } else if (options.tls) {
        m_ca = std::make_unique<CertificateAuthority>();
        if (!m_ca->isValid()) {
            m_error = u"could not create the sandbox certificate authority"_s;
            return false;
        }
        m_server->enableTls(m_ca.get());
    }
    m_server->faults().setSeed(m_scenario.faultSeed);
    for (const QJsonValue &v : std::as_const(m_scenario.faultRules)) {
        if (const auto rule = FaultRule::fromJson(v.toObject(), nullptr))
            m_server->faults().add(*rule);
    }

    if (const QString issuerError = setUpServiceAccountIssuer(); !issuerError.isEmpty()) {
        m_error = u"kubernetes: "_s + issuerError;
        return false;
    }
    m_control = std::make_unique<ControlHandler>(m_server.get(), m_adminToken);
    m_control->setExtension([this](const HttpRequest &r, HttpExchange &e) { return handleControl(r, e); });
    m_aad = std::make_unique<AadHandler>(&m_scenario, &m_tokens);
    m_discovery = std::make_unique<AadDiscoveryHandler>(&m_scenario);
    m_armMetadata = std::make_unique<ArmMetadataHandler>(&m_scenario, &m_tokens);
    m_identity = std::make_unique<ManagedIdentityHandler>(&m_scenario, &m_tokens);
    m_arm = std::make_unique<ArmHandler>(&m_scenario, &m_tokens, &clock);
    m_arm->configureThrottle(m_scenario.throttleBudget, m_scenario.throttleRefillPerSecond);
    m_arm->configureWriteThrottle(m_scenario.writeThrottleBudget, m_scenario.writeThrottleRefillPerSecond);
    m_cluster = std::make_unique<ClusterBridge>(clock);
    const QString kubeError = m_cluster->load(m_scenario.kubernetes);
    if (!kubeError.isEmpty()) {
        m_error = u"kubernetes: "_s + kubeError;
        return false;
    }

    m_server->addHandler(m_control.get());
    m_server->addHandler(m_aad.get());
    m_server->addHandler(m_discovery.get());
    m_server->addHandler(m_armMetadata.get());
    m_server->addHandler(m_identity.get());
    m_server->addHandler(m_arm.get());
    if (m_cluster->handler())
        m_server->addHandler(m_cluster->handler());
    if (!m_server->listen(options.port)) {
        m_error = u"cannot listen on 127.0.0.1:%1: %2"_s.arg(QString::number(options.port), m_server->errorString());
        return false;
    }
    m_aad->setBaseUrl(baseUrl());
    m_discovery->setBaseUrl(baseUrl());
    m_armMetadata->setBaseUrl(baseUrl());
    m_arm->setBaseUrl(baseUrl());
    // kube-apiserver derives jwks_uri from its external address unless --service-account-jwks-uri is set
    const QString jwksUri
        = m_scenario.kubernetes.value(u"serviceAccountJwksUri"_s).toString(baseUrl().toString() + u"/openid/v1/jwks"_s);
    const Clock *tokenClock = &m_tokens.clock();
    m_cluster->setServiceAccountIssuer(
        m_serviceAccounts.openIdConfiguration(jwksUri), m_serviceAccounts.jwks(), m_serviceAccounts.issuer(),
        [this, tokenClock](const ServiceAccountTokenRequest &r) {
            return m_serviceAccounts.mint(r, tokenClock->nowUtc().toSecsSinceEpoch());
        },
        m_scenario.kubernetes.value(u"serviceAccountIssuerDiscovery"_s).toBool(true));
    return true;
}

QString Sandbox::setUpServiceAccountIssuer()
{
    const QJsonObject &kube = m_scenario.kubernetes;
    const QString issuer = kube.value(u"serviceAccountIssuer"_s).toString(ServiceAccountIssuer::defaultIssuer());
    if (const QString error
        = m_serviceAccounts.configure(issuer, kube.value(u"serviceAccountSigningKey"_s).toString().toUtf8());
        !error.isEmpty())
        return error;
    // Entra ID reads the issuer's JWKS; here the scenario's issuer list stands for that fetch
    for (ScenarioIssuer &i : m_scenario.federatedIssuers) {
        if (i.issuer == issuer) {
            i.keys.append(m_serviceAccounts.publicKeyPem());
            if (i.signingKey.isEmpty())
                i.signingKey = m_serviceAccounts.privateKeyPem();
            return {};
        }
    }
    m_scenario.federatedIssuers.append(
        ScenarioIssuer {issuer, {m_serviceAccounts.publicKeyPem()}, m_serviceAccounts.privateKeyPem()});
    return {};
}

QByteArray Sandbox::mintServiceAccountToken(const QString &ns, const QString &serviceAccount,
                                            const QStringList &audiences, int lifetimeSeconds) const
{
    ServiceAccountTokenRequest request;
    request.ns = ns;
    request.serviceAccount = serviceAccount;
    request.audiences = audiences;
    request.expirationSeconds = lifetimeSeconds;
    return m_serviceAccounts.mint(request, m_tokens.clock().nowUtc().toSecsSinceEpoch());
}

void Sandbox::setServiceAccountIssuerDiscovery(bool enabled)
{
    if (m_cluster)
        m_cluster->setIssuerDiscovery(enabled);
}

void Sandbox::stop()
{
    if (m_server)
        m_server->close();
    m_server.reset();
    m_cluster.reset();
    m_arm.reset();
    m_identity.reset();
    m_armMetadata.reset();
    m_discovery.reset();
    m_aad.reset();
    m_control.reset();
    m_ca.reset();
}

bool Sandbox::isRunning() const
{
    return m_server && m_server->isListening();
}

QUrl Sandbox::baseUrl() const
{
    return m_server ? m_server->baseUrl() : QUrl();
}

QUrl Sandbox::imdsTokenUrl() const
{
    return QUrl(endpoint() + u"metadata/identity/oauth2/token"_s);
}

QUrl Sandbox::appServiceUrl() const
{
    return QUrl(baseUrl().toString() + m_scenario.appServicePath);
}

FaultInjector &Sandbox::faults()
{
    return m_server->faults();
}

RequestLog &Sandbox::requestLog()
{
    return m_server->requestLog();
}

HttpHandler *Sandbox::kubernetesHandler() const
{
    return m_cluster ? m_cluster->handler() : nullptr;
}

IssuedCertificate Sandbox::issueClientCertificate(const QString &commonName, const QStringList &organizations) const
{
    return m_ca ? m_ca->issueClientCertificate(commonName, organizations) : IssuedCertificate {};
}

QByteArray Sandbox::mintFederatedToken(const QString &issuer, const QString &subject, int lifetimeSeconds) const
{
    const ScenarioIssuer *i = m_scenario.issuer(issuer);
    if (!i || i->signingKey.isEmpty())
        return {};
    const qint64 now = m_tokens.clock().nowUtc().toSecsSinceEpoch();
    const QJsonObject claims {
        {u"iss"_s, issuer}, {u"sub"_s, subject}, {u"aud"_s, QJsonArray {u"api://AzureADTokenExchange"_s}},
        {u"iat"_s, now},    {u"nbf"_s, now},     {u"exp"_s, now + lifetimeSeconds}};
    return JsonWebToken::signRs256(QJsonObject {{u"kid"_s, u"sandbox-issuer"_s}}, claims, i->signingKey);
}

bool Sandbox::handleControl(const HttpRequest &request, HttpExchange &exchange)
{
    const QString route = request.path.mid(10);
    if (route == u"info"_s && request.method == "GET") {
        exchange.respond(
            HttpResponse::json(200,
                               QJsonDocument(QJsonObject {{u"baseUrl"_s, baseUrl().toString()},
                                                          {u"tls"_s, m_ca != nullptr},
                                                          {u"kubernetes"_s, kubernetesHandler() != nullptr},
                                                          {u"subscriptions"_s, m_scenario.subscriptions.size()},
                                                          {u"msis"_s, m_scenario.msis.size()},
                                                          {u"serviceAccountIssuer"_s, m_serviceAccounts.issuer()},
                                                          {u"openConnections"_s, m_server->openConnections()}})));
        return true;
    }
    if (route == u"reset-throttle"_s && request.method == "POST") {
        m_arm->resetThrottle();
        exchange.respond(HttpResponse {204, {}, {}});
        return true;
    }
    return false;
}

} // namespace Amo::Sandbox
