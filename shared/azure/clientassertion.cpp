// SPDX-License-Identifier: MIT
#include "shared/azure/clientassertion.h"

#include "shared/util/boundedfile.h"
#include "shared/util/rs256.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

namespace {

struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
struct KeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct CertFree
{
    void operator()(X509 *c) const { X509_free(c); }
};
struct P12Free
{
    void operator()(PKCS12 *p) const { PKCS12_free(p); }
};

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::unique_ptr<BIO, BioFree> memoryBio(const QByteArray &data)
{
    return std::unique_ptr<BIO, BioFree>(BIO_new_mem_buf(data.constData(), int(data.size())));
}

} // namespace

struct ClientAssertion::Keys
{
    std::unique_ptr<EVP_PKEY, KeyFree> key;
    std::unique_ptr<X509, CertFree> certificate;
};

ClientAssertion::ClientAssertion(std::unique_ptr<Keys> keys)
    : d(std::move(keys))
{
}
ClientAssertion::~ClientAssertion() = default;
ClientAssertion::ClientAssertion(ClientAssertion &&) noexcept = default;
ClientAssertion &ClientAssertion::operator=(ClientAssertion &&) noexcept = default;

std::optional<ClientAssertion> ClientAssertion::load(const QString &path, const QByteArray &password, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        *error = u"certificate file %1 not found"_s.arg(path);
        return std::nullopt;
    }
    const Util::BoundedFile::Result read = Util::BoundedFile::read(path);
    if (!read.ok) {
        *error = u"cannot read certificate file: %1"_s.arg(read.error);
        return std::nullopt;
    }
    const QByteArray data = read.data;
    auto keys = std::make_unique<Keys>();
    ERR_clear_error();
    if (data.contains("-----BEGIN")) {
        auto bio = memoryBio(data);
        keys->certificate.reset(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        bio = memoryBio(data);
        // with a null callback OpenSSL takes the user data as the passphrase of an encrypted key
        QByteArray pass = password;
        keys->key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, pass.isEmpty() ? nullptr : pass.data()));
        if (!keys->certificate) {
            *error = u"certificate file %1 holds no PEM certificate"_s.arg(path);
            return std::nullopt;
        }
        if (!keys->key) {
            *error = data.contains("ENCRYPTED")
                ? u"cannot decrypt the private key in %1: certificate password wrong or missing"_s.arg(path)
                : u"certificate file %1 holds no PEM private key"_s.arg(path);
            return std::nullopt;
        }
    } else {
        auto bio = memoryBio(data);
        std::unique_ptr<PKCS12, P12Free> p12(d2i_PKCS12_bio(bio.get(), nullptr));
        if (!p12) {
            *error = u"certificate file %1 is neither PEM nor PKCS#12"_s.arg(path);
            return std::nullopt;
        }
        const QByteArray pass = password;
        if (!PKCS12_verify_mac(p12.get(), pass.constData(), int(pass.size()))
            && !(pass.isEmpty() && PKCS12_verify_mac(p12.get(), nullptr, 0))) {
            *error = u"cannot open PKCS#12 file %1: certificate password wrong"_s.arg(path);
            return std::nullopt;
        }
        EVP_PKEY *key = nullptr;
        X509 *cert = nullptr;
        if (!PKCS12_parse(p12.get(), pass.constData(), &key, &cert, nullptr)) {
            char buffer[256];
            ERR_error_string_n(ERR_get_error(), buffer, sizeof buffer);
            *error = u"cannot read PKCS#12 file %1: %2"_s.arg(path, QString::fromLatin1(buffer));
            return std::nullopt;
        }
        keys->key.reset(key);
        keys->certificate.reset(cert);
        if (!cert || !key) {
            *error = u"PKCS#12 file %1 lacks a certificate or a private key"_s.arg(path);
            return std::nullopt;
        }
    }
    if (EVP_PKEY_get_base_id(keys->key.get()) != EVP_PKEY_RSA) {
        *error = u"the private key in %1 is not an RSA key (RS256 client assertions need RSA)"_s.arg(path);
        return std::nullopt;
    }
    if (X509_check_private_key(keys->certificate.get(), keys->key.get()) != 1) {
        *error = u"the private key in %1 does not belong to its certificate"_s.arg(path);
        return std::nullopt;
    }
    return ClientAssertion(std::move(keys));
}

QByteArray ClientAssertion::x5t() const
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    X509_digest(d->certificate.get(), EVP_sha1(), digest, &length);
    return b64url(QByteArray(reinterpret_cast<const char *>(digest), length));
}

QByteArray ClientAssertion::sign(const QString &clientId, const QString &audience, const QDateTime &now,
                                 QString *error) const
{
    const qint64 t = now.toSecsSinceEpoch();
    const QJsonObject header {{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}, {u"x5t"_s, QString::fromLatin1(x5t())}};
    const QJsonObject claims {{u"aud"_s, audience}, {u"iss"_s, clientId},
                              {u"sub"_s, clientId}, {u"jti"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                              {u"nbf"_s, t},        {u"iat"_s, t},
                              {u"exp"_s, t + 600}};
    const QByteArray input = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray token = Rs256::sign(input, d->key.get());
    if (token.isEmpty())
        *error = u"cannot sign the client assertion"_s;
    return token;
}

} // namespace Amo::Azure
