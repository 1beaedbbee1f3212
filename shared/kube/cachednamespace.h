// SPDX-License-Identifier: MIT
#pragma once

#include "cachedmeta.h"

namespace Amo::Kube {

/** A Namespace as the planner needs it: name, labels and whether it is Active or Terminating. */
struct CachedNamespace
{
    CachedMeta meta;
    QString phase;

    static CachedNamespace fromJson(const QJsonObject &object);
    bool operator==(const CachedNamespace &other) const = default;
};

} // namespace Amo::Kube
