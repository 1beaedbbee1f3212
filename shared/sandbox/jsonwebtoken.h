// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace Amo::Sandbox {

/** A compact JWS (header.payload.signature) with RS256 and HS256 signing and checking via libcrypto / Qt. */
class JsonWebToken
{
public:
    static std::optional<JsonWebToken> parse(const QByteArray &compact);

    QJsonObject header() const { return m_header; }
    QJsonObject claims() const { return m_claims; }
    QString algorithm() const { return m_header.value(QStringLiteral("alg")).toString(); }
    QString stringClaim(const QString &name) const { return m_claims.value(name).toString(); }
    /** A NumericDate claim (seconds since the epoch), or -1 when absent. */
    qint64 timeClaim(const QString &name) const;

    /** Checks an RS256 signature with a PEM certificate ("CERTIFICATE") or public key ("PUBLIC KEY"). */
    bool verifyRs256(const QByteArray &pem) const;
    /** RS256 (PKCS#1 v1.5) or PS256 (PSS, salt as long as the SHA-256 digest, RFC 7518 3.5), per the header. */
    bool verifyRsa(const QByteArray &pem) const;
    bool verifyHs256(const QByteArray &secret) const;

    static QByteArray signRs256(const QJsonObject &header, const QJsonObject &claims, const QByteArray &privateKeyPem);
    static QByteArray signPs256(const QJsonObject &header, const QJsonObject &claims, const QByteArray &privateKeyPem);
    static QByteArray signHs256(const QJsonObject &header, const QJsonObject &claims, const QByteArray &secret);
    /** base64url(SHA-1(DER)) of a PEM certificate: the "x5t" header value. */
    static QByteArray thumbprint(const QByteArray &certificatePem);
    /** base64url(SHA-256(DER)): the "x5t#S256" header value. */
    static QByteArray thumbprintSha256(const QByteArray &certificatePem);
    static QByteArray base64Url(const QByteArray &data);

private:
    static QByteArray signRsa(const QJsonObject &header, const QJsonObject &claims, const QByteArray &privateKeyPem,
                              bool pss);

    QJsonObject m_header;
    QJsonObject m_claims;
    QByteArray m_signingInput;
    QByteArray m_signature;
};

} // namespace Amo::Sandbox
