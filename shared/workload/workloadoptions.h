// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Amo::Config {
struct OperatorConfig;
}

namespace Amo::Workload {

/** The --workloadidentity.* settings. */
struct WorkloadOptions
{
    QString serviceAccountTemplate = QStringLiteral("{{ .Name }}");
    QString credentialNameTemplate; // empty: CredentialName::build
    QString clusterName; // part of the default credential name
    QString issuer; // the cluster's service-account issuer (given or discovered)
    bool tenantAnnotation = false; // also write azure.workload.identity/tenant-id
    int credentialCap = 20; // federated credentials Azure allows per identity

    static WorkloadOptions fromConfig(const Config::OperatorConfig &config);
};

} // namespace Amo::Workload
