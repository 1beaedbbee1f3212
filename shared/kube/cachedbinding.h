// SPDX-License-Identifier: MIT
#pragma once

#include "cachedmeta.h"

namespace Amo::Kube {

/** An AzureIdentityBinding as the re-pointing logic needs it: labels, spec.azureIdentity and spec.selector. */
struct CachedBinding
{
    CachedMeta meta;
    QString azureIdentity;
    QString selector;

    static CachedBinding fromJson(const QJsonObject &object);
    bool operator==(const CachedBinding &other) const = default;
};

} // namespace Amo::Kube
