// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/goduration.h"

#include <QString>
#include <QStringList>

namespace Amo::Config {

/**
 * Every option of the operator as plain typed values. Field defaults equal the original's defaults
 * (the option table in optiontable.cpp is the source of truth; a test keeps the two in step).
 *
 * Durations are GoDuration (int64 nanoseconds), so "1ns" survives and toString() prints what Go prints.
 */
struct OperatorConfig
{
    // Logger
    bool debug = false; // --debug, also set by --log.debug
    bool verbose = false;
    bool logJson = false;
    bool logDevel = false;

    // Instance (Downward API)
    QString instanceNodeName;
    QString instanceNamespace;
    QString instancePod;

    // Leader election
    bool leaseEnable = false;
    QString leaseName = QStringLiteral("azure-msi-operator-leader");
    GoDuration leaseDuration = GoDuration::fromSeconds(15);
    GoDuration leaseRenewDeadline = GoDuration::fromSeconds(10);
    GoDuration leaseRetryPeriod = GoDuration::fromSeconds(2);

    // Sync
    GoDuration syncInterval = GoDuration::fromHours(1);
    bool syncWatch = false;
    GoDuration syncLockTime = GoDuration::fromMinutes(5);
    bool syncOnce = false; // one full sync, then exit with its status

    // Azure
    QString azureEnvironment = QStringLiteral("AZUREPUBLICCLOUD");
    QStringList azureSubscriptions;

    // Kubernetes
    QString kubeconfig;
    QString kubernetesContext; // empty: the kubeconfig's current-context
    double kubernetesQps = 10; // client-side rate limit, requests per second
    double kubernetesBurst = 50; // bucket size of that limit (a whole number)
    QString kubernetesLabelFormat = QStringLiteral("msi.azure.k8s.io/%s");
    QStringList kubernetesNamespaceIgnore {QStringLiteral("kube-system"), QStringLiteral("kube-public"),
                                           QStringLiteral("default"), QStringLiteral("gatekeeper-system"),
                                           QStringLiteral("istio-system")};
    QString kubernetesNamespaceSelector; // a label selector target namespaces must match; empty: every namespace

    // AzureIdentity
    bool azureIdentityEnable = true; // write AzureIdentities (off: workload identity mode alone)
    bool azureIdentityNamespaced = false;
    QString azureIdentityTemplateNamespace = QStringLiteral("{{index .Tags \"k8snamespace\"}}");
    QString azureIdentityTemplateResourceName = QStringLiteral("{{ .Name }}-{{ .ClientId }}");
    bool azureIdentityBindingSync = false;
    bool azureIdentityExpiry = false;
    QString azureIdentityExpiryAnnotation = QStringLiteral("janitor/expires");
    GoDuration azureIdentityExpiryDuration = GoDuration::fromHours(2190);
    QString azureIdentityExpiryTimeFormat = QStringLiteral("2006-01-02");
    double azureIdentityExpiryRenew = 0.5; // renew once less than this fraction of the duration is left

    // Workload identity (ours): ServiceAccounts and federated identity credentials per (MSI, namespace)
    bool workloadIdentityEnable = false;
    QString workloadIdentityTemplateServiceAccount = QStringLiteral("{{ .Name }}");
    QString workloadIdentityTemplateCredentialName; // empty: cluster, namespace and ServiceAccount, hashed to fit
    QString workloadIdentityClusterName = QStringLiteral("cluster");
    QString workloadIdentityIssuer; // empty: discovered from the API server's /.well-known/openid-configuration
    bool workloadIdentityTenantAnnotation = false;

    // HTTP server
    QString serverBind = QStringLiteral(":8080");
    GoDuration serverTimeoutRead = GoDuration::fromSeconds(5);
    GoDuration serverTimeoutWrite = GoDuration::fromSeconds(10);

    // Render mode (ours): print manifests for MSIs read from a file, without Azure or a cluster
    QString render; // empty: normal operation; "-": stdin
    QString renderOutput = QStringLiteral("yaml"); // "yaml" or "json"

    // Modes (ours)
    bool dryRun = false; // plan against the live cluster, print the plan, exit 0 (nothing to do) or 2 (pending)
    bool demo = false; // run against the embedded simulator with the bundled scenario
    QString planOutput = QStringLiteral("text"); // text, json or yaml

    friend bool operator==(const OperatorConfig &, const OperatorConfig &) = default;
};

} // namespace Amo::Config
