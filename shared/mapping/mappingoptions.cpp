// SPDX-License-Identifier: MIT
#include "shared/mapping/mappingoptions.h"

#include "shared/config/operatorconfig.h"

namespace Amo::Mapping {

MappingOptions MappingOptions::fromConfig(const Config::OperatorConfig &config)
{
    MappingOptions options;
    options.namespaceTemplate = config.azureIdentityTemplateNamespace;
    options.nameTemplate = config.azureIdentityTemplateResourceName;
    options.ignoredNamespaces = config.kubernetesNamespaceIgnore;
    options.labelFormat = config.kubernetesLabelFormat;
    options.namespaced = config.azureIdentityNamespaced;
    options.expiry = config.azureIdentityExpiry;
    options.expiryAnnotation = config.azureIdentityExpiryAnnotation;
    options.expiryDuration = config.azureIdentityExpiryDuration.toChrono();
    options.expiryTimeFormat = config.azureIdentityExpiryTimeFormat;
    return options;
}

} // namespace Amo::Mapping
