// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

namespace Amo::Kube {

/**
 * Client-side flow control, as client-go's token bucket: at most `burst` requests at once, refilled
 * at `qps` per second (qps <= 0: unlimited), plus a cap on requests in flight. Waiters are served
 * in order; a waiter whose context object is gone is skipped.
 */
class FlowControl : public QObject
{
    Q_OBJECT
public:
    FlowControl(double qps, int burst, int maxInFlight, QObject *parent = nullptr);

    /** Calls @p grant once a token (and, if @p takesSlot, an in-flight slot) is available. */
    void acquire(QObject *context, bool takesSlot, std::function<void()> grant);
    /** Returns an in-flight slot taken by acquire(…, true, …). */
    void release();

    int inFlight() const { return m_inFlight; }
    int waiting() const { return int(m_waiters.size()); }
    double qps() const { return m_qps; }
    int burst() const { return m_burst; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool takesSlot = false;
        std::function<void()> grant;
    };
    void pump();
    void refill();

    double m_qps;
    int m_burst;
    int m_maxInFlight;
    double m_tokens;
    int m_inFlight = 0;
    bool m_pumping = false;
    QElapsedTimer m_elapsed; // monotonic: a wall-clock jump must not mint or lose tokens
    qint64 m_lastRefillNs = 0;
    std::deque<Waiter> m_waiters;
    QTimer m_timer;
};

} // namespace Amo::Kube
