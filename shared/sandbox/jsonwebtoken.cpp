// SPDX-License-Identifier: MIT
#include "shared/sandbox/jsonwebtoken.h"

#include "shared/util/rs256.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QSslCertificate>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

namespace Amo::Sandbox {

namespace {

struct KeyDeleter
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct MdDeleter
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using MdPtr = std::unique_ptr<EVP_MD_CTX, MdDeleter>;

std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    auto result
        = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}

KeyPtr publicKeyFromPem(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    KeyPtr key;
    if (pem.contains("CERTIFICATE")) {
        X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
        if (cert) {
            key.reset(X509_get_pubkey(cert));
            X509_free(cert);
        }
    } else {
        key.reset(PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr));
    }
    BIO_free(bio);
    return key;
}

QByteArray compactJson(const QJsonObject &o)
{
    return JsonWebToken::base64Url(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QByteArray JsonWebToken::base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<JsonWebToken> JsonWebToken::parse(const QByteArray &compact)
{
    const QList<QByteArray> parts = compact.trimmed().split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return std::nullopt;
    const auto header = fromBase64Url(parts[0]);
    const auto claims = fromBase64Url(parts[1]);
    const auto signature = fromBase64Url(parts[2]);
    if (!header || !claims || !signature)
        return std::nullopt;
    const QJsonDocument h = QJsonDocument::fromJson(*header);
    const QJsonDocument c = QJsonDocument::fromJson(*claims);
    if (!h.isObject() || !c.isObject())
        return std::nullopt;
    JsonWebToken t;
    t.m_header = h.object();
    t.m_claims = c.object();
    t.m_signingInput = parts[0] + '.' + parts[1];
    t.m_signature = *signature;
    return t;
}

qint64 JsonWebToken::timeClaim(const QString &name) const
{
    const QJsonValue v = m_claims.value(name);
    return v.isDouble() ? qint64(v.toDouble()) : -1;
}

bool JsonWebToken::verifyRs256(const QByteArray &pem) const
{
    if (algorithm() != QStringLiteral("RS256"))
        return false;
    KeyPtr key = publicKeyFromPem(pem);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return false;
    MdPtr ctx(EVP_MD_CTX_new());
    if (EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return false;
    return EVP_DigestVerify(
               ctx.get(), reinterpret_cast<const unsigned char *>(m_signature.constData()), size_t(m_signature.size()),
               reinterpret_cast<const unsigned char *>(m_signingInput.constData()), size_t(m_signingInput.size()))
        == 1;
}

bool JsonWebToken::verifyRsa(const QByteArray &pem) const
{
    const bool pss = algorithm() == QStringLiteral("PS256");
    if (!pss)
        return verifyRs256(pem);
    KeyPtr key = publicKeyFromPem(pem);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return false;
    MdPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    if (EVP_DigestVerifyInit(ctx.get(), &pctx, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1
        || EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1)
        return false;
    return EVP_DigestVerify(
               ctx.get(), reinterpret_cast<const unsigned char *>(m_signature.constData()), size_t(m_signature.size()),
               reinterpret_cast<const unsigned char *>(m_signingInput.constData()), size_t(m_signingInput.size()))
        == 1;
}

bool JsonWebToken::verifyHs256(const QByteArray &secret) const
{
    if (algorithm() != QStringLiteral("HS256"))
        return false;
    const QByteArray expected = QMessageAuthenticationCode::hash(m_signingInput, secret, QCryptographicHash::Sha256);
    // constant-time compare: tokens are secrets even in a simulator
    if (expected.size() != m_signature.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ m_signature[i]);
    return diff == 0;
}

QByteArray JsonWebToken::signRs256(const QJsonObject &header, const QJsonObject &claims,
                                   const QByteArray &privateKeyPem)
{
    return signRsa(header, claims, privateKeyPem, false);
}

QByteArray JsonWebToken::signPs256(const QJsonObject &header, const QJsonObject &claims,
                                   const QByteArray &privateKeyPem)
{
    return signRsa(header, claims, privateKeyPem, true);
}

QByteArray JsonWebToken::signRsa(const QJsonObject &header, const QJsonObject &claims, const QByteArray &privateKeyPem,
                                 bool pss)
{
    QJsonObject h = header;
    h.insert(QStringLiteral("alg"), pss ? QStringLiteral("PS256") : QStringLiteral("RS256"));
    if (!h.contains(QStringLiteral("typ")))
        h.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
    return Rs256::signWithPem(compactJson(h) + '.' + compactJson(claims), privateKeyPem,
                              pss ? Rs256::Padding::Pss : Rs256::Padding::Pkcs1v15);
}

QByteArray JsonWebToken::signHs256(const QJsonObject &header, const QJsonObject &claims, const QByteArray &secret)
{
    QJsonObject h = header;
    h.insert(QStringLiteral("alg"), QStringLiteral("HS256"));
    if (!h.contains(QStringLiteral("typ")))
        h.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
    const QByteArray input = compactJson(h) + '.' + compactJson(claims);
    return input + '.' + base64Url(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
}

QByteArray JsonWebToken::thumbprint(const QByteArray &certificatePem)
{
    const QSslCertificate cert(certificatePem, QSsl::Pem);
    return cert.isNull() ? QByteArray() : base64Url(cert.digest(QCryptographicHash::Sha1));
}

QByteArray JsonWebToken::thumbprintSha256(const QByteArray &certificatePem)
{
    const QSslCertificate cert(certificatePem, QSsl::Pem);
    return cert.isNull() ? QByteArray() : base64Url(cert.digest(QCryptographicHash::Sha256));
}

} // namespace Amo::Sandbox
