// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

#include <memory>

namespace Amo::Sandbox {

/** A certificate with its private key, as PEM. */
struct IssuedCertificate
{
    QByteArray certificatePem;
    QByteArray privateKeyPem; // PKCS#8, unencrypted
    QSslCertificate certificate() const { return QSslCertificate(certificatePem, QSsl::Pem); }
    QSslKey privateKey() const;
};

/**
 * A throw-away certificate authority made with libcrypto when the sandbox starts.
 * It issues the server certificate (127.0.0.1, localhost, ::1) and client certificates
 * whose CN and O become the Kubernetes user and groups.
 */
class CertificateAuthority
{
public:
    enum class KeyType { EcP256, Rsa2048 };

    explicit CertificateAuthority(const QString &commonName = QStringLiteral("azure-msi-sandbox CA"));
    ~CertificateAuthority();
    CertificateAuthority(const CertificateAuthority &) = delete;
    CertificateAuthority &operator=(const CertificateAuthority &) = delete;

    bool isValid() const { return !m_ca.certificatePem.isEmpty(); }
    const IssuedCertificate &authority() const { return m_ca; }

    IssuedCertificate issueServerCertificate() const;
    IssuedCertificate issueClientCertificate(const QString &commonName, const QStringList &organizations,
                                             KeyType keyType = KeyType::EcP256) const;
    /** True when the DER certificate was signed by this CA and is within its validity period. */
    bool verify(const QByteArray &certificateDer) const;

    /**
     * A CA the user brings (e.g. made with openssl): PEM certificate and its unencrypted PEM private key.
     * Null with *error when either does not parse or the key does not belong to the certificate.
     */
    static std::unique_ptr<CertificateAuthority> fromPem(const QByteArray &certificatePem,
                                                         const QByteArray &privateKeyPem, QString *error);

    /** A self-signed certificate, e.g. for an app registration's client-assertion key. */
    static IssuedCertificate selfSigned(const QString &commonName, KeyType keyType = KeyType::Rsa2048);

private:
    CertificateAuthority(std::nullptr_t);
    struct Impl;
    std::unique_ptr<Impl> d;
    IssuedCertificate m_ca;
};

} // namespace Amo::Sandbox
