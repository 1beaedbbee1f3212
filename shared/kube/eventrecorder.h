// SPDX-License-Identifier: MIT
#pragma once

#include "eventreference.h"
#include "eventspamfilter.h"
#include "kubeerror.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <deque>
#include <memory>

namespace Amo::Kube {

class KubeClient;
struct KubeResponse;

/** Limits of EventRecorder; the defaults are client-go's. */
struct EventRecorderOptions
{
    int burst = 25; // events per source and object before the spam filter drops
    qint64 refillIntervalMs = 5 * 60 * 1000; // one token back per interval
    qint64 seriesWindowMs = 10 * 60 * 1000; // an identical event within this updates the existing Event
    int maxInFlight = 4; // requests at once: an event storm must not flood the API server
    int maxQueued = 1000; // Events waiting to be written; beyond this they are dropped
    int maxSeries = 4096; // remembered Events for deduplication (and spam buckets)
};

/**
 * Records Kubernetes Events as client-go's recorder does: events.k8s.io/v1 first, core/v1 for
 * good once the server answers 404 for that group. An identical event (same object, type, reason
 * and message) within the series window bumps the count of the Event already written instead of
 * creating another; a token bucket per object drops floods. Writes are queued and bounded, and
 * never fail the caller: an Event is a hint to humans, not state the operator depends on.
 */
class EventRecorder : public QObject
{
    Q_OBJECT
public:
    enum class Type { Normal, Warning };

    EventRecorder(KubeClient *client, const QString &component, const QString &instance, QObject *parent = nullptr);
    EventRecorder(KubeClient *client, const QString &component, const QString &instance,
                  const EventRecorderOptions &options, QObject *parent = nullptr);
    ~EventRecorder() override;

    /**
     * Queues an Event about @p object and returns at once. @p reason is CamelCase ("Created"),
     * @p action what was done ("Create"); @p message is cut to 1 KiB.
     */
    void record(const EventReference &object, Type type, const QString &reason, const QString &action,
                const QString &message);

    /** Events (creates and count updates) the server accepted. */
    int sentCount() const { return m_sent; }
    /** Events dropped by the spam filter or because the queue was full. */
    int droppedCount() const { return m_dropped; }
    /** Writes that failed after the client's retries. */
    int failedCount() const { return m_failed; }
    /** True once the server has answered 404 for events.k8s.io/v1. */
    bool usesCoreEvents() const { return m_coreApi; }
    int inFlight() const { return m_inFlight; }
    int queued() const { return int(m_queue.size()); }
    bool isIdle() const { return m_inFlight == 0 && m_queue.empty(); }

    static QString typeName(Type type);
    /** "2006-01-02T15:04:05.000000Z" */
    static QString microTime(const QDateTime &time);
    /** "2006-01-02T15:04:05Z" */
    static QString rfc3339(const QDateTime &time);
    /** Cuts @p note to @p maxBytes of UTF-8 on a character boundary, ending in "..." when cut. */
    static QString truncateNote(const QString &note, int maxBytes = 1024);

Q_SIGNALS:
    /** Nothing queued and nothing in flight any more. */
    void idle();

private:
    struct Series;
    using SeriesPtr = std::shared_ptr<Series>;

    void enqueue(const SeriesPtr &series, bool front = false);
    void schedulePump();
    void pump();
    void send(const SeriesPtr &series);
    void onFinished(const SeriesPtr &series, bool created, bool coreApi, int count, const KubeResponse &response);
    void forget(const SeriesPtr &series);
    void pruneSeries();
    QString eventName(const EventReference &object);
    QJsonObject coreEvent(const Series &series) const;
    QJsonObject v1Event(const Series &series) const;
    void logFailure(const Series &series, const KubeError &error);

    KubeClient *m_client;
    QString m_component;
    QString m_instance;
    QString m_host;
    EventRecorderOptions m_options;
    EventSpamFilter m_spam;
    QHash<QString, SeriesPtr> m_series;
    std::deque<SeriesPtr> m_queue;
    int m_inFlight = 0;
    bool m_pumpScheduled = false;
    bool m_coreApi = false;
    bool m_failing = false; // only the first of a run of failures is a warning
    quint64 m_sequence = 0;
    int m_sent = 0;
    int m_dropped = 0;
    int m_failed = 0;
};

} // namespace Amo::Kube
