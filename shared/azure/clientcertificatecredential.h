// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/aadendpoint.h"
#include "shared/azure/tokencredential.h"

namespace Amo::Azure {

/**
 * A service principal with a certificate (PEM or PKCS#12). Each token request reads the file and
 * sends a freshly signed RS256 client assertion, as the Azure SDKs do; a renewed file is picked up.
 */
class ClientCertificateCredential final : public TokenCredential
{
    Q_OBJECT
public:
    ClientCertificateCredential(const AadEndpoint &endpoint, const QString &clientId, const QString &path,
                                const QByteArray &password, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("ClientCertificateCredential"); }
    TokenJob *createJob(const QString &scope, QObject *parent) override;

private:
    AadEndpoint m_endpoint;
    QString m_clientId;
    QString m_path;
    QByteArray m_password;
};

} // namespace Amo::Azure
