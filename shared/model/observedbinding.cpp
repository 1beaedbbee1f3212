// SPDX-License-Identifier: MIT
#include "shared/model/observedbinding.h"

using namespace Qt::StringLiterals;

namespace Amo::Model {

ObservedBinding ObservedBinding::fromJson(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(u"metadata"_s).toObject();
    const QJsonObject spec = object.value(u"spec"_s).toObject();
    ObservedBinding binding;
    binding.namespaceName = metadata.value(u"namespace"_s).toString();
    binding.name = metadata.value(u"name"_s).toString();
    binding.uid = metadata.value(u"uid"_s).toString();
    binding.resourceVersion = metadata.value(u"resourceVersion"_s).toString();
    const QJsonObject labels = metadata.value(u"labels"_s).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        binding.labels.insert(it.key(), it.value().toString());
    binding.azureIdentity = spec.value(u"azureIdentity"_s).toString();
    binding.selector = spec.value(u"selector"_s).toString();
    return binding;
}

} // namespace Amo::Model
