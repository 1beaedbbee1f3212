// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sync/snapshot.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Amo {
class Clock;
namespace Azure {
class ArmClient;
struct MsiInventory;
} // namespace Azure
namespace Kube {
class KubeClient;
}
} // namespace Amo

namespace Amo::Sync {

class ClusterListJob;
struct ClusterListResult;

/**
 * Reads a Snapshot: the MSI listing of the subscriptions (merged into a catalog carried over from
 * earlier reads, so failing subscriptions keep their last good MSIs) and the cluster lists, both at
 * once. Emits progress while it waits and finished once, then deletes itself.
 */
class SnapshotJob : public QObject
{
    Q_OBJECT
public:
    SnapshotJob(Azure::ArmClient *arm, Kube::KubeClient *kube, const QStringList &subscriptions,
                const MsiCatalog &previous, const Clock &clock, QObject *parent = nullptr);

    void start();
    /** Gives up: finished is emitted at once with "cancelled" errors; answers still on the way are dropped. */
    void cancel();

Q_SIGNALS:
    /** A step finished ("Azure", "Kubernetes"), for a progress display. */
    void progress(const QString &step, int done, int total);
    void finished(const Amo::Sync::Snapshot &snapshot);

private:
    void onInventory(const Azure::MsiInventory &inventory);
    void onCluster(const ClusterListResult &result);
    void finishIfDone();

    Azure::ArmClient *m_arm;
    Kube::KubeClient *m_kube;
    QStringList m_subscriptions;
    const Clock &m_clock;
    Snapshot m_snapshot;
    QPointer<QObject> m_inventoryJob;
    QPointer<ClusterListJob> m_clusterJob;
    int m_done = 0;
    bool m_finished = false;
};

} // namespace Amo::Sync
