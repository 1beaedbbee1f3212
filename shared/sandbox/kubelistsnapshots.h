// SPDX-License-Identifier: MIT
#pragma once

#include "kubeobject.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Amo::Sandbox {

/**
 * Frozen list results behind continue tokens, so every page of a chunked list sees the state of
 * the first page. Snapshots hold shared object pointers only; nothing is copied or re-serialised.
 */
class KubeListSnapshots
{
public:
    struct Snapshot
    {
        QList<KubeObjectPtr> items;
        qint64 resourceVersion = 0;
        QDateTime created;
        quint64 serial = 0;
    };
    struct Position
    {
        QString snapshotId;
        qint64 resourceVersion = 0;
        qsizetype offset = 0;
        QString startKey; // the key the next page starts at, to resume inconsistently once expired
    };

    explicit KubeListSnapshots(int maxSnapshots)
        : m_max(maxSnapshots)
    {
    }

    /** Keeps @p snapshot and returns its id; evicts the oldest when over the limit. */
    QString add(Snapshot snapshot);
    const Snapshot *find(const QString &id) const;
    void expireBefore(const QDateTime &cutoff);
    void clear() { m_snapshots.clear(); }
    void setMaximum(int maxSnapshots) { m_max = maxSnapshots; }
    qsizetype size() const { return m_snapshots.size(); }

    static QString encode(const Position &position, const QString &startKey);
    static std::optional<Position> decode(const QString &token);

private:
    QHash<QString, Snapshot> m_snapshots;
    quint64 m_nextSerial = 1;
    int m_max;
};

} // namespace Amo::Sandbox
