// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace Amo::Config {

/**
 * A Go reference-time layout such as "2006-01-02" (--azureidentity.expiry.timeformat).
 *
 * format() equals Go's time.Format for a time in UTC, quirks included: "MST" prints "UTC", "Z07:00"
 * prints "Z", "-0700" prints "+0000". parse() follows Go's time.Parse with UTC as the default zone, so
 * an expiry annotation written by the original (or by us) reads back to the same instant.
 *
 * QDateTime keeps milliseconds only, so both directions carry an optional nanosecond of the second.
 */
class GoTimeLayout
{
public:
    explicit GoTimeLayout(QString layout)
        : m_layout(std::move(layout))
    {
    }

    const QString &layout() const { return m_layout; }

    /**
     * Formats @p utc. @p nanosecond (0..999'999'999) replaces the sub-second part when given; by
     * default the milliseconds of @p utc are used.
     */
    QString format(const QDateTime &utc, int nanosecond = -1) const;

    struct Parsed
    {
        QDateTime utc; // millisecond precision
        int nanosecond = 0; // full sub-second precision
    };

    /**
     * Parses @p value. On failure returns nullopt and, if @p error is set, Go's message, e.g.
     * `parsing time "2021-11-8" as "2006-01-02": cannot parse "8" as "02"`.
     */
    std::optional<Parsed> parse(QStringView value, QString *error = nullptr) const;

    /** True if the layout contains a year, month and day (or day of year) element. */
    bool hasDateElements() const;

private:
    QString m_layout;
};

} // namespace Amo::Config
