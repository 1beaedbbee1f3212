// SPDX-License-Identifier: MIT
#include "shared/util/rs256.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

namespace Amo {

namespace {

struct KeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct MdFree
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};

} // namespace

QByteArray Rs256::sign(const QByteArray &signingInput, EVP_PKEY *key, Padding padding)
{
    if (!key)
        return {};
    const auto *data = reinterpret_cast<const unsigned char *>(signingInput.constData());
    const auto size = size_t(signingInput.size());
    std::unique_ptr<EVP_MD_CTX, MdFree> ctx(EVP_MD_CTX_new());
    size_t length = 0;
    EVP_PKEY_CTX *keyContext = nullptr; // owned by ctx
    if (EVP_DigestSignInit(ctx.get(), &keyContext, EVP_sha256(), nullptr, key) != 1
        || (padding == Padding::Pss
            && (EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) != 1
                || EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST) != 1))
        || EVP_DigestSign(ctx.get(), nullptr, &length, data, size) != 1)
        return {};
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, data, size) != 1)
        return {};
    signature.resize(qsizetype(length));
    QByteArray token = signingInput;
    token += '.';
    token += signature.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return token;
}

QByteArray Rs256::signWithPem(const QByteArray &signingInput, const QByteArray &privateKeyPem, Padding padding)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(privateKeyPem.constData(), int(privateKeyPem.size())));
    std::unique_ptr<EVP_PKEY, KeyFree> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    return sign(signingInput, key.get(), padding);
}

} // namespace Amo
