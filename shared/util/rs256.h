// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

// libcrypto's key type, declared as <openssl/types.h> does, so that this header stays free of OpenSSL.
typedef struct evp_pkey_st EVP_PKEY;

namespace Amo {

/**
 * RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over a JWS signing input ("header.payload"), returning
 * the whole compact token: the one signer behind the client assertion and the simulator's tokens.
 * With Padding::Pss it signs PS256 instead (salt as long as the digest, RFC 7518 3.5), as
 * @azure/identity does for certificate credentials.
 */
class Rs256
{
public:
    enum class Padding { Pkcs1v15, Pss };

    /** The signed token, or empty when libcrypto cannot sign with @p key. */
    static QByteArray sign(const QByteArray &signingInput, EVP_PKEY *key, Padding padding = Padding::Pkcs1v15);
    /** The same with a PEM private key; empty when it cannot be read. */
    static QByteArray signWithPem(const QByteArray &signingInput, const QByteArray &privateKeyPem,
                                  Padding padding = Padding::Pkcs1v15);
};

} // namespace Amo
