// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>

namespace Amo {

/** Source of "now". Code that judges time (expiry, leases, backoff) asks a Clock, so tests can move it. */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;

    /** The process-wide wall clock. */
    static const Clock &system();
};

/** A clock that only moves when told to. */
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start)
        : m_now(std::move(start))
    {
    }
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

} // namespace Amo
