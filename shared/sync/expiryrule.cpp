// SPDX-License-Identifier: MIT
#include "shared/sync/expiryrule.h"

namespace Amo::Sync {

ExpiryRule::ExpiryRule(const QString &layout, std::chrono::nanoseconds duration, double threshold)
    : m_layout(layout)
    , m_duration(duration)
    , m_threshold(threshold)
{
}

ExpiryRule::Verdict ExpiryRule::judge(const QString &value, const QDateTime &nowUtc) const
{
    if (value.isNull())
        return Verdict::Missing;
    const auto parsed = m_layout.parse(value);
    if (!parsed || !parsed->utc.isValid())
        return Verdict::Unparseable;
    const qint64 leftMs = nowUtc.msecsTo(parsed->utc);
    const qint64 durationMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_duration).count();
    if (leftMs > durationMs)
        return Verdict::TooFar;
    if (double(leftMs) < m_threshold * double(durationMs))
        return Verdict::Due;
    return Verdict::Keep;
}

QString ExpiryRule::valueFor(const QDateTime &nowUtc) const
{
    // Same arithmetic as the mapper: keep Go's nanosecond precision, layouts may print fractions.
    const qint64 totalNs = nowUtc.toMSecsSinceEpoch() * 1'000'000 + m_duration.count();
    const qint64 seconds = totalNs / 1'000'000'000 - (totalNs % 1'000'000'000 < 0 ? 1 : 0);
    const int nanosecond = int(totalNs - seconds * 1'000'000'000);
    const QDateTime expires = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).addMSecs(nanosecond / 1'000'000);
    return m_layout.format(expires, nanosecond);
}

} // namespace Amo::Sync
