// SPDX-License-Identifier: MIT
#include "cachedmeta.h"

using namespace Qt::StringLiterals;

namespace Amo::Kube {

StringMap CachedMeta::stringMap(const QJsonObject &map)
{
    StringMap out;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

CachedMeta CachedMeta::fromJson(const QJsonObject &object)
{
    const QJsonObject m = object.value(u"metadata"_s).toObject();
    return CachedMeta {m.value(u"name"_s).toString(), m.value(u"namespace"_s).toString(), m.value(u"uid"_s).toString(),
                       m.value(u"resourceVersion"_s).toString(), stringMap(m.value(u"labels"_s).toObject())};
}

} // namespace Amo::Kube
