// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/certificateauthority.h"
#include "shared/sandbox/scenario.h"
#include "shared/sandbox/serviceaccountissuer.h"
#include "shared/sandbox/tokenissuer.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace Amo::Sandbox {

class AadDiscoveryHandler;
class AadHandler;
class ArmHandler;
class ArmMetadataHandler;
class ClusterBridge;
class ControlHandler;
class FaultInjector;
class HttpExchange;
class HttpHandler;
class HttpServer;
class ManagedIdentityHandler;
class RequestLog;
struct HttpRequest;

struct SandboxOptions
{
    quint16 port = 0; // 0: a free port
    bool tls = false; // HTTPS with a CA generated at start; client certificates from it are accepted
    QByteArray caCertificatePem; // with tls: use this CA (e.g. a company's or one made with openssl) instead
    QByteArray caPrivateKeyPem;
    QByteArray adminToken; // control API token; empty: the scenario's, else a random one
    const Clock *clock = nullptr; // null: the system clock
};

/**
 * The whole simulator on one loopback port: Azure AD, managed identity endpoints, ARM,
 * the Kubernetes API (when built with it) and the control API under /_sandbox/.
 */
class Sandbox : public QObject
{
    Q_OBJECT
public:
    explicit Sandbox(QObject *parent = nullptr);
    ~Sandbox() override;

    bool start(const Scenario &scenario, const SandboxOptions &options = {});
    void stop();
    bool isRunning() const;
    QString errorString() const { return m_error; }

    /** "http(s)://127.0.0.1:PORT" without trailing slash; ARM, AAD and Kubernetes all live here. */
    QUrl baseUrl() const;
    /** With a trailing slash, as Azure environment files spell endpoints. */
    QString endpoint() const { return baseUrl().toString() + u'/'; }
    QUrl imdsTokenUrl() const;
    QUrl appServiceUrl() const;

    HttpServer &server() { return *m_server; }
    FaultInjector &faults();
    RequestLog &requestLog();
    TokenIssuer &tokens() { return m_tokens; }
    ArmHandler &arm() { return *m_arm; }
    const Scenario &scenario() const { return m_scenario; }
    /** For tests that change Azure while it runs (e.g. an MSI re-created); ARM answers from it at once. */
    Scenario &mutableScenario() { return m_scenario; }
    const CertificateAuthority *certificateAuthority() const { return m_ca.get(); }
    QByteArray adminToken() const { return m_adminToken; }
    /** The Kubernetes API handler, or null in a build without the Kubernetes half. */
    HttpHandler *kubernetesHandler() const;
    ClusterBridge &cluster() { return *m_cluster; }

    /** A client certificate from the sandbox CA (TLS only): CN = user, O = groups. */
    IssuedCertificate issueClientCertificate(const QString &commonName, const QStringList &organizations = {}) const;
    /** A federated token signed with the scenario issuer's signingKey (e.g. for a workload identity token file). */
    QByteArray mintFederatedToken(const QString &issuer, const QString &subject, int lifetimeSeconds = 3600) const;

    /**
     * The simulated cluster's service-account issuer URL (scenario `kubernetes.serviceAccountIssuer`, default
     * ServiceAccountIssuer::defaultIssuer()); the sandbox's AAD trusts its keys as a federated issuer.
     */
    QString serviceAccountIssuer() const { return m_serviceAccounts.issuer(); }
    const ServiceAccountIssuer &serviceAccountIssuerKeys() const { return m_serviceAccounts; }
    /**
     * A projected ServiceAccount token as kubelet mounts it for workload identity: RS256 with the issuer's
     * kid, iss = the issuer, sub = system:serviceaccount:<ns>:<sa>, aud = @p audiences.
     */
    QByteArray mintServiceAccountToken(const QString &ns, const QString &serviceAccount,
                                       const QStringList &audiences = {QStringLiteral("api://AzureADTokenExchange")},
                                       int lifetimeSeconds = 3600) const;
    /** Turns the API server's /.well-known/openid-configuration and /openid/v1/jwks on or off (404). */
    void setServiceAccountIssuerDiscovery(bool enabled);

private:
    bool handleControl(const HttpRequest &request, HttpExchange &exchange);
    /** Reads the issuer keys of the scenario's kubernetes section; an error text or empty. */
    QString setUpServiceAccountIssuer();

    Scenario m_scenario;
    TokenIssuer m_tokens;
    ServiceAccountIssuer m_serviceAccounts;
    std::unique_ptr<CertificateAuthority> m_ca;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<ControlHandler> m_control;
    std::unique_ptr<AadHandler> m_aad;
    std::unique_ptr<AadDiscoveryHandler> m_discovery;
    std::unique_ptr<ManagedIdentityHandler> m_identity;
    std::unique_ptr<ArmHandler> m_arm;
    std::unique_ptr<ArmMetadataHandler> m_armMetadata;
    std::unique_ptr<ClusterBridge> m_cluster;
    QByteArray m_adminToken;
    QString m_error;
};

} // namespace Amo::Sandbox
