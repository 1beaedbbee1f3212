// SPDX-License-Identifier: MIT
#pragma once

#include "shared/util/clock.h"

#include <QByteArray>
#include <QJsonObject>

namespace Amo::Sandbox {

/** Who a token is for and whom it names. */
struct TokenSubject
{
    QString tenantId;
    QString objectId; // oid: the principal ARM authorises
    QString appId; // client id of the calling app or managed identity
    QString audience;
    QString idType = QStringLiteral("app"); // "app" or "user"
    QString userName; // upn for user tokens
};

/** One access token and its times. */
struct IssuedToken
{
    QByteArray accessToken;
    QDateTime notBefore;
    QDateTime expiresOn;
    qint64 expiresIn = 0;
};

/**
 * Issues the sandbox's access tokens: JWT-shaped (HS256 with a per-run secret) and carrying
 * tid/oid/appid/aud like Azure AD's v1 tokens, so clients can read the tenant from them.
 * Times come from an injectable clock, so tests can let tokens expire without sleeping.
 */
class TokenIssuer
{
public:
    enum class Status { Valid, Malformed, BadSignature, Expired, NotYetValid };
    struct Validation
    {
        Status status = Status::Malformed;
        QJsonObject claims;
        QDateTime expiresOn;
    };

    explicit TokenIssuer(const Clock *clock = nullptr);

    void setClock(const Clock *clock) { m_clock = clock ? clock : &Clock::system(); }
    const Clock &clock() const { return *m_clock; }
    void setLifetimeSeconds(int seconds) { m_lifetimeSeconds = seconds; }
    int lifetimeSeconds() const { return m_lifetimeSeconds; }

    IssuedToken issue(const TokenSubject &subject) const;
    Validation validate(const QByteArray &token) const;

private:
    const Clock *m_clock;
    QByteArray m_secret;
    int m_lifetimeSeconds = 3599;
};

} // namespace Amo::Sandbox
