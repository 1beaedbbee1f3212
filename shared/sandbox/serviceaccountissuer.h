// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Amo::Sandbox {

/** What a projected ServiceAccount token is for, as the TokenRequest API takes it. */
struct ServiceAccountTokenRequest
{
    QString ns;
    QString serviceAccount;
    QString serviceAccountUid; // kubernetes.io.serviceaccount.uid; optional
    QStringList audiences {QStringLiteral("api://AzureADTokenExchange")};
    qint64 expirationSeconds = 3600;
    QString podName; // a bound pod, optional
    QString podUid;
};

/**
 * The simulated cluster's service-account token issuer, as kube-apiserver runs it with
 * --service-account-issuer and --service-account-signing-key-file: an RSA key, the OIDC discovery
 * document and JWKS it publishes, and RS256 projected tokens signed with it.
 */
class ServiceAccountIssuer
{
public:
    /** kubeadm's (and kind's) --service-account-issuer; kube-apiserver itself has no default. */
    static QString defaultIssuer() { return QStringLiteral("https://kubernetes.default.svc.cluster.local"); }

    /**
     * @p privateKeyPem empty: one 2048-bit key generated per process, shared by every sandbox in it.
     * Returns an error text, empty on success.
     */
    QString configure(const QString &issuer, const QByteArray &privateKeyPem = {});

    QString issuer() const { return m_issuer; }
    /** base64url(SHA-256(DER public key)), as kube-apiserver derives the kid. */
    QString keyId() const { return m_keyId; }
    QByteArray publicKeyPem() const { return m_publicKeyPem; }
    QByteArray privateKeyPem() const { return m_privateKeyPem; }

    /** GET /.well-known/openid-configuration. */
    QJsonObject openIdConfiguration(const QString &jwksUri) const;
    /** GET /openid/v1/jwks. */
    QJsonObject jwks() const { return m_jwks; }
    /** A signed projected token; @p nowSeconds is the issue time (seconds since the epoch). */
    QByteArray mint(const ServiceAccountTokenRequest &request, qint64 nowSeconds) const;

private:
    QString m_issuer;
    QString m_keyId;
    QByteArray m_publicKeyPem;
    QByteArray m_privateKeyPem;
    QJsonObject m_jwks;
};

} // namespace Amo::Sandbox
