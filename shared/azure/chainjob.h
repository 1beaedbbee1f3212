// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/tokenjob.h"

#include <QPointer>

namespace Amo::Azure {

class ChainedTokenCredential;

/** One token request through a ChainedTokenCredential. */
class ChainJob final : public TokenJob
{
    Q_OBJECT
public:
    ChainJob(ChainedTokenCredential *chain, const QString &scope, QObject *parent);
    void start() override;

private:
    void tryNext();

    QPointer<ChainedTokenCredential> m_chain;
    QString m_scope;
    int m_index = 0;
    QStringList m_unavailable;
};

} // namespace Amo::Azure
