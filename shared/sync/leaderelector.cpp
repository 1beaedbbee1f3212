// SPDX-License-Identifier: MIT
#include "leaderelector.h"

#include "shared/kube/kubeclient.h"
#include "shared/kube/requestjob.h"
#include "shared/util/clock.h"
#include "shared/util/logger.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using Amo::Kube::KubeError;
using Amo::Kube::KubeResponse;
using Amo::Kube::RequestJob;
using Amo::Kube::Resource;

namespace Amo::Sync {

namespace {

constexpr double JitterFactor = 1.2;

QJsonObject specOf(const QJsonObject &lease)
{
    return lease.value(u"spec"_s).toObject();
}

} // namespace

QString LeaderElectorConfig::validate(bool allowSubSecond) const
{
    if (ns.isEmpty())
        return u"the Lease needs a namespace"_s;
    if (name.isEmpty())
        return u"the Lease needs a name"_s;
    if (identity.isEmpty())
        return u"the leader election needs an identity"_s;
    const std::chrono::milliseconds minimum {allowSubSecond ? 1 : 1000};
    if (leaseDuration < minimum || renewDeadline < minimum || retryPeriod < minimum)
        return allowSubSecond ? u"lease durations must be positive"_s : u"lease durations must be at least 1s"_s;
    if (leaseDuration <= renewDeadline)
        return u"the lease duration must be longer than the renew deadline"_s;
    if (double(renewDeadline.count()) <= JitterFactor * double(retryPeriod.count()))
        return u"the renew deadline must be longer than 1.2 times the retry period"_s;
    return {};
}

LeaderElector::LeaderElector(Kube::KubeClient *client, const LeaderElectorConfig &config, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_config(config)
    , m_clock(client->clock())
{
    m_retryTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    m_releaseTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &LeaderElector::tryAcquireOrRenew);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &LeaderElector::onRenewDeadline);
    connect(&m_releaseTimer, &QTimer::timeout, this, &LeaderElector::finishRelease);
}

LeaderElector::~LeaderElector()
{
    abandonJob();
}

QString LeaderElector::microTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u'.'
        + QString::number(utc.time().msec() * 1000).rightJustified(6, u'0') + u'Z';
}

void LeaderElector::start()
{
    if (m_running || m_releasing)
        return;
    m_running = true;
    tryAcquireOrRenew(); // no initial sleep: a fresh process may lead at once
}

void LeaderElector::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_deadlineTimer.stop();
    abandonJob();
    setLeader(false);
}

void LeaderElector::release()
{
    if (m_releasing)
        return;
    const bool held = m_leader;
    stop(); // emits leadershipChanged(false) before the Lease is written
    if (!held) {
        QMetaObject::invokeMethod(this, &LeaderElector::released, Qt::QueuedConnection);
        return;
    }
    m_releasing = true;
    m_releaseTimer.start(m_config.renewDeadline);
    releaseStep();
}

void LeaderElector::abandonJob()
{
    ++m_generation;
    if (m_job)
        delete m_job.data(); // aborts the request; its answer must not count any more
    m_job = nullptr;
}

void LeaderElector::runJob(RequestJob *job, int timeoutMs, void (LeaderElector::*handler)(const KubeResponse &))
{
    abandonJob();
    const quint64 generation = m_generation;
    m_job = job;
    job->setTimeoutMs(qMax(1, timeoutMs));
    connect(job, &RequestJob::finished, this, [this, generation, handler](const KubeResponse &response) {
        if (generation != m_generation)
            return;
        m_job = nullptr;
        (this->*handler)(response);
    });
    job->start();
}

int LeaderElector::leaseSeconds() const
{
    // The field counts whole seconds; round up so nobody judges the lease shorter than it is.
    return int(qMax<qint64>(1, (m_config.leaseDuration.count() + 999) / 1000));
}

QJsonObject LeaderElector::newLease() const
{
    const QString now = microTime(m_clock.nowUtc());
    return QJsonObject {
        {u"apiVersion"_s, u"coordination.k8s.io/v1"_s},
        {u"kind"_s, u"Lease"_s},
        {u"metadata"_s, QJsonObject {{u"name"_s, m_config.name}, {u"namespace"_s, m_config.ns}}},
        {u"spec"_s,
         QJsonObject {{u"holderIdentity"_s, m_config.identity},
                      {u"leaseDurationSeconds"_s, leaseSeconds()},
                      {u"acquireTime"_s, now},
                      {u"renewTime"_s, now},
                      {u"leaseTransitions"_s, 0}}},
    };
}

void LeaderElector::tryAcquireOrRenew()
{
    if (!m_running)
        return;
    if (m_leader && !m_lease.isEmpty()) {
        // A leader writes straight from its last copy; a conflict sends it back to reading.
        write(m_lease);
        return;
    }
    runJob(m_client->get(Resource::Leases, m_config.ns, m_config.name), int(m_config.renewDeadline.count()),
           &LeaderElector::onRead);
}

void LeaderElector::observe(const QJsonObject &lease)
{
    m_lease = lease;
    const QJsonObject spec = specOf(lease);
    if (spec != m_observedSpec || !m_observedTime.isValid()) {
        m_observedSpec = spec;
        m_observedTime = m_clock.nowUtc();
    }
    const QString holder = spec.value(u"holderIdentity"_s).toString();
    if (holder != m_observedHolder) {
        m_observedHolder = holder;
        Q_EMIT observedHolderChanged(holder);
    }
}

void LeaderElector::onRead(const KubeResponse &response)
{
    if (response.error.type == KubeError::Type::NotFound) {
        m_lease = {};
        runJob(m_client->create(Resource::Leases, m_config.ns, newLease()), int(m_config.renewDeadline.count()),
               &LeaderElector::onCreated);
        return;
    }
    if (!response.ok()) {
        if (const Logger *log = m_client->logger())
            log->warning(
                u"cannot read the Lease"_s,
                {{u"lease"_s, m_config.name}, {u"namespace"_s, m_config.ns}, {u"error"_s, response.error.message}});
        scheduleNext();
        return;
    }
    observe(response.object);
    const QJsonObject spec = specOf(response.object);
    const QString holder = spec.value(u"holderIdentity"_s).toString();
    qint64 durationMs = qint64(spec.value(u"leaseDurationSeconds"_s).toInt()) * 1000;
    if (durationMs <= 0)
        durationMs = m_config.leaseDuration.count();
    // Judged on our own clock from when this record was first seen: the holder's clock may be off.
    const bool valid = m_observedTime.addMSecs(durationMs) > m_clock.nowUtc();
    if (!holder.isEmpty() && holder != m_config.identity && valid) {
        setLeader(false); // someone else holds it: stop writing at once
        scheduleNext();
        return;
    }

    QJsonObject lease = response.object;
    QJsonObject next = spec;
    const QString now = microTime(m_clock.nowUtc());
    if (holder != m_config.identity) {
        next[u"acquireTime"_s] = now;
        next[u"leaseTransitions"_s] = spec.value(u"leaseTransitions"_s).toInt() + 1;
    }
    next[u"holderIdentity"_s] = m_config.identity;
    next[u"leaseDurationSeconds"_s] = leaseSeconds();
    next[u"renewTime"_s] = now;
    lease[u"spec"_s] = next;
    write(lease);
}

void LeaderElector::write(QJsonObject lease)
{
    QJsonObject spec = specOf(lease);
    spec[u"renewTime"_s] = microTime(m_clock.nowUtc());
    lease[u"spec"_s] = spec;
    runJob(m_client->update(Resource::Leases, m_config.ns, lease), writeTimeoutMs(), &LeaderElector::onUpdated);
}

int LeaderElector::writeTimeoutMs() const
{
    // A leader's write is worth nothing after its deadline; a candidate's is bounded the same way.
    if (m_leader && m_deadlineTimer.isActive())
        return qMax(1, m_deadlineTimer.remainingTime());
    return int(m_config.renewDeadline.count());
}

void LeaderElector::onCreated(const KubeResponse &response)
{
    if (response.error.type == KubeError::Type::AlreadyExists) {
        scheduleNext(); // another candidate created it first
        return;
    }
    onWritten(response);
}

void LeaderElector::onUpdated(const KubeResponse &response)
{
    if (response.error.type == KubeError::Type::Conflict || response.error.type == KubeError::Type::NotFound) {
        // Someone else wrote (or removed) it since we read it: read again before the next try.
        m_lease = {};
        if (!m_leader) {
            scheduleNext();
            return;
        }
        // A leader rereads at once; its deadline still runs.
        runJob(m_client->get(Resource::Leases, m_config.ns, m_config.name), writeTimeoutMs(), &LeaderElector::onRead);
        return;
    }
    onWritten(response);
}

void LeaderElector::onWritten(const KubeResponse &response)
{
    if (!response.ok()) {
        if (const Logger *log = m_client->logger())
            log->warning(
                m_leader ? u"cannot renew the Lease"_s : u"cannot acquire the Lease"_s,
                {{u"lease"_s, m_config.name}, {u"namespace"_s, m_config.ns}, {u"error"_s, response.error.message}});
        m_lease = {};
        scheduleNext();
        return;
    }
    observe(response.object);
    m_deadlineTimer.start(m_config.renewDeadline);
    setLeader(true);
    scheduleNext();
}

void LeaderElector::setLeader(bool leader)
{
    if (leader == m_leader)
        return;
    m_leader = leader;
    if (!leader)
        m_deadlineTimer.stop();
    if (const Logger *log = m_client->logger())
        log->info(leader ? u"leading"_s : u"stopped leading"_s,
                  {{u"lease"_s, m_config.name}, {u"namespace"_s, m_config.ns}, {u"identity"_s, m_config.identity}});
    Q_EMIT leadershipChanged(leader);
}

void LeaderElector::scheduleNext()
{
    if (!m_running)
        return;
    const qint64 period = m_config.retryPeriod.count();
    if (m_leader) {
        m_retryTimer.start(int(period));
        return;
    }
    // Candidates spread out: RetryPeriod up to (1 + 1.2) × RetryPeriod, like client-go's JitterUntil.
    const qint64 jitter = qint64(QRandomGenerator::global()->generateDouble() * JitterFactor * double(period));
    m_retryTimer.start(int(period + jitter));
}

void LeaderElector::onRenewDeadline()
{
    if (!m_leader)
        return;
    // Stop leading before anything else happens: a renewal still in flight no longer counts.
    abandonJob();
    m_lease = {};
    if (const Logger *log = m_client->logger())
        log->warning(u"could not renew the Lease within the renew deadline"_s,
                     {{u"lease"_s, m_config.name}, {u"namespace"_s, m_config.ns}});
    setLeader(false);
    m_retryTimer.stop();
    scheduleNext();
}

void LeaderElector::releaseStep()
{
    if (!m_releasing)
        return;
    if (m_lease.isEmpty()) {
        runJob(m_client->get(Resource::Leases, m_config.ns, m_config.name), qMax(1, m_releaseTimer.remainingTime()),
               &LeaderElector::onReleaseRead);
        return;
    }
    QJsonObject lease = m_lease;
    QJsonObject spec = specOf(lease);
    const QString now = microTime(m_clock.nowUtc());
    // An empty holder lets any candidate take it at once; transitions stay as they are.
    spec[u"holderIdentity"_s] = QString();
    spec[u"leaseDurationSeconds"_s] = 1;
    spec[u"acquireTime"_s] = now;
    spec[u"renewTime"_s] = now;
    lease[u"spec"_s] = spec;
    runJob(m_client->update(Resource::Leases, m_config.ns, lease), qMax(1, m_releaseTimer.remainingTime()),
           &LeaderElector::onReleaseWritten);
}

void LeaderElector::onReleaseRead(const KubeResponse &response)
{
    if (!response.ok()) {
        finishRelease();
        return;
    }
    observe(response.object);
    if (specOf(response.object).value(u"holderIdentity"_s).toString() != m_config.identity) {
        finishRelease(); // no longer ours: nothing to hand back
        return;
    }
    releaseStep();
}

void LeaderElector::onReleaseWritten(const KubeResponse &response)
{
    if (response.error.type == KubeError::Type::Conflict) {
        m_lease = {};
        releaseStep();
        return;
    }
    if (response.ok())
        observe(response.object);
    else if (const Logger *log = m_client->logger())
        log->warning(
            u"cannot release the Lease"_s,
            {{u"lease"_s, m_config.name}, {u"namespace"_s, m_config.ns}, {u"error"_s, response.error.message}});
    finishRelease();
}

void LeaderElector::finishRelease()
{
    if (!m_releasing)
        return;
    m_releasing = false;
    m_releaseTimer.stop();
    abandonJob();
    Q_EMIT released();
}

} // namespace Amo::Sync
