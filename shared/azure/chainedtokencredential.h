// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/tokencredential.h"

#include <QList>
#include <QPointer>

namespace Amo {
class Logger;
}

namespace Amo::Azure {

/**
 * Tries its credentials in order. An Unavailable one (not set up here) passes to the next; a Failed one
 * (set up, but refused) stops the chain with its error. The first that succeeds is logged and kept for
 * every later request, so a working setup never falls through to another identity.
 */
class ChainedTokenCredential final : public TokenCredential
{
    Q_OBJECT
public:
    /** Takes ownership of @p credentials. */
    ChainedTokenCredential(const QList<TokenCredential *> &credentials, const Logger &logger,
                           QObject *parent = nullptr);
    QString name() const override;
    TokenJob *createJob(const QString &scope, QObject *parent) override;

    QList<TokenCredential *> credentials() const { return m_credentials; }
    QStringList names() const;
    /** The credential that worked, or null before the first success. */
    TokenCredential *selected() const { return m_selected; }

private:
    friend class ChainJob;
    void select(TokenCredential *credential);

    QList<TokenCredential *> m_credentials;
    const Logger &m_logger;
    QPointer<TokenCredential> m_selected;
};

} // namespace Amo::Azure
