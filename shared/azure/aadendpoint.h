// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/retrypolicy.h"

#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace Amo {
class Clock;
}

namespace Amo::Azure {

/** Where and how an Azure AD credential asks for tokens: {authorityHost}{tenantId}/oauth2/v2.0/token. */
struct AadEndpoint
{
    QNetworkAccessManager *nam = nullptr;
    const Clock *clock = nullptr;
    QUrl authorityHost; // ends with '/'
    QString tenantId;
    int timeoutMs = 10000; // short enough that a stalled Azure AD costs seconds, not the loop
    RetryPolicy retry; // token requests retry like ARM requests (5xx, 429, 408, connection errors)

    QUrl tokenUrl() const { return QUrl(authorityHost.toString() + tenantId + QStringLiteral("/oauth2/v2.0/token")); }
};

} // namespace Amo::Azure
