// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QSslCertificate>
#include <QSslKey>

namespace Amo::Kube {

/** What one request presents: an Authorization header value and/or a client certificate. */
struct Credentials
{
    QByteArray authorization; // "Bearer …" or "Basic …"; empty: none
    QSslCertificate certificate;
    QSslKey key;
    QDateTime expiry; // invalid: until the server answers 401

    /** A PEM private key of any type Qt reads (RSA, EC; PKCS#1, SEC1 or PKCS#8). */
    static QSslKey keyFromPem(const QByteArray &pem)
    {
        for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
            QSslKey key(pem, algorithm, QSsl::Pem);
            if (!key.isNull())
                return key;
        }
        return {};
    }
};

} // namespace Amo::Kube
