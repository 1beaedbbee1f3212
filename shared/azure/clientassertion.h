// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>

namespace Amo::Azure {

/**
 * A client certificate and its RSA key, read from PEM or PKCS#12 with libcrypto, and the signed
 * JWT client assertion made from them: RS256, header x5t = base64url(SHA-1(DER certificate)).
 */
class ClientAssertion
{
public:
    ~ClientAssertion();
    ClientAssertion(ClientAssertion &&) noexcept;
    ClientAssertion &operator=(ClientAssertion &&) noexcept;

    /**
     * Reads @p path. PEM files hold the certificate and the (optionally encrypted) private key;
     * anything else is read as PKCS#12. Errors say "file not found", "certificate password wrong", …
     */
    static std::optional<ClientAssertion> load(const QString &path, const QByteArray &password, QString *error);

    /** base64url SHA-1 thumbprint of the certificate (the JWT "x5t"). */
    QByteArray x5t() const;
    /** The signed assertion: aud = token URL, iss = sub = client id, fresh jti, nbf = now, exp = now + 10 min. */
    QByteArray sign(const QString &clientId, const QString &audience, const QDateTime &now, QString *error) const;

private:
    struct Keys;
    explicit ClientAssertion(std::unique_ptr<Keys> keys);
    std::unique_ptr<Keys> d;
};

} // namespace Amo::Azure
