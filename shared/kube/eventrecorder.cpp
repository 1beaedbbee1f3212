// SPDX-License-Identifier: MIT
#include "eventrecorder.h"

#include "kubeclient.h"
#include "requestjob.h"

#include "shared/util/logger.h"

#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

/** One Event on the server (or on its way there) and the occurrences it stands for. */
struct EventRecorder::Series
{
    QString key;
    EventReference object;
    Type type = Type::Normal;
    QString reason;
    QString action;
    QString note;
    QString ns; // of the Event
    QString name;
    bool created = false;
    bool coreApi = false; // where it was created
    bool queued = false;
    bool inFlight = false;
    int count = 0; // occurrences
    QDateTime first;
    QDateTime last;
};

namespace {

constexpr int MaxNameLength = 253;

/** A 404 for the namespace is a missing namespace, not a missing API group. */
bool namespaceMissing(const KubeError &error)
{
    return error.message.startsWith(u"namespaces \""_s);
}

QString describe(const EventReference &object)
{
    if (object.ns.isEmpty())
        return object.kind + u'/' + object.name;
    return object.kind + u'/' + object.ns + u'/' + object.name;
}

} // namespace

EventRecorder::EventRecorder(KubeClient *client, const QString &component, const QString &instance, QObject *parent)
    : EventRecorder(client, component, instance, EventRecorderOptions {}, parent)
{
}

EventRecorder::EventRecorder(KubeClient *client, const QString &component, const QString &instance,
                             const EventRecorderOptions &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_component(component)
    , m_instance(instance)
    , m_host(QSysInfo::machineHostName())
    , m_options(options)
    , m_spam(options.burst, options.refillIntervalMs, client->clock(), options.maxSeries)
{
    if (m_instance.isEmpty())
        m_instance = m_host;
    m_options.maxInFlight = qMax(1, m_options.maxInFlight);
}

EventRecorder::~EventRecorder() = default;

QString EventRecorder::typeName(Type type)
{
    return type == Type::Warning ? u"Warning"_s : u"Normal"_s;
}

QString EventRecorder::microTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.toString(u"yyyy-MM-dd'T'HH:mm:ss"_s) + u'.'
        + QString::number(utc.time().msec() * 1000).rightJustified(6, u'0') + u'Z';
}

QString EventRecorder::rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s);
}

QString EventRecorder::truncateNote(const QString &note, int maxBytes)
{
    const QByteArray utf8 = note.toUtf8();
    if (utf8.size() <= maxBytes)
        return note;
    qsizetype cut = qMax(0, maxBytes - 3);
    while (cut > 0 && (uchar(utf8.at(cut)) & 0xC0) == 0x80) // never split a character
        --cut;
    return QString::fromUtf8(utf8.left(cut)) + u"..."_s;
}

void EventRecorder::record(const EventReference &object, Type type, const QString &reason, const QString &action,
                           const QString &message)
{
    const QDateTime now = m_client->clock().nowUtc();
    const Logger *log = m_client->logger();
    if (!m_spam.allow(object.key())) {
        ++m_dropped;
        if (log)
            log->debug(u"event dropped by the spam filter"_s, {{u"object"_s, describe(object)}, {u"reason"_s, reason}});
        return;
    }

    const QString note = truncateNote(message);
    const QString key = QStringList {object.key(), typeName(type), reason, note}.join(QChar(0));
    if (const auto it = m_series.constFind(key); it != m_series.cend()) {
        const SeriesPtr &series = it.value();
        const qint64 age = series->last.msecsTo(now);
        if (age >= 0 && age <= m_options.seriesWindowMs) {
            ++series->count;
            series->last = now;
            if (!series->queued && !series->inFlight) {
                if (int(m_queue.size()) >= m_options.maxQueued)
                    ++m_dropped; // still counted in the series: the next update carries it
                else
                    enqueue(series);
            }
            return;
        }
    }

    if (int(m_queue.size()) >= m_options.maxQueued) {
        ++m_dropped;
        if (log)
            log->debug(u"event dropped: too many queued"_s, {{u"object"_s, describe(object)}, {u"reason"_s, reason}});
        return;
    }
    auto series = std::make_shared<Series>();
    series->key = key;
    series->object = object;
    series->type = type;
    series->reason = reason;
    series->action = action.isEmpty() ? reason : action; // events.k8s.io requires one
    series->note = note;
    series->ns = object.ns.isEmpty() ? u"default"_s : object.ns;
    series->name = eventName(object);
    series->count = 1;
    series->first = now;
    series->last = now;
    m_series.insert(key, series);
    pruneSeries();
    enqueue(series);
}

QString EventRecorder::eventName(const EventReference &object)
{
    // client-go: "<object>.<UnixNano in hex>"; a sequence in the sub-millisecond digits keeps names apart.
    const QString prefix = (object.name.isEmpty() ? object.kind.toLower() : object.name).left(MaxNameLength - 17);
    const quint64 nanos = quint64(m_client->clock().nowUtc().toMSecsSinceEpoch()) * 1000000u + m_sequence++ % 1000000u;
    return prefix + u'.' + QString::number(nanos, 16).rightJustified(16, u'0');
}

void EventRecorder::enqueue(const SeriesPtr &series, bool front)
{
    series->queued = true;
    if (front)
        m_queue.push_front(series);
    else
        m_queue.push_back(series);
    schedulePump();
}

void EventRecorder::schedulePump()
{
    // Deferred, so record() stays cheap and a caller never sees a request start inside it.
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(this, &EventRecorder::pump, Qt::QueuedConnection);
}

void EventRecorder::pump()
{
    m_pumpScheduled = false;
    while (m_inFlight < m_options.maxInFlight && !m_queue.empty()) {
        const SeriesPtr series = m_queue.front();
        m_queue.pop_front();
        series->queued = false;
        send(series);
    }
    if (isIdle())
        Q_EMIT idle();
}

void EventRecorder::send(const SeriesPtr &series)
{
    series->inFlight = true;
    ++m_inFlight;
    const bool created = series->created;
    const bool core = created ? series->coreApi : m_coreApi;
    const Resource resource = core ? Resource::Events : Resource::EventsV1;
    const int count = series->count;
    RequestJob *job;
    if (!created) {
        job = m_client->create(resource, series->ns, core ? coreEvent(*series) : v1Event(*series));
    } else if (core) {
        job = m_client->mergePatch(resource, series->ns, series->name,
                                   QJsonObject {{u"count"_s, count}, {u"lastTimestamp"_s, rfc3339(series->last)}});
    } else {
        job = m_client->mergePatch(
            resource, series->ns, series->name,
            QJsonObject {
                {u"series"_s, QJsonObject {{u"count"_s, count}, {u"lastObservedTime"_s, microTime(series->last)}}}});
    }
    connect(job, &RequestJob::finished, this, [this, series, created, core, count](const KubeResponse &response) {
        onFinished(series, created, core, count, response);
    });
    job->start();
}

void EventRecorder::onFinished(const SeriesPtr &series, bool created, bool coreApi, int count,
                               const KubeResponse &response)
{
    series->inFlight = false;
    --m_inFlight;
    const Logger *log = m_client->logger();
    if (response.ok()) {
        ++m_sent;
        m_failing = false;
        series->created = true;
        series->coreApi = coreApi;
        if (series->count > count && !series->queued) // seen again while this was on its way
            enqueue(series);
    } else if (!created && !coreApi && response.error.type == KubeError::Type::NotFound
               && !namespaceMissing(response.error)) {
        if (!m_coreApi) {
            m_coreApi = true;
            if (log)
                log->info(u"events.k8s.io/v1 is not served; recording core/v1 Events"_s);
        }
        enqueue(series, true);
    } else if (created && response.error.type == KubeError::Type::NotFound) {
        // Events expire (an hour by default) or get deleted: start a new one with the count so far.
        series->created = false;
        series->name = eventName(series->object);
        enqueue(series, true);
    } else {
        ++m_failed;
        logFailure(*series, response.error);
        if (!series->created)
            forget(series); // the next identical event tries a create again
    }
    schedulePump();
}

void EventRecorder::forget(const SeriesPtr &series)
{
    const auto it = m_series.find(series->key);
    if (it != m_series.end() && it.value() == series)
        m_series.erase(it);
}

void EventRecorder::pruneSeries()
{
    if (m_series.size() <= m_options.maxSeries)
        return;
    const QDateTime now = m_client->clock().nowUtc();
    const auto busy = [](const SeriesPtr &s) {
        return s->queued || s->inFlight;
    };
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (!busy(it.value()) && it.value()->last.msecsTo(now) > m_options.seriesWindowMs)
            it = m_series.erase(it);
        else
            ++it;
    }
    while (m_series.size() > m_options.maxSeries) {
        auto oldest = m_series.end();
        for (auto it = m_series.begin(); it != m_series.end(); ++it) {
            if (!busy(it.value()) && (oldest == m_series.end() || it.value()->last < oldest.value()->last))
                oldest = it;
        }
        if (oldest == m_series.end())
            break; // everything is on its way; the queue bound keeps this finite
        m_series.erase(oldest);
    }
}

QJsonObject EventRecorder::coreEvent(const Series &series) const
{
    return QJsonObject {
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"Event"_s},
        {u"metadata"_s, QJsonObject {{u"name"_s, series.name}, {u"namespace"_s, series.ns}}},
        {u"involvedObject"_s, series.object.toJson()},
        {u"reason"_s, series.reason},
        {u"message"_s, series.note},
        {u"type"_s, typeName(series.type)},
        {u"source"_s, QJsonObject {{u"component"_s, m_component}, {u"host"_s, m_host}}},
        {u"firstTimestamp"_s, rfc3339(series.first)},
        {u"lastTimestamp"_s, rfc3339(series.last)},
        {u"count"_s, series.count},
        {u"reportingComponent"_s, m_component},
        {u"reportingInstance"_s, m_instance},
        {u"action"_s, series.action},
    };
}

QJsonObject EventRecorder::v1Event(const Series &series) const
{
    QJsonObject event {
        {u"apiVersion"_s, u"events.k8s.io/v1"_s},
        {u"kind"_s, u"Event"_s},
        {u"metadata"_s, QJsonObject {{u"name"_s, series.name}, {u"namespace"_s, series.ns}}},
        {u"eventTime"_s, microTime(series.first)},
        {u"reportingController"_s, m_component},
        {u"reportingInstance"_s, m_instance},
        {u"action"_s, series.action},
        {u"reason"_s, series.reason},
        {u"note"_s, series.note},
        {u"type"_s, typeName(series.type)},
        {u"regarding"_s, series.object.toJson()},
    };
    if (series.count > 1) { // the API rejects a series of fewer than two
        event.insert(u"series"_s,
                     QJsonObject {{u"count"_s, series.count}, {u"lastObservedTime"_s, microTime(series.last)}});
    }
    return event;
}

void EventRecorder::logFailure(const Series &series, const KubeError &error)
{
    const Logger *log = m_client->logger();
    if (!log)
        return;
    const Logger::Fields fields {{u"object"_s, describe(series.object)},
                                 {u"reason"_s, series.reason},
                                 {u"status"_s, QString::number(error.httpStatus)},
                                 {u"error"_s, error.message}};
    // One warning per run of failures: an unreachable server must not turn every Event into a log line.
    if (!m_failing) {
        m_failing = true;
        log->warning(u"could not record an Event"_s, fields);
    } else {
        log->debug(u"could not record an Event"_s, fields);
    }
}

} // namespace Amo::Kube
