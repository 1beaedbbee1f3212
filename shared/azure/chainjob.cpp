// SPDX-License-Identifier: MIT
#include "shared/azure/chainjob.h"

#include "shared/azure/chainedtokencredential.h"
#include "shared/util/logger.h"

using namespace Qt::StringLiterals;

namespace Amo::Azure {

ChainJob::ChainJob(ChainedTokenCredential *chain, const QString &scope, QObject *parent)
    : TokenJob(parent)
    , m_chain(chain)
    , m_scope(scope)
{
}

void ChainJob::start()
{
    tryNext();
}

void ChainJob::tryNext()
{
    if (!m_chain) {
        finishLater(TokenResult::failure(u"ChainedTokenCredential"_s, u"the credential was destroyed"_s));
        return;
    }
    if (m_index >= m_chain->m_credentials.size()) {
        const QString why = m_chain->m_credentials.isEmpty()
            ? u"no Azure credential is configured"_s
            : u"no Azure credential is available (tried in order: %1)"_s.arg(m_unavailable.join(u"; "_s));
        finishLater(TokenResult::failure(u"ChainedTokenCredential"_s, why));
        return;
    }
    TokenCredential *credential = m_chain->m_credentials.at(m_index++);
    TokenJob *job = credential->createJob(m_scope, this);
    connect(job, &TokenJob::finished, this, [this, credential](const TokenResult &result) {
        switch (result.status) {
        case TokenResult::Status::Ok:
            if (m_chain)
                m_chain->select(credential);
            finish(result);
            return;
        case TokenResult::Status::Unavailable:
            if (m_chain)
                m_chain->m_logger.debug(u"Azure credential unavailable"_s, {{u"reason"_s, result.error}});
            m_unavailable.append(result.error);
            tryNext();
            return;
        case TokenResult::Status::Failed: {
            // as azidentity: a credential that is set up but fails ends the chain; say what came before it
            TokenResult failed = result;
            if (!m_unavailable.isEmpty())
                failed.error += u" (tried before: %1)"_s.arg(m_unavailable.join(u"; "_s));
            finish(failed);
            return;
        }
        }
    });
    job->start();
}

} // namespace Amo::Azure
