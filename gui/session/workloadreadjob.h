// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/podinfo.h"
#include "shared/config/operatorconfig.h"
#include "shared/model/msi.h"
#include "shared/sync/workloadstatejob.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QObject>

namespace Amo::Azure {
class ArmClient;
}
namespace Amo::Kube {
class KubeClient;
struct KubeResponse;
struct ListResult;
} // namespace Amo::Kube

namespace Amo::Gui {

/** What the dashboard reads for workload identity mode after a snapshot. */
struct WorkloadReadResult
{
    QString issuer; // as configured or discovered; empty when discovery failed
    Sync::WorkloadStateResult state; // state.error also carries a failed issuer discovery
    bool stateRead = false; // the WorkloadStateJob ran (not when the issuer is unknown)
    MigrationInput migration;
};

/**
 * The dashboard's read for workload identity mode, the same as the agent's: the issuer (discovered from
 * /.well-known/openid-configuration when not configured), then WorkloadStateJob for the identities with a
 * pair; meanwhile the Pods carrying aadpodidbinding and the ReplicaSets owning them, for the migration view.
 * Everything asynchronous; mapping the MSIs runs off the GUI thread. Emits finished once, then deletes itself.
 */
class WorkloadReadJob : public QObject
{
    Q_OBJECT
public:
    static QString podSelector() { return QStringLiteral("aadpodidbinding"); }

    WorkloadReadJob(Kube::KubeClient *kube, Azure::ArmClient *arm, const Config::OperatorConfig &config,
                    QList<Model::Msi> msis, const QDateTime &nowUtc, QObject *parent = nullptr);

    void start();
    /** Drops the answer: finished is not emitted. */
    void cancel();

Q_SIGNALS:
    void finished(const Amo::Gui::WorkloadReadResult &result);

private:
    void onIssuer(const Kube::KubeResponse &response);
    void mapIdentities();
    void onIdentities();
    void onPods(const Kube::ListResult &result);
    void onReplicaSets(const Kube::ListResult &result);
    void finishIfDone();

    Kube::KubeClient *m_kube;
    Azure::ArmClient *m_arm;
    Config::OperatorConfig m_config;
    QList<Model::Msi> m_msis;
    QDateTime m_now;
    QFutureWatcher<QStringList> m_identities;
    QJsonArray m_pods;
    QJsonArray m_replicaSets;
    int m_pending = 0;
    bool m_cancelled = false;
    WorkloadReadResult m_result;
};

} // namespace Amo::Gui
