// SPDX-License-Identifier: MIT
#pragma once

#include "shared/model/clusterstate.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace Amo::Kube {
class Informer;
class KubeClient;
} // namespace Amo::Kube
namespace Amo::Sync {
class ClusterStateSink;
}

namespace Amo::Gui {

/**
 * The cluster kept current by list+watch informers (Namespaces, AzureIdentities, bindings), as the
 * agent does with --sync.watch: after the first read the dashboard follows kubectl's changes
 * without F5. Bursts of events are coalesced into one changed().
 */
class LiveCluster : public QObject
{
    Q_OBJECT
public:
    explicit LiveCluster(Kube::KubeClient *client, QObject *parent = nullptr);
    ~LiveCluster() override;

    void start();
    /** All three informers have listed once. */
    bool isSynced() const;
    /** The current state; valid once synced. */
    const Model::ClusterState &state() const { return m_state; }

Q_SIGNALS:
    /** All three informers have listed once. */
    void synced();
    /** Something changed after the first list (coalesced). */
    void changed();

private:
    Kube::KubeClient *m_client;
    Model::ClusterState m_state;
    std::unique_ptr<Sync::ClusterStateSink> m_sinks[3];
    std::unique_ptr<Kube::Informer> m_informers[3];
    QTimer m_coalesce;
};

} // namespace Amo::Gui
