// SPDX-License-Identifier: MIT
#pragma once

#include "httpexchange.h"
#include "kubeaccesscontrol.h"
#include "kubestore.h"

#include "shared/sandbox/serviceaccountissuer.h"

#include <functional>

namespace Amo::Sandbox {

class KubeResourceType;

/** The service-account token issuer as the API server publishes and uses it (signing lives in the Azure half). */
struct KubeTokenIssuing
{
    QJsonObject openIdConfiguration; // GET /.well-known/openid-configuration
    QJsonObject jwks; // GET /openid/v1/jwks
    bool discovery = true; // false: both paths answer 404, as with a non-URL --service-account-issuer
    std::function<QByteArray(const ServiceAccountTokenRequest &)> mint; // for TokenRequest
    QString issuer; // the default audience of a TokenRequest
};

/**
 * Serves the Kubernetes REST API from a KubeStore: discovery, CRDs, get/list/watch/create/
 * update/patch/delete under /api/v1 and /apis/{group}/{version}, with token or client-certificate
 * authentication, RBAC and self-subject reviews for `kubectl auth can-i`.
 */
class KubeApiHandler : public HttpHandler
{
public:
    explicit KubeApiHandler(const Clock &clock = Clock::system());
    ~KubeApiHandler() override;

    KubeStore &store() { return *m_store; }
    KubeAccessControl &accessControl() { return m_access; }
    /** Loads a scenario's "kubernetes" section (objects, users, RBAC, tunables); returns an error text. */
    QString loadScenario(const QJsonObject &section);
    void setTokenIssuing(KubeTokenIssuing issuing) { m_issuing = std::move(issuing); }
    KubeTokenIssuing &tokenIssuing() { return m_issuing; }

    bool handle(const HttpRequest &request, HttpExchange &exchange) override;

private:
    struct Target
    {
        const KubeResourceType *type = nullptr;
        QString ns;
        QString name;
        QString subresource;
        QString pattern;
    };

    bool handleDiscovery(const HttpRequest &request, HttpExchange &exchange);
    std::optional<Target> parseResourcePath(const QStringList &segments, const QString &group, const QString &version,
                                            const QString &prefixPattern) const;
    void serveResource(const HttpRequest &request, HttpExchange &exchange, const Target &target, const KubeUser &user);
    void serveCollection(const HttpRequest &request, HttpExchange &exchange, const Target &target,
                         const KubeWriteOptions &options);
    /** /.well-known/openid-configuration and /openid/v1/jwks. */
    void serveIssuerDiscovery(const HttpRequest &request, HttpExchange &exchange);
    /** POST .../serviceaccounts/{name}/token: a TokenRequest answered with a signed projected token. */
    void serveTokenRequest(const HttpRequest &request, HttpExchange &exchange, const Target &target);
    void serveHealth(const HttpRequest &request, HttpExchange &exchange, const QStringList &segments);
    /** The user a request acts as: the caller, or whom it impersonates if RBAC lets it. */
    std::optional<KubeUser> impersonate(const HttpRequest &request, const KubeUser &caller, KubeError *error) const;
    void respondDeleted(HttpExchange &exchange, const KubeResourceType &type, const KubeObjectPtr &object, bool dryRun);
    void serveWatch(const HttpRequest &request, HttpExchange &exchange, const Target &target);
    void serveReview(const HttpRequest &request, HttpExchange &exchange, const Target &target, const KubeUser &user);
    static QString verbFor(const HttpRequest &request, const Target &target);
    static void respondJson(HttpExchange &exchange, int status, const QJsonObject &body);
    static void respondError(HttpExchange &exchange, const KubeError &error);
    static void respondObject(HttpExchange &exchange, int status, const KubeObjectPtr &object);

    std::unique_ptr<KubeStore> m_store;
    KubeAccessControl m_access;
    KubeTokenIssuing m_issuing;
};

} // namespace Amo::Sandbox
