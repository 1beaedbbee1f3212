// SPDX-License-Identifier: MIT
#include "shared/azure/chainedtokencredential.h"

#include "shared/azure/chainjob.h"
#include "shared/util/logger.h"

using namespace Qt::StringLiterals;

namespace Amo::Azure {

ChainedTokenCredential::ChainedTokenCredential(const QList<TokenCredential *> &credentials, const Logger &logger,
                                               QObject *parent)
    : TokenCredential(parent)
    , m_credentials(credentials)
    , m_logger(logger)
{
    for (TokenCredential *c : credentials)
        c->setParent(this);
}

QString ChainedTokenCredential::name() const
{
    return m_selected ? m_selected->name() : u"ChainedTokenCredential"_s;
}

QStringList ChainedTokenCredential::names() const
{
    QStringList out;
    for (const TokenCredential *c : m_credentials)
        out.append(c->name());
    return out;
}

TokenJob *ChainedTokenCredential::createJob(const QString &scope, QObject *parent)
{
    if (m_selected)
        return m_selected->createJob(scope, parent);
    return new ChainJob(this, scope, parent);
}

void ChainedTokenCredential::select(TokenCredential *credential)
{
    if (m_selected)
        return;
    m_selected = credential;
    m_logger.info(u"Azure credential in use"_s, {{u"credential"_s, credential->name()}});
}

} // namespace Amo::Azure
