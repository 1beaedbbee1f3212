// SPDX-License-Identifier: MIT
#include "shared/sandbox/serviceaccountissuer.h"

#include "shared/sandbox/jsonwebtoken.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QUuid>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

struct KeyDeleter
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;

QByteArray bioText(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray out(data, int(size));
    BIO_free(bio);
    return out;
}

QByteArray privatePem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioText(bio);
}

// Generating an RSA key takes a while; tests start many sandboxes, so a process makes one.
const QByteArray &processKeyPem()
{
    static const QByteArray pem = [] {
        KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t {2048}));
        return key ? privatePem(key.get()) : QByteArray();
    }();
    return pem;
}

QByteArray bigNumber(const EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (!EVP_PKEY_get_bn_param(key, name, &bn))
        return {};
    QByteArray out(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    BN_free(bn);
    return out;
}

} // namespace

QString ServiceAccountIssuer::configure(const QString &issuer, const QByteArray &privateKeyPem)
{
    const QByteArray pem = privateKeyPem.isEmpty() ? processKeyPem() : privateKeyPem;
    BIO *in = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    KeyPtr key(PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr));
    BIO_free(in);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return u"serviceAccountSigningKey is not a PEM RSA private key"_s;

    unsigned char *der = nullptr;
    const int derSize = i2d_PUBKEY(key.get(), &der);
    if (derSize <= 0)
        return u"cannot encode the service-account public key"_s;
    const QByteArray publicDer(reinterpret_cast<const char *>(der), derSize);
    OPENSSL_free(der);
    BIO *out = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(out, key.get());

    m_issuer = issuer;
    m_privateKeyPem = pem;
    m_publicKeyPem = bioText(out);
    m_keyId
        = QString::fromLatin1(JsonWebToken::base64Url(QCryptographicHash::hash(publicDer, QCryptographicHash::Sha256)));
    const QJsonObject jwk {
        {u"use"_s, u"sig"_s},
        {u"kty"_s, u"RSA"_s},
        {u"kid"_s, m_keyId},
        {u"alg"_s, u"RS256"_s},
        {u"n"_s, QString::fromLatin1(JsonWebToken::base64Url(bigNumber(key.get(), OSSL_PKEY_PARAM_RSA_N)))},
        {u"e"_s, QString::fromLatin1(JsonWebToken::base64Url(bigNumber(key.get(), OSSL_PKEY_PARAM_RSA_E)))}};
    m_jwks = QJsonObject {{u"keys"_s, QJsonArray {jwk}}};
    return {};
}

QJsonObject ServiceAccountIssuer::openIdConfiguration(const QString &jwksUri) const
{
    // the fields and values pkg/serviceaccount/openidmetadata.go serves
    return QJsonObject {{u"issuer"_s, m_issuer},
                        {u"jwks_uri"_s, jwksUri},
                        {u"response_types_supported"_s, QJsonArray {u"id_token"_s}},
                        {u"subject_types_supported"_s, QJsonArray {u"public"_s}},
                        {u"id_token_signing_alg_values_supported"_s, QJsonArray {u"RS256"_s}}};
}

QByteArray ServiceAccountIssuer::mint(const ServiceAccountTokenRequest &request, qint64 nowSeconds) const
{
    QJsonObject serviceAccount {{u"name"_s, request.serviceAccount}};
    if (!request.serviceAccountUid.isEmpty())
        serviceAccount.insert(u"uid"_s, request.serviceAccountUid);
    QJsonObject kubernetes {{u"namespace"_s, request.ns}, {u"serviceaccount"_s, serviceAccount}};
    if (!request.podName.isEmpty())
        kubernetes.insert(u"pod"_s, QJsonObject {{u"name"_s, request.podName}, {u"uid"_s, request.podUid}});
    QJsonArray audiences;
    for (const QString &a : request.audiences)
        audiences.append(a);
    const QJsonObject claims {{u"aud"_s, audiences},
                              {u"exp"_s, nowSeconds + request.expirationSeconds},
                              {u"iat"_s, nowSeconds},
                              {u"iss"_s, m_issuer},
                              {u"jti"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                              {u"kubernetes.io"_s, kubernetes},
                              {u"nbf"_s, nowSeconds},
                              {u"sub"_s, u"system:serviceaccount:%1:%2"_s.arg(request.ns, request.serviceAccount)}};
    return JsonWebToken::signRs256(QJsonObject {{u"kid"_s, m_keyId}}, claims, m_privateKeyPem);
}

} // namespace Amo::Sandbox
