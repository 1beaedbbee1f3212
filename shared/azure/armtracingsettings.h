// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QStringList>

#include <optional>

namespace Amo::Azure {

/**
 * The azuretracing switches of the original (webdevops/go-common), read from the environment:
 *  METRIC_AZURERM_API_REQUEST_ENABLE      bool, default true
 *  METRIC_AZURERM_API_REQUEST_BUCKETS     seconds, split on commas/whitespace, default 1 2.5 5 10 30 60 90 120
 *  METRIC_AZURERM_API_REQUEST_LABELS      label names, split on commas/whitespace, case-insensitive; default all
 *  METRIC_AZURERM_API_RATELIMIT_ENABLE    bool, default true
 *  METRIC_AZURERM_API_RATELIMIT_AUTORESET bool, default true
 * Bools accept 1/true/y/yes/enabled and 0/false/n/no/disabled. Unlike the original, which ignored
 * unknown words, any other value is an error, so a typo cannot silently change the metrics.
 */
struct ArmTracingSettings
{
    bool requestEnabled = true;
    QList<double> buckets = defaultBuckets();
    QStringList labels = allLabels(); // always in allLabels() order
    bool ratelimitEnabled = true;
    bool ratelimitAutoreset = true;
    // the tenantID label when the access token is opaque (not a JWT): AZURE_TENANT_ID
    QString fallbackTenantId;

    static QList<double> defaultBuckets() { return {1, 2.5, 5, 10, 30, 60, 90, 120}; }
    static QStringList allLabels();
    /**
     * The label as exposed: snake_case (apiEndpoint -> api_endpoint), because `promtool check metrics`
     * rejects camelCase label names. The original's names stay valid in METRIC_AZURERM_API_REQUEST_LABELS.
     */
    static QString exposedName(const QString &label);
    static std::optional<ArmTracingSettings> fromEnvironment(const QProcessEnvironment &env, QString *error);
};

} // namespace Amo::Azure
