// SPDX-License-Identifier: MIT
#pragma once

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
    int timeoutMs = 10000;

    QUrl tokenUrl() const { return QUrl(authorityHost.toString() + tenantId + QStringLiteral("/oauth2/v2.0/token")); }
};

} // namespace Amo::Azure
