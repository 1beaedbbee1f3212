// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

#include <chrono>
#include <compare>
#include <optional>

namespace Amo::Config {

/**
 * A Go time.Duration: a signed 64-bit count of nanoseconds.
 *
 * We keep Go's type rather than std::chrono::milliseconds so that every value the original accepts
 * (down to "1ns") survives a round trip, and so that toString() prints exactly what Go prints.
 */
class GoDuration
{
public:
    constexpr GoDuration() = default;
    constexpr explicit GoDuration(qint64 nanoseconds)
        : m_ns(nanoseconds)
    {
    }

    static constexpr GoDuration fromSeconds(qint64 s) { return GoDuration(s * 1000 * 1000 * 1000); }
    static constexpr GoDuration fromMinutes(qint64 m) { return fromSeconds(m * 60); }
    static constexpr GoDuration fromHours(qint64 h) { return fromSeconds(h * 3600); }

    constexpr qint64 nanoseconds() const { return m_ns; }
    constexpr std::chrono::nanoseconds toChrono() const { return std::chrono::nanoseconds(m_ns); }
    /** Truncated toward zero, like Go's Duration.Milliseconds(). */
    constexpr qint64 milliseconds() const { return m_ns / (1000 * 1000); }

    /** Go's Duration.String(): "2190h0m0s", "1h30m0s", "300ms", "1µs", "0s". */
    QString toString() const;

    /**
     * Go's time.ParseDuration. On failure returns nullopt and, if @p error is set, Go's exact message,
     * e.g. `time: missing unit in duration "5"`.
     */
    static std::optional<GoDuration> parse(QStringView text, QString *error = nullptr);

    friend constexpr auto operator<=>(GoDuration, GoDuration) = default;

private:
    qint64 m_ns = 0;
};

} // namespace Amo::Config
