// SPDX-License-Identifier: MIT
#include "applier.h"

#include "shared/azure/armclient.h"
#include "shared/azure/armrequestjob.h"
#include "shared/kube/kubeclient.h"
#include "shared/kube/requestjob.h"
#include "shared/util/logger.h"

#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Amo::Sync {

namespace {

Kube::Resource resourceOf(const Action &action)
{
    if (action.resourceKind() == u"ServiceAccount")
        return Kube::Resource::ServiceAccounts;
    return action.kind == Action::Kind::RepointBinding ? Kube::Resource::AzureIdentityBindings
                                                       : Kube::Resource::AzureIdentities;
}

bool isCreate(const Action &action)
{
    return action.kind == Action::Kind::CreateIdentity || action.kind == Action::Kind::CreateServiceAccount;
}

QString keyOf(const QString &ns, const QString &name)
{
    return ns + u'/' + name;
}

bool isIdentityWrite(const Action &action)
{
    return action.kind == Action::Kind::CreateIdentity || action.kind == Action::Kind::UpdateIdentity;
}

bool isTerminating(const Kube::KubeError &error)
{
    // kube-apiserver answers 403 with cause NamespaceTerminating for writes into a terminating namespace.
    if (error.type != Kube::KubeError::Type::Forbidden)
        return false;
    for (const Kube::KubeError::Cause &cause : error.causes) {
        if (cause.reason == u"NamespaceTerminating")
            return true;
    }
    return error.message.contains(u"being terminated"_s);
}

} // namespace

QString ActionResult::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Applied:
        return u"Applied"_s;
    case Outcome::Unchanged:
        return u"Unchanged"_s;
    case Outcome::WaitingForNamespace:
        return u"WaitingForNamespace"_s;
    case Outcome::Failed:
        return u"Failed"_s;
    case Outcome::Cancelled:
        return u"Cancelled"_s;
    }
    return {};
}

Applier::Applier(Kube::KubeClient *client, const Logger *logger, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_logger(logger)
{
}

Applier::~Applier()
{
    // A write must not outlive its applier with retries of its own.
    for (const QPointer<QObject> &job : std::as_const(m_jobs))
        delete job.data();
}

void Applier::setConcurrency(int concurrency)
{
    m_concurrency = qMax(1, concurrency);
    if (m_running)
        pump();
}

bool Applier::apply(const Plan &plan)
{
    return apply(plan.writes());
}

bool Applier::apply(const QList<Action> &actions)
{
    if (m_running)
        return false;
    m_items.clear();
    m_items.reserve(actions.size());
    m_identityItems.clear();
    m_waiters.clear();
    m_ready.clear();
    m_jobs.clear();
    for (const Action &action : actions) {
        Item item;
        item.result.action = action;
        if (isIdentityWrite(action))
            m_identityItems.insert(keyOf(action.namespaceName, action.name), int(m_items.size()));
        m_items.append(item);
    }
    m_next = 0;
    m_active = 0;
    m_cancelled = false;
    m_running = true;
    const quint64 generation = ++m_generation;
    // Start from the event loop, so that no signal is emitted before apply() returns.
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation || !m_running)
            return;
        pump();
        finishIfDone();
    });
    return true;
}

void Applier::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_next = int(m_items.size());
    m_ready.clear();
    m_waiters.clear();
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items[i].state == State::Pending || m_items[i].state == State::Waiting)
            finishItem(i, ActionResult::Outcome::Cancelled, tr("cancelled before it started"));
    }
    finishIfDone();
}

void Applier::abort(const QString &reason)
{
    if (!m_running)
        return;
    cancel();
    const QHash<int, QPointer<QObject>> jobs = std::exchange(m_jobs, {});
    for (auto it = jobs.cbegin(); it != jobs.cend(); ++it) {
        // Deleting a job aborts its connection and its retry timer; its answer is never read.
        delete it.value().data();
        finishItem(it.key(), ActionResult::Outcome::Cancelled, reason);
    }
    finishIfDone();
}

void Applier::run(int index, Kube::RequestJob *job, std::function<void(const Kube::KubeResponse &)> onFinished)
{
    m_jobs.insert(index, job);
    connect(job, &Kube::RequestJob::finished, this,
            [this, index, onFinished = std::move(onFinished),
             generation = m_generation](const Kube::KubeResponse &response) {
                if (generation != m_generation)
                    return;
                m_jobs.remove(index);
                onFinished(response);
            });
    job->start();
}

QList<ActionResult> Applier::results() const
{
    QList<ActionResult> list;
    list.reserve(m_items.size());
    for (const Item &item : m_items)
        list.append(item.result);
    return list;
}

void Applier::pump()
{
    while (!m_cancelled && m_active < m_concurrency) {
        int index = -1;
        if (!m_ready.isEmpty())
            index = m_ready.takeFirst();
        else if (m_next < m_items.size())
            index = m_next++;
        else
            break;
        Item &item = m_items[index];
        if (item.state != State::Pending || !mayStart(index))
            continue;
        item.state = State::Active;
        ++m_active;
        if (item.current().isWrite())
            startWrite(index);
        else
            settleReport(index, item.current());
    }
}

bool Applier::mayStart(int index)
{
    Item &item = m_items[index];
    const Action &action = item.current();
    if (action.kind != Action::Kind::RepointBinding || action.afterIdentity.isEmpty())
        return true;
    const int identity = m_identityItems.value(keyOf(action.namespaceName, action.afterIdentity), -1);
    if (identity < 0) {
        finishItem(index, ActionResult::Outcome::Failed,
                   tr("not re-pointed: the AzureIdentity %1 it would point to is not written in this run, and it "
                      "does not exist as ours yet")
                       .arg(action.afterIdentity));
        return false;
    }
    if (m_items[identity].state != State::Done) {
        if (item.state == State::Active)
            --m_active;
        item.state = State::Waiting;
        m_waiters[identity].append(index);
        return false;
    }
    const QString refusal = refusalFor(m_items[identity]);
    if (refusal.isEmpty())
        return true;
    finishItem(index, ActionResult::Outcome::Failed, refusal);
    return false;
}

QString Applier::refusalFor(const Item &identity) const
{
    const ActionResult &result = identity.result;
    const QString name = identity.current().name;
    // Unchanged after a re-plan means the object was read again and is ours and as desired.
    const bool written
        = (result.outcome == ActionResult::Outcome::Applied || result.outcome == ActionResult::Outcome::Unchanged)
        && isIdentityWrite(identity.current());
    if (written)
        return {};
    switch (result.outcome) {
    case ActionResult::Outcome::WaitingForNamespace:
        return tr("not re-pointed: the AzureIdentity %1 could not be written, its namespace is missing or "
                  "terminating")
            .arg(name);
    case ActionResult::Outcome::Cancelled:
        return tr("not re-pointed: writing the AzureIdentity %1 was cancelled").arg(name);
    default:
        return tr("not re-pointed: the AzureIdentity %1 was not written: %2")
            .arg(name, result.error.isEmpty() ? identity.current().reason : result.error);
    }
}

void Applier::releaseWaiters(int index)
{
    const QList<int> waiters = m_waiters.take(index);
    if (waiters.isEmpty())
        return;
    const QString refusal = refusalFor(m_items[index]);
    for (int waiter : waiters) {
        if (m_items[waiter].state != State::Waiting)
            continue;
        if (refusal.isEmpty()) {
            m_items[waiter].state = State::Pending;
            m_ready.append(waiter);
        } else {
            finishItem(waiter, ActionResult::Outcome::Failed, refusal);
        }
    }
}

void Applier::startWrite(int index)
{
    Item &item = m_items[index];
    const Action &action = item.current();
    if (action.writesToAzure()) {
        startAzureWrite(index);
        return;
    }
    Kube::RequestJob *job = nullptr;
    if (isCreate(action)) {
        job = m_client->create(resourceOf(action), action.namespaceName, action.object.toJson());
    } else {
        // Invariant: updates are conditional. A patch without resourceVersion would overwrite blindly.
        if (action.patch.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString().isEmpty()) {
            finishItem(index, ActionResult::Outcome::Failed, tr("the patch carries no resourceVersion"));
            return;
        }
        job = m_client->mergePatch(resourceOf(action), action.namespaceName, action.name, action.patch);
    }
    ++item.result.attempts;
    if (m_requestRetries >= 0)
        job->setMaxRetries(m_requestRetries);
    run(index, job, [this, index](const Kube::KubeResponse &response) { onWriteFinished(index, response); });
}

void Applier::onWriteFinished(int index, const Kube::KubeResponse &response)
{
    const Action &action = m_items[index].current();
    if (response.ok()) {
        if (m_logger) {
            m_logger->info(u"applied "_s + Action::kindName(action.kind),
                           {{u"namespace"_s, action.namespaceName}, {u"object"_s, action.name}});
        }
        finishItem(index, ActionResult::Outcome::Applied);
        return;
    }
    using Type = Kube::KubeError::Type;
    const Kube::KubeError &error = response.error;
    const bool create = isCreate(action);
    if (action.kind == Action::Kind::CreateServiceAccount || action.kind == Action::Kind::UpdateServiceAccount) {
        // The re-plan knows AzureIdentities and bindings; a ServiceAccount that moved is planned afresh next time.
        if (create && isTerminating(error))
            finishItem(index, ActionResult::Outcome::WaitingForNamespace);
        else
            finishItem(index, ActionResult::Outcome::Failed, error.message);
        return;
    }
    if (create && error.type == Type::NotFound) {
        checkNamespace(index, error);
    } else if (create && isTerminating(error)) {
        finishItem(index, ActionResult::Outcome::WaitingForNamespace);
    } else if (error.type == Type::Conflict || error.type == Type::AlreadyExists
               || (!create && error.type == Type::NotFound)) {
        // Someone else wrote (or removed) it since we planned: plan this item again from what is there now.
        reread(index, error);
    } else {
        finishItem(index, ActionResult::Outcome::Failed, error.message);
    }
}

void Applier::startAzureWrite(int index)
{
    Item &item = m_items[index];
    const Action &action = item.current();
    if (!m_arm) {
        finishItem(index, ActionResult::Outcome::Failed, tr("no Azure client for federated credential writes"));
        return;
    }
    ++item.result.attempts;
    Azure::ArmRequestJob *job
        = m_arm->put(m_arm->federatedCredentialsUrl(action.msiId, action.name), action.object.toJson(), this);
    m_jobs.insert(index, job);
    connect(job, &Azure::ArmRequestJob::finished, this,
            [this, index, generation = m_generation](const Azure::ArmResponse &response) {
                if (generation != m_generation)
                    return;
                m_jobs.remove(index);
                onAzureWriteFinished(index, response);
            });
    job->start();
}

void Applier::onAzureWriteFinished(int index, const Azure::ArmResponse &response)
{
    const Action &action = m_items[index].current();
    if (response.ok) {
        if (m_logger) {
            m_logger->info(u"applied "_s + Action::kindName(action.kind),
                           {{u"msi"_s, action.msiId}, {u"credential"_s, action.name}});
        }
        finishItem(index, ActionResult::Outcome::Applied);
        return;
    }
    // ARM's throttling (429, Retry-After) and 5xx were retried by the request; the work queue retries the rest.
    finishItem(index, ActionResult::Outcome::Failed, response.error);
}

void Applier::reread(int index, const Kube::KubeError &error)
{
    Item &item = m_items[index];
    if (m_cancelled) {
        finishItem(index, ActionResult::Outcome::Cancelled, tr("cancelled before a retry: %1").arg(error.message));
        return;
    }
    if (!m_replan) {
        finishItem(index, ActionResult::Outcome::Failed, error.message);
        return;
    }
    if (item.result.attempts >= kMaxAttempts) {
        finishItem(index, ActionResult::Outcome::Failed,
                   tr("gave up after %1 attempts: %2").arg(item.result.attempts).arg(error.message));
        return;
    }
    const Action &action = item.current();
    const QString name = action.kind == Action::Kind::CreateIdentity ? action.object.name() : action.name;
    Kube::RequestJob *job
        = m_client->get(resourceOf(action), action.namespaceName, name.isEmpty() ? action.name : name);
    run(index, job, [this, index, error](const Kube::KubeResponse &response) { onReread(index, error, response); });
}

void Applier::onReread(int index, const Kube::KubeError &cause, const Kube::KubeResponse &response)
{
    QJsonObject fresh;
    if (response.ok()) {
        fresh = response.object;
    } else if (response.error.type != Kube::KubeError::Type::NotFound) {
        finishItem(index, ActionResult::Outcome::Failed,
                   tr("%1; reading it again failed: %2").arg(cause.message, response.error.message));
        return;
    }
    if (m_cancelled) {
        finishItem(index, ActionResult::Outcome::Cancelled, tr("cancelled before a retry: %1").arg(cause.message));
        return;
    }
    const std::optional<Action> next = m_replan(m_items[index].current(), fresh);
    if (!next) {
        finishItem(index, ActionResult::Outcome::Unchanged);
        return;
    }
    m_items[index].replanned = std::make_shared<const Action>(*next);
    if (!mayStart(index)) {
        if (!m_cancelled)
            pump(); // a parked re-point frees its slot
        return;
    }
    if (next->isWrite())
        startWrite(index);
    else
        settleReport(index, *next);
}

void Applier::checkNamespace(int index, const Kube::KubeError &cause)
{
    // A create answers 404 only when the namespace is missing; confirm it rather than parse the message.
    const QString ns = m_items[index].current().namespaceName;
    Kube::RequestJob *job = m_client->get(Kube::Resource::Namespaces, QString(), ns);
    run(index, job, [this, index, cause](const Kube::KubeResponse &response) {
        const bool gone = response.error.type == Kube::KubeError::Type::NotFound;
        const bool terminating = response.ok()
            && response.object.value(u"status"_s).toObject().value(u"phase"_s).toString() == u"Terminating";
        if (gone || terminating)
            finishItem(index, ActionResult::Outcome::WaitingForNamespace);
        else
            finishItem(index, ActionResult::Outcome::Failed, cause.message);
    });
}

void Applier::settleReport(int index, const Action &report)
{
    switch (report.kind) {
    case Action::Kind::WaitForNamespace:
        finishItem(index, ActionResult::Outcome::WaitingForNamespace);
        break;
    case Action::Kind::Conflict:
        finishItem(index, ActionResult::Outcome::Failed, report.reason);
        break;
    default:
        finishItem(index, ActionResult::Outcome::Unchanged);
        break;
    }
}

void Applier::finishItem(int index, ActionResult::Outcome outcome, const QString &error)
{
    Item &item = m_items[index];
    if (item.state == State::Done)
        return;
    if (item.state == State::Active)
        --m_active;
    item.state = State::Done;
    item.result.outcome = outcome;
    item.result.error = error;
    if (m_logger && outcome == ActionResult::Outcome::Failed) {
        m_logger->warning(u"write failed: "_s + error,
                          {{u"namespace"_s, item.current().namespaceName}, {u"object"_s, item.current().name}});
    }
    const ActionResult result = item.result;
    Q_EMIT itemFinished(index, result);
    releaseWaiters(index);
    if (!m_cancelled) {
        pump();
    }
    finishIfDone();
}

void Applier::finishIfDone()
{
    if (!m_running || m_active > 0 || m_next < m_items.size())
        return;
    for (const Item &item : m_items) {
        if (item.state != State::Done)
            return;
    }
    m_running = false;
    Q_EMIT finished(results());
}

} // namespace Amo::Sync
