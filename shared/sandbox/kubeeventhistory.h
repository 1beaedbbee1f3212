// SPDX-License-Identifier: MIT
#pragma once

#include "kubeobject.h"

#include <deque>

namespace Amo::Sandbox {

/** The window of recent changes that watches can resume from; older entries are compacted away like etcd's. */
class KubeEventHistory
{
public:
    void append(KubeEvent event);
    /** Drops events recorded before @p cutoff. */
    void compactBefore(const QDateTime &cutoff);
    /** Drops everything up to and including @p resourceVersion. */
    void compactThrough(qint64 resourceVersion);
    /** A watch may resume from any version >= this one. */
    qint64 compactedRevision() const { return m_compactedRevision; }
    /** Events with resourceVersion strictly greater than @p resourceVersion, oldest first. */
    std::deque<KubeEvent>::const_iterator after(qint64 resourceVersion) const;
    std::deque<KubeEvent>::const_iterator end() const { return m_events.cend(); }
    size_t size() const { return m_events.size(); }

private:
    std::deque<KubeEvent> m_events;
    qint64 m_compactedRevision = 0;
};

} // namespace Amo::Sandbox
