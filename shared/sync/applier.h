// SPDX-License-Identifier: MIT
#pragma once

#include "shared/kube/kubeerror.h"
#include "shared/sync/actionresult.h"
#include "shared/sync/plan.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace Amo {
class Logger;
namespace Azure {
class ArmClient;
struct ArmResponse;
} // namespace Azure
namespace Kube {
class KubeClient;
class RequestJob;
struct KubeResponse;
} // namespace Kube
} // namespace Amo

namespace Amo::Sync {

/**
 * Carries out the writes of a Plan against the API server, a few at a time: creates are POSTed,
 * updates and re-points are sent as their merge patch, conditional on the resourceVersion it
 * carries. Never a delete, never an unconditional PUT. A 409 re-reads the object and asks the
 * caller's re-plan callback for a fresh action, then retries (at most kMaxAttempts writes per item).
 * One item failing never stops the others. A re-point whose action names an `afterIdentity` waits
 * for that identity's create or update in the same run and is written only if it succeeded; when
 * it failed, or is not part of the run, the binding is left alone and the item fails with the
 * reason. Emits itemFinished per action, then finished once.
 */
class Applier : public QObject
{
    Q_OBJECT
public:
    /** Plans one item again from the object as it is now (empty when it is gone); nullopt: nothing to do. */
    using Replan = std::function<std::optional<Action>(const Action &stale, const QJsonObject &fresh)>;

    static constexpr int kDefaultConcurrency = 4;
    static constexpr int kMaxAttempts = 3;

    explicit Applier(Kube::KubeClient *client, const Logger *logger = nullptr, QObject *parent = nullptr);
    ~Applier() override;

    /** Items in flight at once; values below 1 count as 1. Takes effect for the next item started. */
    void setConcurrency(int concurrency);
    int concurrency() const { return m_concurrency; }

    /**
     * Retries of each write request after its first attempt; -1 (the default): the client's own
     * retry rules. The sync engine sets 0 and retries failed keys through its work queue.
     */
    void setRequestRetries(int retries) { m_requestRetries = retries; }

    /** For federated credential writes (workload identity); without it they fail. Not owned. */
    void setArm(Azure::ArmClient *arm) { m_arm = arm; }

    /** Without one, a conflict fails its item. */
    void setReplan(Replan replan) { m_replan = std::move(replan); }

    /** Applies the write actions of @p plan, in plan order; reports are left out of the results. */
    bool apply(const Plan &plan);
    /**
     * Applies exactly @p actions (e.g. the items ticked in the dashboard); result i belongs to
     * actions[i]. A report in the list is not written: WaitForNamespace gives WaitingForNamespace,
     * Conflict gives Failed with its reason, the others Unchanged. Returns false while busy.
     */
    bool apply(const QList<Action> &actions);

    /** Starts nothing new: items not yet started become Cancelled; those in flight finish. */
    void cancel();
    /**
     * Stops at once (this replica lost the Lease): like cancel(), and every request in flight is
     * aborted with its retries, its item Cancelled with @p reason. Nothing is sent after it returns.
     */
    void abort(const QString &reason);

    bool isRunning() const { return m_running; }
    QList<ActionResult> results() const;

Q_SIGNALS:
    void itemFinished(int index, const Amo::Sync::ActionResult &result);
    void finished(const QList<Amo::Sync::ActionResult> &results);

private:
    enum class State { Pending, Waiting, Active, Done }; // Waiting: a re-point whose identity is not written yet
    struct Item
    {
        ActionResult result; // its action is the one given
        std::shared_ptr<const Action> replanned; // set once a re-plan replaced the action: most items never need one
        State state = State::Pending;

        /** The action being written. */
        const Action &current() const { return replanned ? *replanned : result.action; }
    };

    void pump();
    /** True when the item may be written now; otherwise it has been parked (Waiting) or finished. */
    bool mayStart(int index);
    /** Why a finished identity write does not let a re-point through; empty when it does. */
    QString refusalFor(const Item &identity) const;
    void releaseWaiters(int index);
    void startWrite(int index);
    /** Sends @p job for item @p index, tracked so that abort() can stop it. */
    void run(int index, Kube::RequestJob *job, std::function<void(const Kube::KubeResponse &)> onFinished);
    void onWriteFinished(int index, const Kube::KubeResponse &response);
    void startAzureWrite(int index);
    void onAzureWriteFinished(int index, const Azure::ArmResponse &response);
    void reread(int index, const Kube::KubeError &error);
    void onReread(int index, const Kube::KubeError &cause, const Kube::KubeResponse &response);
    void checkNamespace(int index, const Kube::KubeError &cause);
    void settleReport(int index, const Action &report);
    void finishItem(int index, ActionResult::Outcome outcome, const QString &error = {});
    void finishIfDone();

    Kube::KubeClient *m_client;
    const Logger *m_logger;
    Replan m_replan;
    int m_concurrency = kDefaultConcurrency;
    QList<Item> m_items;
    int m_next = 0; // the next pending item in order
    QList<int> m_ready; // released re-points, started before m_next
    QHash<QString, int> m_identityItems; // "namespace/name" -> the item that creates or updates it
    QHash<int, QList<int>> m_waiters; // identity item -> the re-points waiting for it
    QHash<int, QPointer<QObject>> m_jobs; // item -> its request in flight (Kubernetes or ARM)
    Azure::ArmClient *m_arm = nullptr;
    int m_requestRetries = -1;
    int m_active = 0;
    bool m_running = false;
    bool m_cancelled = false;
    quint64 m_generation = 0; // guards queued starts against a later run
};

} // namespace Amo::Sync
