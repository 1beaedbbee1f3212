// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Amo::Azure {

/** A bearer token and its lifetime. Never log `token`. */
struct AccessToken
{
    QByteArray token;
    QDateTime expiresOn;
    QDateTime refreshOn; // when a cache should fetch a new one although this one is still valid
    QString tenantId; // the token's tid claim, empty if it is not a JWT

    bool isValidAt(const QDateTime &now) const { return !token.isEmpty() && now < expiresOn; }

    /**
     * Refresh point for a token obtained at @p issued: half-life for tokens of two hours or more
     * (as the C++ SDK does), else five minutes before expiry but never earlier than half-life.
     */
    static QDateTime refreshTime(const QDateTime &issued, const QDateTime &expiresOn);
    /** The tid claim of a JWT access token, or an empty string. */
    static QString tenantOf(const QByteArray &jwt);
};

} // namespace Amo::Azure
