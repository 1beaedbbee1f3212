// SPDX-License-Identifier: MIT
#include "shared/azure/retrypolicy.h"

#include "shared/util/backoff.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

bool RetryPolicy::retryableStatus(int status)
{
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

qint64 RetryPolicy::backoffMs(int retry) const
{
    return Backoff {baseDelayMs, maxDelayMs, 0.8, 1.3}.delayMs(retry);
}

std::optional<qint64> RetryPolicy::retryAfterMs(const QByteArray &header, const QDateTime &now)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (ok)
        return seconds < 0 ? 0 : qint64(seconds * 1000);
    // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"
    const QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(value), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!at.isValid())
        return std::nullopt;
    QDateTime utc = at;
    utc.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(utc));
}

} // namespace Amo::Azure
