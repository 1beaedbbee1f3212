// SPDX-License-Identifier: MIT
#include "shared/sync/snapshotjob.h"

#include "shared/azure/armclient.h"
#include "shared/azure/msiinventoryjob.h"
#include "shared/sync/clusterlistjob.h"
#include "shared/util/clock.h"

using namespace Qt::StringLiterals;

namespace Amo::Sync {

SnapshotJob::SnapshotJob(Azure::ArmClient *arm, Kube::KubeClient *kube, const QStringList &subscriptions,
                         const MsiCatalog &previous, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_arm(arm)
    , m_kube(kube)
    , m_subscriptions(subscriptions)
    , m_clock(clock)
{
    m_snapshot.catalog = previous;
}

void SnapshotJob::start()
{
    auto *inventory = m_arm->listMsis(m_subscriptions, this);
    connect(inventory, &Azure::MsiInventoryJob::finished, this, &SnapshotJob::onInventory);
    m_inventoryJob = inventory;
    m_clusterJob = new ClusterListJob(m_kube, this);
    connect(m_clusterJob, &ClusterListJob::finished, this, &SnapshotJob::onCluster);
    inventory->start();
    m_clusterJob->start();
}

void SnapshotJob::cancel()
{
    if (m_finished)
        return;
    const QString cancelled = tr("cancelled");
    if (m_inventoryJob) {
        m_inventoryJob->disconnect(this);
        m_snapshot.azureError = cancelled;
    }
    if (m_clusterJob) {
        m_clusterJob->disconnect(this);
        m_snapshot.clusterError = cancelled;
    }
    m_done = 2;
    finishIfDone();
}

void SnapshotJob::onInventory(const Azure::MsiInventory &inventory)
{
    m_snapshot.catalog.update(inventory, m_clock.nowUtc());
    m_snapshot.azureError = inventory.ok ? QString() : inventory.error;
    ++m_done;
    Q_EMIT progress(u"Azure"_s, m_done, 2);
    finishIfDone();
}

void SnapshotJob::onCluster(const ClusterListResult &result)
{
    m_snapshot.cluster = result.state;
    m_snapshot.clusterError = result.error;
    ++m_done;
    Q_EMIT progress(u"Kubernetes"_s, m_done, 2);
    finishIfDone();
}

void SnapshotJob::finishIfDone()
{
    if (m_done < 2 || m_finished)
        return;
    m_finished = true;
    m_snapshot.takenAt = m_clock.nowUtc();
    Q_EMIT finished(m_snapshot);
    deleteLater();
}

} // namespace Amo::Sync
