// SPDX-License-Identifier: MIT
#include "shared/azure/retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

bool RetryPolicy::retryableStatus(int status)
{
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

qint64 RetryPolicy::backoffMs(int retry) const
{
    const double exponential = double(baseDelayMs) * double(qint64(1) << std::min(retry, 30));
    // jitter spreads parallel subscriptions apart so they do not retry in lockstep
    const double jitter = 0.8 + QRandomGenerator::global()->bounded(0.5);
    return std::min<qint64>(qint64(exponential * jitter), maxDelayMs);
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
