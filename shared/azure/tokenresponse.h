// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/httpjob.h"
#include "shared/azure/tokenresult.h"

#include <QJsonObject>

namespace Amo {
class Clock;
}

namespace Amo::Azure {

/** Reads token endpoint answers (Azure AD v1/v2, IMDS, App Service, Azure CLI) into TokenResults. */
class TokenResponse
{
public:
    /** A 200 with access_token becomes Ok; anything else Failed, with AAD's code and description. */
    static TokenResult fromHttp(const HttpResult &http, const QString &credential, const Clock &clock);
    /** Reads access_token / accessToken and the expiry fields of one JSON answer. */
    static TokenResult fromJson(const QJsonObject &json, const QString &credential, const Clock &clock);
    /** "AADSTS700016: Application … not found" from AAD's error body, or "<error>: <description>". */
    static QString errorMessage(const QJsonObject &json);
    /** expires_on as epoch seconds (number or string), RFC 3339, or App Service's "M/d/yyyy h:mm:ss AP +00:00". */
    static QDateTime parseExpiresOn(const QJsonValue &value);
};

} // namespace Amo::Azure
