// SPDX-License-Identifier: MIT
#include "gui/session/livecluster.h"

#include "shared/kube/informer.h"
#include "shared/sync/clusterstatesink.h"

namespace Amo::Gui {

using Sync::ClusterStateSink;

LiveCluster::LiveCluster(Kube::KubeClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    // one re-plan per burst (an apply or a kubectl apply -f of many objects), not one per event
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(400);
    connect(&m_coalesce, &QTimer::timeout, this, &LiveCluster::changed);
}

LiveCluster::~LiveCluster()
{
    for (auto &informer : m_informers) {
        if (informer)
            informer->stop();
    }
}

void LiveCluster::start()
{
    const ClusterStateSink::Kind kinds[]
        = {ClusterStateSink::Kind::Namespace, ClusterStateSink::Kind::Identity, ClusterStateSink::Kind::Binding};
    const Kube::Resource resources[]
        = {Kube::Resource::Namespaces, Kube::Resource::AzureIdentities, Kube::Resource::AzureIdentityBindings};
    for (int i = 0; i < 3; ++i) {
        m_sinks[i] = std::make_unique<ClusterStateSink>(kinds[i], &m_state);
        m_informers[i] = std::make_unique<Kube::Informer>(m_client, resources[i], QString(), m_sinks[i].get());
        Kube::Informer *informer = m_informers[i].get();
        // the first list reports every object: only what follows it is a change
        m_sinks[i]->onChange = [this, informer](const ClusterStateSink::Change &) {
            if (informer->hasSynced() && isSynced())
                m_coalesce.start();
        };
        connect(informer, &Kube::Informer::synced, this, [this] {
            if (isSynced())
                Q_EMIT synced();
        });
        informer->start();
    }
}

bool LiveCluster::isSynced() const
{
    for (const auto &informer : m_informers) {
        if (!informer || !informer->hasSynced())
            return false;
    }
    return true;
}

} // namespace Amo::Gui
