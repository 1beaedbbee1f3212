// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/armresponse.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

namespace Amo::Azure {

class ArmClient;
struct HttpResult;
struct TokenResult;

/**
 * One ARM request (GET, or an idempotent PUT) with token, retries and the one-time token refresh after
 * a 401; emits finished() once.
 */
class ArmRequestJob : public QObject
{
    Q_OBJECT
public:
    ArmRequestJob(ArmClient *client, const QUrl &url, QObject *parent);
    /** A PUT of @p body (JSON); PUT replaces, so a retry after a lost answer is safe. */
    ArmRequestJob(ArmClient *client, const QByteArray &method, const QUrl &url, const QByteArray &body,
                  QObject *parent);
    void start();
    const QUrl &url() const { return m_url; }

Q_SIGNALS:
    void finished(const Amo::Azure::ArmResponse &response);

private:
    void attempt();
    void onToken(const TokenResult &result);
    void onAnswer(const HttpResult &http);
    void retryAfter(qint64 ms, const QString &why);
    void done(const ArmResponse &response);

    QPointer<ArmClient> m_client;
    QUrl m_url;
    QByteArray m_method = QByteArrayLiteral("GET");
    QByteArray m_body;
    QByteArray m_token;
    int m_retries = 0;
    int m_attempts = 0;
    bool m_refreshedToken = false;
};

} // namespace Amo::Azure
