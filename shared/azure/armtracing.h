// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/armtracingsettings.h"

#include <QUrl>

namespace Amo::Metrics {
class HistogramFamily;
class MetricFamily;
class Registry;
} // namespace Amo::Metrics

namespace Amo::Azure {

struct HttpResult;

/**
 * The original's azuretracing metrics for ARM answers:
 *  - histogram azurerm_api_request (seconds) with the labels chosen in the settings:
 *    apiEndpoint (host, lower-case, last three labels), routingRegion (x-ms-routing-request-id before ':',
 *    else x-ms-keyvault-region), subscriptionID (from the path), tenantID (the bearer token's tid),
 *    resourceProvider (only for /subscriptions/…/resourcegroups/…/providers/NS/TYPE/… paths),
 *    method (lower-case), statusCode;
 *  - gauge azurerm_api_ratelimit{apiEndpoint,subscriptionID,tenantID,scope,type} from the
 *    x-ms-ratelimit-remaining-{subscription,tenant}-{reads,writes,resource-requests,resource-entities-read}
 *    headers, cleared after every scrape when autoreset is on.
 * Only answers are recorded; a connection error has no status and no latency.
 */
class ArmTracing
{
public:
    ArmTracing(Metrics::Registry &registry, const ArmTracingSettings &settings);

    void record(const QByteArray &method, const QUrl &url, const QByteArray &token, const HttpResult &http);

    static QString apiEndpoint(const QUrl &url);
    static QString subscriptionOf(const QString &path);
    static QString resourceProviderOf(const QString &path);

private:
    ArmTracingSettings m_settings;
    Metrics::HistogramFamily *m_requests = nullptr;
    Metrics::MetricFamily *m_ratelimit = nullptr;
};

} // namespace Amo::Azure
