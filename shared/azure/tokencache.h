// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/tokencredential.h"

#include <QHash>
#include <QPointer>

namespace Amo {
class Clock;
class Logger;
} // namespace Amo

namespace Amo::Azure {

class CachedTokenJob;

/**
 * Caches tokens per scope in front of another credential. A token is reused until its refresh
 * time (AccessToken::refreshTime); concurrent callers share one request to the credential. If a
 * refresh fails while the old token is still valid, the old token is handed out and a warning logged.
 */
class TokenCache final : public TokenCredential
{
    Q_OBJECT
public:
    /** Does not take ownership of @p credential. */
    TokenCache(TokenCredential *credential, const Clock &clock, const Logger &logger, QObject *parent = nullptr);
    QString name() const override;
    TokenJob *createJob(const QString &scope, QObject *parent) override;

    /** ARM refused @p rejected: forget it, unless a newer token already replaced it. */
    void invalidate(const QString &scope, const QByteArray &rejected);
    /** Requests sent to the underlying credential so far. */
    int credentialRequests() const { return m_requests; }

private:
    friend class CachedTokenJob;
    void acquire(const QString &scope, CachedTokenJob *job);
    void onResult(const QString &scope, const TokenResult &result);

    struct Entry
    {
        AccessToken token;
        bool inFlight = false;
        QList<QPointer<CachedTokenJob>> waiters;
    };

    QPointer<TokenCredential> m_credential;
    const Clock &m_clock;
    const Logger &m_logger;
    QHash<QString, Entry> m_entries;
    int m_requests = 0;
};

/** A token request answered from a TokenCache. */
class CachedTokenJob final : public TokenJob
{
    Q_OBJECT
public:
    CachedTokenJob(TokenCache *cache, const QString &scope, QObject *parent);
    void start() override;

private:
    friend class TokenCache;
    QPointer<TokenCache> m_cache;
    QString m_scope;
};

} // namespace Amo::Azure
