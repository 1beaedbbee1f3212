// SPDX-License-Identifier: MIT
#include "shared/sync/planneroptions.h"

#include "shared/config/operatorconfig.h"

namespace Amo::Sync {

PlannerOptions PlannerOptions::fromConfig(const Config::OperatorConfig &config)
{
    PlannerOptions options;
    options.labelFormat = config.kubernetesLabelFormat;
    options.renewalThreshold = config.azureIdentityExpiryRenew;
    options.namespaced = config.azureIdentityNamespaced;
    options.expiry = config.azureIdentityExpiry;
    options.expiryAnnotation = config.azureIdentityExpiryAnnotation;
    options.expiryDuration = config.azureIdentityExpiryDuration.toChrono();
    options.expiryTimeFormat = config.azureIdentityExpiryTimeFormat;
    options.bindingSync = config.azureIdentityBindingSync;
    options.namespaceSelector = config.kubernetesNamespaceSelector;
    return options;
}

} // namespace Amo::Sync
