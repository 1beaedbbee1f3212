// SPDX-License-Identifier: MIT
#include "shared/azure/tokenjob.h"

#include <QTimer>

namespace Amo::Azure {

void TokenJob::finish(const TokenResult &result)
{
    Q_EMIT finished(result);
    deleteLater();
}

void TokenJob::finishLater(const TokenResult &result)
{
    QTimer::singleShot(0, this, [this, result] { finish(result); });
}

} // namespace Amo::Azure
