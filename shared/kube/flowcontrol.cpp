// SPDX-License-Identifier: MIT
#include "flowcontrol.h"

#include <cmath>

namespace Amo::Kube {

FlowControl::FlowControl(double qps, int burst, int maxInFlight, QObject *parent)
    : QObject(parent)
    , m_qps(qps)
    , m_burst(qMax(1, burst))
    , m_maxInFlight(maxInFlight)
    , m_tokens(qMax(1, burst))
{
    m_elapsed.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &FlowControl::pump);
}

void FlowControl::acquire(QObject *context, bool takesSlot, std::function<void()> grant)
{
    m_waiters.push_back(Waiter {context, takesSlot, std::move(grant)});
    pump();
}

void FlowControl::release()
{
    if (m_inFlight > 0)
        --m_inFlight;
    pump();
}

void FlowControl::refill()
{
    const qint64 now = m_elapsed.nsecsElapsed();
    m_tokens = qMin(double(m_burst), m_tokens + double(now - m_lastRefillNs) / 1e9 * m_qps);
    m_lastRefillNs = now;
}

void FlowControl::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    while (!m_waiters.empty()) {
        Waiter &head = m_waiters.front();
        if (head.context.isNull()) {
            m_waiters.pop_front();
            continue;
        }
        if (head.takesSlot && m_maxInFlight > 0 && m_inFlight >= m_maxInFlight)
            break; // release() pumps again
        if (m_qps > 0) {
            refill();
            if (m_tokens < 1.0) {
                const double waitMs = std::ceil((1.0 - m_tokens) / m_qps * 1000.0);
                if (!m_timer.isActive())
                    m_timer.start(int(qMax(1.0, waitMs)));
                break;
            }
            m_tokens -= 1.0;
        }
        if (head.takesSlot)
            ++m_inFlight;
        const std::function<void()> grant = std::move(head.grant);
        m_waiters.pop_front();
        grant();
    }
    m_pumping = false;
}

} // namespace Amo::Kube
