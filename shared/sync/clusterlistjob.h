// SPDX-License-Identifier: MIT
#pragma once

#include "shared/model/clusterstate.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace Amo::Kube {
class KubeClient;
}

namespace Amo::Sync {

class ClusterStateSink;

/** The cluster as one set of paged lists saw it: the planner's input without informers. */
struct ClusterListResult
{
    Model::ClusterState state;
    QString error; // the first list that failed, naming the resource; the state is then incomplete
    bool ok() const { return error.isEmpty(); }
};

/**
 * Lists Namespaces, AzureIdentities and AzureIdentityBindings (all namespaces, paged) at the same
 * time into one ClusterState. Used when --sync.watch is off, by --dry-run and by the dashboard.
 * Emits finished once, then deletes itself.
 */
class ClusterListJob : public QObject
{
    Q_OBJECT
public:
    explicit ClusterListJob(Kube::KubeClient *client, QObject *parent = nullptr);
    ~ClusterListJob() override;

    void start();
    /** Stops waiting: finished is emitted with an error at once. */
    void cancel();

Q_SIGNALS:
    void finished(const Amo::Sync::ClusterListResult &result);

private:
    void onListed(const QString &what, const QString &error);

    Kube::KubeClient *m_client;
    ClusterListResult m_result;
    std::unique_ptr<ClusterStateSink> m_sinks[3];
    QList<QPointer<QObject>> m_jobs;
    int m_pending = 0;
    bool m_done = false;
};

} // namespace Amo::Sync
