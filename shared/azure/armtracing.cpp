// SPDX-License-Identifier: MIT
#include "shared/azure/armtracing.h"

#include "shared/azure/accesstoken.h"
#include "shared/azure/httpjob.h"
#include "shared/metrics/registry.h"

#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

namespace {

struct RateLimitHeader
{
    const char *header;
    const char16_t *scope;
    const char16_t *type;
};

constexpr RateLimitHeader kRateLimitHeaders[] = {
    {"x-ms-ratelimit-remaining-subscription-reads", u"subscription", u"reads"},
    {"x-ms-ratelimit-remaining-subscription-writes", u"subscription", u"writes"},
    // the global per-subscription budget across all principals (Microsoft's throttling documentation)
    {"x-ms-ratelimit-remaining-subscription-global-reads", u"subscription", u"global-reads"},
    {"x-ms-ratelimit-remaining-subscription-global-writes", u"subscription", u"global-writes"},
    {"x-ms-ratelimit-remaining-subscription-resource-requests", u"subscription", u"resource-requests"},
    {"x-ms-ratelimit-remaining-subscription-resource-entities-read", u"subscription", u"resource-entities-read"},
    {"x-ms-ratelimit-remaining-tenant-reads", u"tenant", u"reads"},
    {"x-ms-ratelimit-remaining-tenant-writes", u"tenant", u"writes"},
    {"x-ms-ratelimit-remaining-tenant-resource-requests", u"tenant", u"resource-requests"},
    {"x-ms-ratelimit-remaining-tenant-resource-entities-read", u"tenant", u"resource-entities-read"},
};

QString normalisedPath(const QUrl &url)
{
    QString path = url.path(QUrl::FullyDecoded);
    while (path.startsWith(u'/'))
        path.remove(0, 1);
    return u'/' + path.toLower();
}

} // namespace

ArmTracing::ArmTracing(Metrics::Registry &registry, const ArmTracingSettings &settings)
    : m_settings(settings)
{
    if (settings.requestEnabled) {
        QStringList exposed;
        for (const QString &label : settings.labels)
            exposed.append(ArmTracingSettings::exposedName(label));
        m_requests
            = &registry.histogram(u"azurerm_api_request"_s, u"AzureRM API requests"_s, exposed, settings.buckets);
    }
    if (settings.ratelimitEnabled) {
        m_ratelimit = &registry.gauge(u"azurerm_api_ratelimit"_s, u"AzureRM API ratelimit"_s,
                                      {u"api_endpoint"_s, u"subscription_id"_s, u"tenant_id"_s, u"scope"_s, u"type"_s});
        if (settings.ratelimitAutoreset) {
            Metrics::MetricFamily *gauge = m_ratelimit;
            // remaining budgets are only true at the moment they were read
            registry.addAfterScrapeHook([gauge] { gauge->clear(); });
        }
    }
}

QString ArmTracing::apiEndpoint(const QUrl &url)
{
    // the original keeps the last three host labels; an IP address (only ever the local sandbox) stays whole
    if (!QHostAddress(url.host()).isNull())
        return url.host();
    QStringList parts = url.host().toLower().split(u'.');
    if (parts.size() > 3)
        parts = parts.mid(parts.size() - 3);
    return parts.join(u'.');
}

QString ArmTracing::subscriptionOf(const QString &path)
{
    static const QRegularExpression re(u"^/subscriptions/([^/]+)/?.*$"_s);
    const auto m = re.match(path.toLower());
    return m.hasMatch() ? m.captured(1) : QString();
}

QString ArmTracing::resourceProviderOf(const QString &path)
{
    static const QRegularExpression re(u"^/subscriptions/[^/]+/resourcegroups/[^/]+/providers/([^/]+/[^/]+)/.*$"_s);
    const auto m = re.match(path.toLower());
    return m.hasMatch() ? m.captured(1) : QString();
}

void ArmTracing::record(const QByteArray &method, const QUrl &url, const QByteArray &token, const HttpResult &http)
{
    if (http.status == 0)
        return;
    const QString endpoint = apiEndpoint(url);
    const QString path = normalisedPath(url);
    const QString subscription = subscriptionOf(path);
    // Microsoft: treat access tokens as opaque; a token that is no JWT names no tenant
    QString tenant = AccessToken::tenantOf(token);
    if (tenant.isEmpty())
        tenant = m_settings.fallbackTenantId;
    if (m_requests) {
        QString region = QString::fromLatin1(http.header("x-ms-routing-request-id")).section(u':', 0, 0);
        if (http.header("x-ms-routing-request-id").isEmpty())
            region = QString::fromLatin1(http.header("x-ms-keyvault-region"));
        QStringList values;
        for (const QString &label : std::as_const(m_settings.labels)) {
            if (label == u"apiEndpoint"_s)
                values << endpoint;
            else if (label == u"routingRegion"_s)
                values << region.toLower();
            else if (label == u"subscriptionID"_s)
                values << subscription;
            else if (label == u"tenantID"_s)
                values << tenant;
            else if (label == u"resourceProvider"_s)
                values << resourceProviderOf(path);
            else if (label == u"method"_s)
                values << QString::fromLatin1(method).toLower();
            else if (label == u"statusCode"_s)
                values << QString::number(http.status);
        }
        m_requests->observe(values, double(http.elapsedMs) / 1000.0);
    }
    if (m_ratelimit) {
        for (const RateLimitHeader &h : kRateLimitHeaders) {
            bool ok = false;
            const qint64 value = http.header(h.header).trimmed().toLongLong(&ok);
            if (ok)
                m_ratelimit->set(
                    {endpoint, subscription, tenant, QStringView(h.scope).toString(), QStringView(h.type).toString()},
                    double(value));
        }
    }
}

} // namespace Amo::Azure
