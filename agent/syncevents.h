// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

namespace Amo {
namespace Kube {
class EventRecorder;
}
namespace Model {
class ClusterState;
}
namespace Sync {
struct SyncReport;
}
} // namespace Amo

namespace Amo::Agent {

/**
 * Turns a sync's outcome into Kubernetes Events on the objects concerned: Normal for each
 * create, update and re-point that landed, Warning for a write that failed and for each skip,
 * conflict or orphan about an object that exists (so `kubectl describe` shows why it is left alone).
 */
class SyncEvents
{
    Q_DECLARE_TR_FUNCTIONS(SyncEvents)
public:
    explicit SyncEvents(Kube::EventRecorder *recorder);

    void record(const Sync::SyncReport &report, const Model::ClusterState &cluster);

private:
    Kube::EventRecorder *m_recorder;
};

} // namespace Amo::Agent
