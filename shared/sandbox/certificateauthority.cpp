// SPDX-License-Identifier: MIT
#include "shared/sandbox/certificateauthority.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

struct KeyDeleter
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct CertDeleter
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct BioDeleter
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using CertPtr = std::unique_ptr<X509, CertDeleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

KeyPtr generateKey(CertificateAuthority::KeyType type)
{
    if (type == CertificateAuthority::KeyType::Rsa2048)
        return KeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t {2048}));
    return KeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data);
    return QByteArray(data, size);
}

QByteArray toPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioContents(bio.get());
}

QByteArray toPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioContents(bio.get());
}

void addName(X509_NAME *name, const char *field, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(utf8.constData()),
                               int(utf8.size()), -1, 0);
}

void addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (ext) {
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
    }
}

struct Subject
{
    QString commonName;
    QStringList organizations;
};

// Builds and signs one certificate; issuer == nullptr makes it self-signed.
CertPtr makeCertificate(EVP_PKEY *key, const Subject &subject, X509 *issuer, int days)
{
    CertPtr cert(X509_new());
    X509_set_version(cert.get(), X509_VERSION_3);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f; // keep the serial positive
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    // backdate a little so clients with a slightly different clock accept it
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(days) * 86400);
    X509_NAME *name = X509_get_subject_name(cert.get());
    for (const QString &o : subject.organizations)
        addName(name, "O", o);
    addName(name, "CN", subject.commonName);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
    X509_set_pubkey(cert.get(), key);
    X509 *signer = issuer ? issuer : cert.get();
    addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
    if (issuer)
        addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    return cert;
}

bool sign(X509 *cert, EVP_PKEY *key)
{
    return X509_sign(cert, key, EVP_sha256()) > 0;
}

} // namespace

QSslKey IssuedCertificate::privateKey() const
{
    QSslKey key(privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(privateKeyPem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    return key;
}

struct CertificateAuthority::Impl
{
    KeyPtr key;
    CertPtr cert;

    IssuedCertificate issue(const Subject &subject, KeyType type, const char *extendedUsage, const char *altNames) const
    {
        KeyPtr leafKey = generateKey(type);
        CertPtr leaf = makeCertificate(leafKey.get(), subject, cert.get(), 825);
        addExtension(leaf.get(), cert.get(), NID_basic_constraints, "critical,CA:FALSE");
        addExtension(leaf.get(), cert.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment");
        addExtension(leaf.get(), cert.get(), NID_ext_key_usage, extendedUsage);
        if (altNames)
            addExtension(leaf.get(), cert.get(), NID_subject_alt_name, altNames);
        if (!sign(leaf.get(), key.get()))
            return {};
        return IssuedCertificate {toPem(leaf.get()), toPem(leafKey.get())};
    }
};

CertificateAuthority::CertificateAuthority(const QString &commonName)
    : d(std::make_unique<Impl>())
{
    d->key = generateKey(KeyType::EcP256);
    if (!d->key)
        return;
    d->cert = makeCertificate(d->key.get(), Subject {commonName, {u"azure-msi-sandbox"_s}}, nullptr, 3650);
    addExtension(d->cert.get(), d->cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    addExtension(d->cert.get(), d->cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
    if (!sign(d->cert.get(), d->key.get()))
        return;
    m_ca = IssuedCertificate {toPem(d->cert.get()), toPem(d->key.get())};
}

CertificateAuthority::CertificateAuthority(std::nullptr_t)
    : d(std::make_unique<Impl>())
{
}

CertificateAuthority::~CertificateAuthority() = default;

std::unique_ptr<CertificateAuthority> CertificateAuthority::fromPem(const QByteArray &certificatePem,
                                                                    const QByteArray &privateKeyPem, QString *error)
{
    std::unique_ptr<CertificateAuthority> ca(new CertificateAuthority(nullptr));
    BioPtr certBio(BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
    ca->d->cert.reset(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
    if (!ca->d->cert) {
        *error = u"the CA certificate is not a PEM certificate"_s;
        return nullptr;
    }
    BioPtr keyBio(BIO_new_mem_buf(privateKeyPem.constData(), int(privateKeyPem.size())));
    ca->d->key.reset(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    if (!ca->d->key) {
        *error = u"the CA key is not an unencrypted PEM private key"_s;
        return nullptr;
    }
    if (X509_check_private_key(ca->d->cert.get(), ca->d->key.get()) != 1) {
        *error = u"the CA key does not belong to the CA certificate"_s;
        return nullptr;
    }
    ca->m_ca = IssuedCertificate {toPem(ca->d->cert.get()), toPem(ca->d->key.get())};
    return ca;
}

IssuedCertificate CertificateAuthority::issueServerCertificate() const
{
    return d->issue(Subject {u"azure-msi-sandbox"_s, {}}, KeyType::EcP256, "serverAuth",
                    "DNS:localhost,IP:127.0.0.1,IP:::1");
}

IssuedCertificate CertificateAuthority::issueClientCertificate(const QString &commonName,
                                                               const QStringList &organizations, KeyType keyType) const
{
    return d->issue(Subject {commonName, organizations}, keyType, "clientAuth", nullptr);
}

bool CertificateAuthority::verify(const QByteArray &certificateDer) const
{
    const auto *p = reinterpret_cast<const unsigned char *>(certificateDer.constData());
    CertPtr cert(d2i_X509(nullptr, &p, long(certificateDer.size())));
    if (!cert || !d->cert)
        return false;
    if (X509_NAME_cmp(X509_get_issuer_name(cert.get()), X509_get_subject_name(d->cert.get())) != 0)
        return false;
    if (X509_verify(cert.get(), d->key.get()) != 1)
        return false;
    return X509_cmp_current_time(X509_get0_notBefore(cert.get())) < 0
        && X509_cmp_current_time(X509_get0_notAfter(cert.get())) > 0;
}

IssuedCertificate CertificateAuthority::selfSigned(const QString &commonName, KeyType keyType)
{
    KeyPtr key = generateKey(keyType);
    if (!key)
        return {};
    CertPtr cert = makeCertificate(key.get(), Subject {commonName, {}}, nullptr, 365);
    addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    if (!sign(cert.get(), key.get()))
        return {};
    return IssuedCertificate {toPem(cert.get()), toPem(key.get())};
}

} // namespace Amo::Sandbox
