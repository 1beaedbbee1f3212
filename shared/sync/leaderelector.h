// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>

namespace Amo {
class Clock;
namespace Kube {
class KubeClient;
class RequestJob;
struct KubeResponse;
} // namespace Kube
} // namespace Amo

namespace Amo::Sync {

/** Durations of a leader election; the defaults are client-go's usual 15 s / 10 s / 2 s. */
struct LeaderElectorConfig
{
    QString ns; // namespace of the Lease
    QString name; // name of the Lease
    QString identity; // unique per process: the pod name, else hostname_pid
    std::chrono::milliseconds leaseDuration {15000};
    std::chrono::milliseconds renewDeadline {10000};
    std::chrono::milliseconds retryPeriod {2000};

    /** Empty when usable; else why not (LeaseDuration > RenewDeadline > 1.2 × RetryPeriod > 0). */
    QString validate(bool allowSubSecond = false) const;
};

/**
 * Leader election on a coordination.k8s.io/v1 Lease, following client-go's tryAcquireOrRenew:
 * expiry is judged on the local clock from when a changed record was observed, the leader renews
 * every retry period and stops leading as soon as it cannot renew within the renew deadline.
 * Candidates retry with jitter (factor 1.2). It keeps competing after a loss until stop() or release().
 */
class LeaderElector : public QObject
{
    Q_OBJECT
public:
    LeaderElector(Kube::KubeClient *client, const LeaderElectorConfig &config, QObject *parent = nullptr);
    ~LeaderElector() override;

    const LeaderElectorConfig &config() const { return m_config; }
    bool isLeader() const { return m_leader; }
    bool isRunning() const { return m_running; }
    /** The holder of the last record seen (empty: nobody, or not read yet). */
    QString observedHolder() const { return m_observedHolder; }

    /** Starts competing at once (no initial sleep). */
    void start();
    /** Stops competing without touching the Lease; a leader stops leading first. */
    void stop();
    /**
     * Call once the caller has stopped writing: stops competing and, when leading, hands the Lease
     * back (holder "", duration 1 s), bounded by the renew deadline. Emits released() (queued) either way.
     */
    void release();

    /** MicroTime as the API server writes it: 2006-01-02T15:04:05.000000Z. */
    static QString microTime(const QDateTime &time);

Q_SIGNALS:
    void leadershipChanged(bool isLeader);
    void released();
    void observedHolderChanged(const QString &holder);

private:
    void tryAcquireOrRenew();
    void onRead(const Kube::KubeResponse &response);
    void onCreated(const Kube::KubeResponse &response);
    void onUpdated(const Kube::KubeResponse &response);
    void onWritten(const Kube::KubeResponse &response);
    int writeTimeoutMs() const;
    void write(QJsonObject lease);
    void observe(const QJsonObject &lease);
    void setLeader(bool leader);
    void scheduleNext();
    void onRenewDeadline();
    void abandonJob();
    void runJob(Kube::RequestJob *job, int timeoutMs, void (LeaderElector::*handler)(const Kube::KubeResponse &));
    void releaseStep();
    void onReleaseRead(const Kube::KubeResponse &response);
    void onReleaseWritten(const Kube::KubeResponse &response);
    void finishRelease();
    QJsonObject newLease() const;
    int leaseSeconds() const;

    Kube::KubeClient *m_client;
    LeaderElectorConfig m_config;
    const Clock &m_clock;
    bool m_running = false;
    bool m_leader = false;
    bool m_releasing = false;
    QPointer<Kube::RequestJob> m_job;
    quint64 m_generation = 0; // answers of abandoned jobs are ignored
    QJsonObject m_lease; // the whole object as last read or written (for resourceVersion)
    QJsonObject m_observedSpec; // the record as last seen, to notice changes
    QDateTime m_observedTime; // local time at which m_observedSpec was first seen
    QString m_observedHolder;
    QTimer m_retryTimer;
    QTimer m_deadlineTimer; // a leader's renew deadline, restarted by every successful renewal
    QTimer m_releaseTimer; // bounds release()
};

} // namespace Amo::Sync
