// SPDX-License-Identifier: MIT
#include "shared/azure/tokencache.h"

#include "shared/util/clock.h"
#include "shared/util/logger.h"

using namespace Qt::StringLiterals;

namespace Amo::Azure {

TokenCache::TokenCache(TokenCredential *credential, const Clock &clock, const Logger &logger, QObject *parent)
    : TokenCredential(parent)
    , m_credential(credential)
    , m_clock(clock)
    , m_logger(logger)
{
}

QString TokenCache::name() const
{
    return m_credential ? m_credential->name() : u"TokenCache"_s;
}

TokenJob *TokenCache::createJob(const QString &scope, QObject *parent)
{
    return new CachedTokenJob(this, scope, parent);
}

void TokenCache::invalidate(const QString &scope, const QByteArray &rejected)
{
    auto it = m_entries.find(scope);
    if (it != m_entries.end() && it->token.token == rejected)
        it->token = {};
}

void TokenCache::acquire(const QString &scope, CachedTokenJob *job)
{
    Entry &entry = m_entries[scope];
    const QDateTime now = m_clock.nowUtc();
    if (entry.token.isValidAt(now) && now < entry.token.refreshOn) {
        job->finishLater(TokenResult::success(name(), entry.token));
        return;
    }
    entry.waiters.append(job);
    if (entry.inFlight || !m_credential)
        return;
    entry.inFlight = true;
    ++m_requests;
    TokenJob *request = m_credential->createJob(scope, this);
    connect(request, &TokenJob::finished, this, [this, scope](const TokenResult &result) { onResult(scope, result); });
    request->start();
}

void TokenCache::onResult(const QString &scope, const TokenResult &result)
{
    Entry &entry = m_entries[scope];
    entry.inFlight = false;
    TokenResult delivered = result;
    if (result.ok()) {
        entry.token = result.token;
    } else if (entry.token.isValidAt(m_clock.nowUtc())) {
        m_logger.warning(u"Azure token refresh failed; using the current token until it expires"_s,
                         {{u"error"_s, result.error}, {u"expiresOn"_s, entry.token.expiresOn.toString(Qt::ISODate)}});
        delivered = TokenResult::success(name(), entry.token);
    }
    const QList<QPointer<CachedTokenJob>> waiters = std::exchange(entry.waiters, {});
    for (const QPointer<CachedTokenJob> &waiter : waiters) {
        if (waiter)
            waiter->finish(delivered);
    }
}

CachedTokenJob::CachedTokenJob(TokenCache *cache, const QString &scope, QObject *parent)
    : TokenJob(parent)
    , m_cache(cache)
    , m_scope(scope)
{
}

void CachedTokenJob::start()
{
    if (!m_cache) {
        finishLater(TokenResult::failure(u"TokenCache"_s, u"the token cache was destroyed"_s));
        return;
    }
    m_cache->acquire(m_scope, this);
}

} // namespace Amo::Azure
