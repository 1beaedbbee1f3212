// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace Amo {

/** The User-Agent of every request the product sends, to Azure and to Kubernetes: "azure-msi-operator/VERSION". */
class UserAgent
{
public:
    static QByteArray value() { return QByteArrayLiteral("azure-msi-operator/" AMO_VERSION); }
};

} // namespace Amo
