// SPDX-License-Identifier: MIT
#pragma once

#include "clientoptions.h"
#include "credentials.h"
#include "resource.h"
#include "restconfig.h"

#include "shared/util/clock.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QUrlQuery>

#include <memory>

class QNetworkAccessManager;

namespace Amo {
class Logger;
namespace Metrics {
class Registry;
}
} // namespace Amo

namespace Amo::Kube {

class Authenticator;
class FlowControl;
class KubeMetrics;
class ListJob;
class RequestJob;
class WatchJob;
struct ListOptions;
struct WatchOptions;

/**
 * A Kubernetes API client over Qt Network: builds requests (TLS, credentials, User-Agent,
 * HTTP/2), meters them through FlowControl and hands out one job per operation. Jobs are
 * returned unstarted: connect `finished`, then call start(); they delete themselves afterwards.
 * There is deliberately no delete operation: the product never deletes what it manages.
 * Give each client its own QNetworkAccessManager: Qt pools connections per host and port
 * whatever their TLS settings, so two clients with different CAs or certificates must not share one.
 */
class KubeClient : public QObject
{
    Q_OBJECT
public:
    KubeClient(QNetworkAccessManager *network, const RestConfig &config, const ClientOptions &options,
               const Clock &clock, const Logger *logger, QObject *parent = nullptr);
    ~KubeClient() override;

    RequestJob *get(Resource resource, const QString &ns, const QString &name);
    /** GET of a non-resource path (e.g. /.well-known/openid-configuration), metered as @p resource. */
    RequestJob *getPath(const QString &path, Resource resource);
    /** POST; when the outcome is unknown (reset, 5xx) the job GETs the name before trying again. */
    RequestJob *create(Resource resource, const QString &ns, const QJsonObject &object);
    /** PUT of a whole object; it must carry metadata.resourceVersion (a 409 means re-read). */
    RequestJob *update(Resource resource, const QString &ns, const QJsonObject &object);
    /** RFC 7386 merge patch; put metadata.resourceVersion in it to make it conditional (and retried). */
    RequestJob *mergePatch(Resource resource, const QString &ns, const QString &name, const QJsonObject &patch);
    ListJob *list(Resource resource, const QString &ns, const ListOptions &options);
    WatchJob *watch(Resource resource, const QString &ns, const WatchOptions &options);

    /** Registers the request metrics; call once, before the first request. */
    void setMetrics(Metrics::Registry &registry);

    const RestConfig &config() const { return m_config; }
    const ClientOptions &options() const { return m_options; }
    /** The namespace of the context, or the pod's namespace in-cluster (the default for the Lease). */
    QString defaultNamespace() const { return m_config.namespaceName; }
    const Clock &clock() const { return m_clock; }
    const Logger *logger() const { return m_logger; }
    QNetworkAccessManager *network() const { return m_network; }
    FlowControl &flow() { return *m_flow; }
    Authenticator &authenticator() { return *m_auth; }

    // For the jobs.
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    QNetworkRequest makeRequest(const QUrl &url, const Credentials &credentials, const QByteArray &contentType) const;
    void record(const QByteArray &verb, Resource resource, int httpStatus, double seconds);
    int requestCount() const { return m_requests; }

private:
    QNetworkAccessManager *m_network;
    RestConfig m_config;
    ClientOptions m_options;
    const Clock &m_clock;
    const Logger *m_logger;
    std::unique_ptr<FlowControl> m_flow;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<KubeMetrics> m_metrics;
    QByteArray m_userAgent;
    int m_requests = 0;
    mutable QByteArray m_certificateDigest; // a new client certificate must not ride an old connection
};

} // namespace Amo::Kube
