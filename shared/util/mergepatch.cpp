// SPDX-License-Identifier: MIT
#include "shared/util/mergepatch.h"

namespace Amo {

QJsonObject MergePatch::apply(const QJsonObject &target, const QJsonObject &patch)
{
    QJsonObject result = target;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else if (it.value().isObject())
            result.insert(it.key(), apply(result.value(it.key()).toObject(), it.value().toObject()));
        else
            result.insert(it.key(), it.value());
    }
    return result;
}

} // namespace Amo
