// SPDX-License-Identifier: MIT
#include "shared/workload/workloadoptions.h"

#include "shared/config/operatorconfig.h"

namespace Amo::Workload {

WorkloadOptions WorkloadOptions::fromConfig(const Config::OperatorConfig &config)
{
    WorkloadOptions options;
    options.serviceAccountTemplate = config.workloadIdentityTemplateServiceAccount;
    options.credentialNameTemplate = config.workloadIdentityTemplateCredentialName;
    options.clusterName = config.workloadIdentityClusterName;
    options.issuer = config.workloadIdentityIssuer;
    options.tenantAnnotation = config.workloadIdentityTenantAnnotation;
    return options;
}

} // namespace Amo::Workload
