// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <chrono>

namespace Amo::Config {
struct OperatorConfig;
}

namespace Amo::Sync {

/** What the planner owns on an AzureIdentity and how it treats bindings and expiry. Filled from the configuration. */
struct PlannerOptions
{
    QString labelFormat = QStringLiteral("msi.azure.k8s.io/%s"); // the lookup label keys; empty: no lookup labels
    bool namespaced = false; // set the Behavior annotation; when off, remove it
    bool expiry = false; // manage the expiry annotation; when off, leave it as it is
    QString expiryAnnotation = QStringLiteral("janitor/expires");
    std::chrono::nanoseconds expiryDuration = std::chrono::hours(2190);
    QString expiryTimeFormat = QStringLiteral("2006-01-02");
    /** Renew the expiry annotation once less than this fraction of the duration is left (0..1). */
    double renewalThreshold = 0.5;
    bool bindingSync = false; // re-point labelled AzureIdentityBindings
    QString namespaceSelector; // --kubernetes.namespace.selector; empty: every namespace (see NamespaceGuard)

    static PlannerOptions fromConfig(const Config::OperatorConfig &config);
};

} // namespace Amo::Sync
