// SPDX-License-Identifier: MIT
#include "kubeeventhistory.h"

#include <algorithm>

namespace Amo::Sandbox {

void KubeEventHistory::append(KubeEvent event)
{
    m_events.push_back(std::move(event));
}

void KubeEventHistory::compactBefore(const QDateTime &cutoff)
{
    while (!m_events.empty() && m_events.front().time < cutoff) {
        m_compactedRevision = m_events.front().resourceVersion;
        m_events.pop_front();
    }
}

void KubeEventHistory::compactThrough(qint64 resourceVersion)
{
    while (!m_events.empty() && m_events.front().resourceVersion <= resourceVersion)
        m_events.pop_front();
    m_compactedRevision = std::max(m_compactedRevision, resourceVersion);
}

std::deque<KubeEvent>::const_iterator KubeEventHistory::after(qint64 resourceVersion) const
{
    return std::upper_bound(m_events.cbegin(), m_events.cend(), resourceVersion,
                            [](qint64 rv, const KubeEvent &e) { return rv < e.resourceVersion; });
}

} // namespace Amo::Sandbox
