// SPDX-License-Identifier: MIT
#pragma once

#include "gui/session/dashboarddata.h"
#include "gui/session/leaseinfo.h"
#include "gui/session/podinfo.h"
#include "gui/session/readproblems.h"
#include "gui/session/writeaccess.h"
#include "shared/config/operatorconfig.h"
#include "shared/sync/actionresult.h"
#include "shared/sync/operatorclients.h"
#include "shared/util/logger.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

namespace Amo::Sandbox {
struct Scenario;
}
namespace Amo::Sync {
class Applier;
class SnapshotJob;
} // namespace Amo::Sync

namespace Amo::Gui {

class DemoHost;
class LiveCluster;
class WorkloadReadJob;

/**
 * The dashboard's one door to the operator core (the SyncController facade): loads snapshots,
 * analyses them off the GUI thread, previews, re-checks and applies approved items, and reads the
 * agent's Lease. Widgets never talk to clients or jobs directly. Everything is asynchronous.
 */
class DashboardSession : public QObject
{
    Q_OBJECT
public:
    /** With @p demo set the session starts the embedded simulator and ignores kubeconfig, cloud and env. */
    DashboardSession(const Config::OperatorConfig &config, const Sync::ClientEnvironment &environment, bool demo,
                     QObject *parent = nullptr);
    ~DashboardSession() override;

    /** Demo only, before open(): serve this scenario instead of the bundled one. */
    void setDemoScenario(const Sandbox::Scenario &scenario);
    /** Builds the clients (and starts the simulator for the demo); false with a reason in *error. */
    bool open(QString *error);

    void refresh();
    /** Reads afresh and emits previewReady with the plan of that read. */
    void preview();
    /** Cancels a load or preview in progress. */
    void cancel();
    bool isLoading() const { return m_purpose != Purpose::None && m_purpose != Purpose::Live; }
    /** The cluster is followed by watches: its changes re-plan without F5. */
    bool isLive() const;
    /** How often Azure is listed again by itself (default 5 minutes); 0 turns it off. */
    void setAzureInterval(int ms);

    /** Re-reads the world; applies @p actions only when nothing they touch changed since @p basis. */
    void approve(const DashboardDataPtr &basis, const QList<Sync::Action> &actions);
    void cancelApply();
    bool isApplying() const;

    DashboardDataPtr data() const { return m_data; }
    std::optional<LeaseInfo> lease() const { return m_lease; }
    bool agentActive() const;
    /** Why the Lease could not be read (not "absent": 404 means nobody holds it); empty when it could. */
    QString leaseError() const { return m_leaseError; }
    /** What failed in the latest read; data() then still holds the last good load. */
    const ReadProblems &problems() const { return m_problems; }
    /** May the user make the writes of the latest plan (asked after each load)? */
    WriteAccess writeAccess() const { return m_writeAccess; }
    /** "https://server (context)" of the target cluster. */
    QString clusterDescription() const;
    const Config::OperatorConfig &config() const { return m_config; }
    /**
     * Workload identity mode (also the profile's --workloadidentity.enable): reads ServiceAccounts, the
     * identities' federated credentials and the pods behind bindings, and plans their writes, from the next read on.
     */
    void setWorkloadIdentity(bool enabled);
    bool workloadIdentity() const { return m_config.workloadIdentityEnable; }
    /** The issuer the plan uses: configured, or discovered from the cluster; empty until known. */
    QString issuer() const { return m_issuer; }
    DemoHost *demoHost() const { return m_demo.get(); }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void progress(const QString &step, int done, int total);
    void loaded(const Amo::Gui::DashboardDataPtr &data);
    void loadFailed(const QString &error);
    void previewReady(const Amo::Gui::DashboardDataPtr &data);
    void applyRefused(const QStringList &reasons);
    void applyStarted(const QList<Amo::Sync::Action> &actions);
    void applyItemFinished(int index, const Amo::Sync::ActionResult &result);
    void applyFinished(const QList<Amo::Sync::ActionResult> &results);
    void leaseChanged();
    /** problems() changed: a read failed, or the next one succeeded again. */
    void problemsChanged();
    void writeAccessChanged();
    /** The watches have listed once: from now on the cluster is live. */
    void liveStarted();

private:
    enum class Purpose { None, Load, Preview, Verify, Live };

    void read(Purpose purpose);
    void onSnapshot(const Sync::Snapshot &snapshot);
    void readWorkload(const Sync::Snapshot &snapshot, quint64 generation);
    void onAnalysed();
    void startApply(const Sync::Snapshot &fresh);
    void readLease();
    void setPurpose(Purpose purpose);
    ReadProblems problemsOf(const Sync::Snapshot &snapshot) const;
    void setProblems(const ReadProblems &problems);
    void checkWriteAccess();
    void startLive();
    void onLiveChanged();
    void analyse(const Sync::Snapshot &snapshot);

    Config::OperatorConfig m_config;
    Sync::ClientEnvironment m_environment;
    bool m_isDemo;
    Logger m_logger;
    std::unique_ptr<DemoHost> m_demo;
    std::unique_ptr<Sandbox::Scenario> m_demoScenario;
    std::unique_ptr<Sync::OperatorClients> m_clients;
    QPointer<Sync::SnapshotJob> m_job;
    QPointer<WorkloadReadJob> m_workloadJob; // after m_job, in workload identity mode
    QFutureWatcher<DashboardDataPtr> m_analysis;
    std::unique_ptr<Sync::Applier> m_applier;
    Purpose m_purpose = Purpose::None;
    quint64 m_generation = 0;
    DashboardDataPtr m_data;
    DashboardDataPtr m_approvalBasis;
    QList<Sync::Action> m_approved;
    std::optional<LeaseInfo> m_lease;
    QString m_leaseError;
    ReadProblems m_problems;
    WriteAccess m_writeAccess;
    quint64 m_accessGeneration = 0;
    std::unique_ptr<LiveCluster> m_live;
    bool m_livePending = false;
    QTimer m_azureTimer;
    QString m_issuer; // discovered once per session when not configured
    MigrationInput m_migration; // the pods read with the latest snapshot
};

} // namespace Amo::Gui
