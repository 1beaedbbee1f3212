// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <chrono>

namespace Amo::Config {
struct OperatorConfig;
}

namespace Amo::Mapping {

/** The options that shape which AzureIdentities an MSI turns into. Filled from the operator's configuration. */
struct MappingOptions
{
    QString namespaceTemplate = QStringLiteral("{{index .Tags \"k8snamespace\"}}");
    QString nameTemplate = QStringLiteral("{{ .Name }}-{{ .ClientId }}");
    QStringList ignoredNamespaces; // compared after trim + lower-case
    QString labelFormat = QStringLiteral("msi.azure.k8s.io/%s"); // empty: no lookup labels
    bool namespaced = false;
    bool expiry = false;
    QString expiryAnnotation = QStringLiteral("janitor/expires");
    std::chrono::nanoseconds expiryDuration = std::chrono::hours(2190);
    QString expiryTimeFormat = QStringLiteral("2006-01-02");

    /** The mapping-related part of the operator's configuration. */
    static MappingOptions fromConfig(const Config::OperatorConfig &config);
};

} // namespace Amo::Mapping
