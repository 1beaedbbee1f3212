// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace Amo::Azure {

/** The User-Agent every Azure request carries: "azure-msi-operator/VERSION". */
class UserAgent
{
public:
    static QByteArray value() { return QByteArrayLiteral("azure-msi-operator/" AMO_VERSION); }
};

} // namespace Amo::Azure
