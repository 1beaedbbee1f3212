// SPDX-License-Identifier: MIT
#include "kubeclient.h"

#include "authenticator.h"
#include "flowcontrol.h"
#include "kubemetrics.h"
#include "listjob.h"
#include "requestjob.h"
#include "watchjob.h"

#include "shared/util/logger.h"
#include "shared/util/useragent.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

KubeClient::KubeClient(QNetworkAccessManager *network, const RestConfig &config, const ClientOptions &options,
                       const Clock &clock, const Logger *logger, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(config)
    , m_options(options)
    , m_clock(clock)
    , m_logger(logger)
    , m_flow(std::make_unique<FlowControl>(options.qps, options.burst, options.maxInFlight))
    , m_auth(std::make_unique<Authenticator>(config, clock, logger))
{
    m_auth->setExecTimeoutMs(options.execTimeoutMs);
    m_userAgent = options.userAgent.isEmpty() ? UserAgent::value() : options.userAgent.toUtf8();
    if (config.insecureSkipTlsVerify && m_logger) {
        m_logger->warning(u"INSECURE: TLS certificate verification of the Kubernetes API server is OFF "
                          u"(insecure-skip-tls-verify); anyone on the network path can read and change this traffic"_s,
                          {{u"server"_s, config.server.toString()}, {u"context"_s, config.contextName}});
    }
    if (!config.proxyUrl.isEmpty()) {
        // The proxy belongs to the cluster entry, so it is set on the manager this client was given.
        const bool socks = config.proxyUrl.scheme() == u"socks5";
        QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, config.proxyUrl.host(),
                            quint16(config.proxyUrl.port(socks ? 1080 : 80)), config.proxyUrl.userName(),
                            config.proxyUrl.password());
        m_network->setProxy(proxy);
    }
}

KubeClient::~KubeClient()
{
    // Jobs are children and return flow-control slots when they die; end them while FlowControl lives.
    const QObjectList jobs = children();
    qDeleteAll(jobs);
}

void KubeClient::setMetrics(Metrics::Registry &registry)
{
    m_metrics = std::make_unique<KubeMetrics>(registry);
}

void KubeClient::record(const QByteArray &verb, Resource resource, int httpStatus, double seconds)
{
    ++m_requests;
    if (m_metrics)
        m_metrics->record(QString::fromLatin1(verb), ResourceInfo::of(resource).plural, httpStatus, seconds);
}

QUrl KubeClient::url(const QString &path, const QUrlQuery &query) const
{
    QUrl u = m_config.server;
    QString base = u.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    u.setPath(base + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

QNetworkRequest KubeClient::makeRequest(const QUrl &url, const Credentials &credentials,
                                        const QByteArray &contentType) const
{
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", m_userAgent);
    request.setRawHeader("Accept", "application/json");
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    if (!credentials.authorization.isEmpty())
        request.setRawHeader("Authorization", credentials.authorization);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true); // negotiated by ALPN over TLS
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (url.scheme() == u"https") {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_config.caCertificates.isEmpty())
            ssl.setCaCertificates(m_config.caCertificates);
        if (m_config.insecureSkipTlsVerify)
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        const QByteArray digest = credentials.certificate.isNull() ? QByteArray() : credentials.certificate.digest();
        if (digest != m_certificateDigest) {
            if (!m_certificateDigest.isEmpty())
                m_network->clearConnectionCache();
            m_certificateDigest = digest;
        }
        if (!credentials.certificate.isNull()) {
            ssl.setLocalCertificate(credentials.certificate);
            ssl.setPrivateKey(credentials.key);
        }
        request.setSslConfiguration(ssl);
        if (!m_config.tlsServerName.isEmpty())
            request.setPeerVerifyName(m_config.tlsServerName);
    }
    return request;
}

RequestJob *KubeClient::get(Resource resource, const QString &ns, const QString &name)
{
    return new RequestJob(this, "GET", resource, ns, name, {}, {}, {}, RequestJob::Retry::Safe, this);
}

RequestJob *KubeClient::getPath(const QString &path, Resource resource)
{
    auto *job = new RequestJob(this, "GET", resource, {}, {}, {}, {}, {}, RequestJob::Retry::Safe, this);
    job->setPath(path);
    return job;
}

RequestJob *KubeClient::create(Resource resource, const QString &ns, const QJsonObject &object)
{
    return new RequestJob(this, "POST", resource, ns, {}, {}, QJsonDocument(object).toJson(QJsonDocument::Compact),
                          "application/json", RequestJob::Retry::CheckFirst, this);
}

RequestJob *KubeClient::update(Resource resource, const QString &ns, const QJsonObject &object)
{
    const QJsonObject metadata = object.value(u"metadata"_s).toObject();
    // With a resourceVersion a PUT is conditional: a repeat after a lost answer gets 409, never a silent overwrite.
    const bool conditional = !metadata.value(u"resourceVersion"_s).toString().isEmpty();
    return new RequestJob(this, "PUT", resource, ns, metadata.value(u"name"_s).toString(), {},
                          QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json",
                          conditional ? RequestJob::Retry::Safe : RequestJob::Retry::OnlyRejected, this);
}

RequestJob *KubeClient::mergePatch(Resource resource, const QString &ns, const QString &name, const QJsonObject &patch)
{
    const bool conditional = !patch.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString().isEmpty();
    return new RequestJob(this, "PATCH", resource, ns, name, {}, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                          "application/merge-patch+json",
                          conditional ? RequestJob::Retry::Safe : RequestJob::Retry::OnlyRejected, this);
}

ListJob *KubeClient::list(Resource resource, const QString &ns, const ListOptions &options)
{
    return new ListJob(this, resource, ns, options, this);
}

WatchJob *KubeClient::watch(Resource resource, const QString &ns, const WatchOptions &options)
{
    return new WatchJob(this, resource, ns, options, this);
}

} // namespace Amo::Kube
