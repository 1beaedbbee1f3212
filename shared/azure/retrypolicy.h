// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace Amo::Azure {

/**
 * When to try an ARM request again: 408, 429, 500, 502, 503, 504 and connection errors, at most
 * maxRetries times, waiting exponentially from baseDelayMs (with jitter, capped at maxDelayMs) or as
 * long as Retry-After says (capped at maxRetryAfterMs). The defaults are the Azure SDKs'.
 */
struct RetryPolicy
{
    int maxRetries = 3;
    int baseDelayMs = 800;
    int maxDelayMs = 60000;
    int maxRetryAfterMs = 300000;

    static bool retryableStatus(int status);
    /** Backoff before retry number @p retry (0-based): base·2^retry scaled by a jitter in [0.8, 1.3), capped. */
    qint64 backoffMs(int retry) const;
    /** Retry-After as delta-seconds or HTTP-date, in ms from @p now; nullopt when absent or unreadable. */
    static std::optional<qint64> retryAfterMs(const QByteArray &header, const QDateTime &now);
};

} // namespace Amo::Azure
