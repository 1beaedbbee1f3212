// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/tokencredential.h"

#include <QUrl>

class QNetworkAccessManager;

namespace Amo {
class Clock;
}

namespace Amo::Azure {

/** Where the managed identity endpoint is and how patiently to ask it. */
struct ManagedIdentityOptions
{
    QString clientId; // a user-assigned identity by client id, or
    QString resourceId; // by ARM resource id; both empty: the system-assigned / only identity
    QUrl imdsHost = QUrl(QStringLiteral("http://169.254.169.254")); // AZURE_POD_IDENTITY_AUTHORITY_HOST
    QUrl appServiceEndpoint; // IDENTITY_ENDPOINT; set: App Service / Functions / Container Apps
    QByteArray appServiceHeader; // IDENTITY_HEADER (a secret: never logged)
    int probeTimeoutMs = 1000; // first IMDS request: no retries, short timeout
    int timeoutMs = 10000;
    int maxRetries = 4; // Microsoft's guidance: 5 attempts in all
    int retryDelayMs = 2000; // exponential: 2, 4, 8, 16 s …
    int maxRetryDelayMs = 60000;
};

/**
 * Managed identity through IMDS or the App Service endpoint. The first IMDS request is a probe with a
 * short timeout and no retries, so a machine without IMDS fails fast (Unavailable); once IMDS has
 * answered, requests follow Microsoft's retry guidance (404, 408, 410, 429 and 5xx, exponential backoff).
 */
class ManagedIdentityCredential final : public TokenCredential
{
    Q_OBJECT
public:
    ManagedIdentityCredential(QNetworkAccessManager *nam, const Clock &clock, const ManagedIdentityOptions &options,
                              QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("ManagedIdentityCredential"); }
    TokenJob *createJob(const QString &scope, QObject *parent) override;

    bool isAppService() const { return !m_options.appServiceEndpoint.isEmpty(); }
    /** The token URL for @p resource, with the identity selector and api-version. */
    QUrl tokenUrl(const QString &resource) const;

private:
    friend class ManagedIdentityJob;
    QNetworkAccessManager *m_nam;
    const Clock &m_clock;
    ManagedIdentityOptions m_options;
    bool m_imdsAnswered = false;
};

} // namespace Amo::Azure
