// SPDX-License-Identifier: MIT
#pragma once

#include "shared/model/clusterstate.h"
#include "shared/sync/msicatalog.h"
#include "shared/workload/workloadplanner.h"

#include <QDateTime>
#include <QString>

namespace Amo::Sync {

/** Everything a plan is computed from, read at one time: the MSIs per subscription and the cluster. */
struct Snapshot
{
    MsiCatalog catalog;
    Model::ClusterState cluster;
    QDateTime takenAt; // UTC, when both reads had finished
    QString clusterError; // a Kubernetes list failed: the cluster state is incomplete
    QString azureError; // the subscription list could not be read (see also the catalog's failing subscriptions)
    /** Workload identity mode: ServiceAccounts and the credentials of the identities with a pair. */
    Workload::WorkloadState workload;
    QString workloadError; // reading them failed: those writes are not planned
    bool workloadRead = false; // WorkloadStateJob filled `workload` (without it nothing of that mode is planned)

    /** True when both sides could be read; failing single subscriptions are reported in the catalog. */
    bool ok() const { return clusterError.isEmpty() && azureError.isEmpty(); }
};

} // namespace Amo::Sync
