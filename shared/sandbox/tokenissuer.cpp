// SPDX-License-Identifier: MIT
#include "shared/sandbox/tokenissuer.h"

#include "shared/sandbox/jsonwebtoken.h"

#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

TokenIssuer::TokenIssuer(const Clock *clock)
    : m_clock(clock ? clock : &Clock::system())
{
    m_secret.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_secret.data()), 8);
}

IssuedToken TokenIssuer::issue(const TokenSubject &subject) const
{
    const QDateTime now = m_clock->nowUtc();
    const qint64 iat = now.toSecsSinceEpoch();
    const qint64 exp = iat + m_lifetimeSeconds;
    QJsonObject claims {{u"aud"_s, subject.audience},
                        {u"iss"_s, u"https://sts.windows.net/%1/"_s.arg(subject.tenantId)},
                        {u"iat"_s, iat},
                        {u"nbf"_s, iat},
                        {u"exp"_s, exp},
                        {u"appid"_s, subject.appId},
                        {u"idtyp"_s, subject.idType},
                        {u"oid"_s, subject.objectId},
                        {u"sub"_s, subject.objectId},
                        {u"tid"_s, subject.tenantId},
                        {u"uti"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                        {u"ver"_s, u"1.0"_s}};
    if (!subject.userName.isEmpty())
        claims.insert(u"upn"_s, subject.userName);
    const QJsonObject header {{u"typ"_s, u"JWT"_s}, {u"kid"_s, u"sandbox"_s}};
    return IssuedToken {JsonWebToken::signHs256(header, claims, m_secret), now,
                        QDateTime::fromSecsSinceEpoch(exp, Qt::UTC), m_lifetimeSeconds};
}

TokenIssuer::Validation TokenIssuer::validate(const QByteArray &token) const
{
    Validation v;
    const auto jwt = JsonWebToken::parse(token);
    if (!jwt)
        return v;
    v.claims = jwt->claims();
    v.expiresOn = QDateTime::fromSecsSinceEpoch(jwt->timeClaim(u"exp"_s), Qt::UTC);
    if (!jwt->verifyHs256(m_secret)) {
        v.status = Status::BadSignature;
        return v;
    }
    const qint64 now = m_clock->nowUtc().toSecsSinceEpoch();
    if (jwt->timeClaim(u"nbf"_s) > now + 300)
        v.status = Status::NotYetValid;
    else if (jwt->timeClaim(u"exp"_s) <= now)
        v.status = Status::Expired;
    else
        v.status = Status::Valid;
    return v;
}

} // namespace Amo::Sandbox
