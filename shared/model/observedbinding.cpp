// SPDX-License-Identifier: MIT
#include "shared/model/observedbinding.h"

#include "shared/model/stringpool.h"

using namespace Qt::StringLiterals;

namespace Amo::Model {

ObservedBinding ObservedBinding::fromJson(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(u"metadata"_s).toObject();
    const QJsonObject spec = object.value(u"spec"_s).toObject();
    ObservedBinding binding;
    binding.namespaceName = StringPool::intern(metadata.value(u"namespace"_s).toString());
    binding.name = metadata.value(u"name"_s).toString();
    binding.uid = metadata.value(u"uid"_s).toString();
    binding.resourceVersion = metadata.value(u"resourceVersion"_s).toString();
    binding.labels = StringPool::stringMap(metadata.value(u"labels"_s).toObject());
    binding.azureIdentity = StringPool::intern(spec.value(u"azureIdentity"_s).toString());
    binding.selector = spec.value(u"selector"_s).toString();
    return binding;
}

} // namespace Amo::Model
