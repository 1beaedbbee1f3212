// SPDX-License-Identifier: MIT
#include "kubewatch.h"

#include "kuberesourcetype.h"
#include "kubestore.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

KubeWatch::KubeWatch(KubeStore *store, const KubeResourceType &type, const QString &ns, Kube::LabelSelector labels,
                     FieldSelector fields, const KubeWatchOptions &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_type(type)
    , m_namespace(ns)
    , m_labels(std::move(labels))
    , m_fields(std::move(fields))
    , m_options(options)
{
    m_bookmarkTimer.setInterval(store->options().bookmarkIntervalMs);
    connect(&m_bookmarkTimer, &QTimer::timeout, this, [this] { sendBookmark(false); });
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] { close(false); });
}

KubeWatch::~KubeWatch()
{
    if (m_store)
        m_store->unregisterWatch(this);
}

void KubeWatch::start()
{
    if (!m_store || m_closed)
        return;
    if (m_startError.isError()) {
        expire(m_startError);
        return;
    }
    const QString rv = m_options.resourceVersion;
    if (rv.isEmpty() || rv == u"0") {
        m_position = m_store->resourceVersion();
        for (const KubeObjectPtr &object : m_store->objects(m_type, m_namespace)) {
            if (selected(object))
                emitEvent("ADDED", object->compactJson());
            if (m_closed)
                return;
        }
        if (m_options.sendInitialEvents && m_options.allowBookmarks)
            sendBookmark(true);
    } else {
        m_position = rv.toLongLong();
        const KubeEventHistory &history = m_store->history();
        // Copy the range first: a receiver may write to the store while we replay.
        const std::vector<KubeEvent> replay(history.after(m_position), history.end());
        for (const KubeEvent &event : replay) {
            deliver(event);
            if (m_closed)
                return;
        }
    }
    m_store->registerWatch(this);
    if (m_options.allowBookmarks)
        m_bookmarkTimer.start();
    if (m_options.timeoutSeconds > 0)
        m_timeoutTimer.start(m_options.timeoutSeconds * 1000);
}

bool KubeWatch::selected(const KubeObjectPtr &object) const
{
    return object && (m_labels.isEmpty() || m_labels.matches(object->labels()))
        && (m_fields.isEmpty() || m_fields.matches(object->json()));
}

void KubeWatch::deliver(const KubeEvent &event)
{
    if (m_closed || event.resourceVersion <= m_position)
        return;
    m_position = event.resourceVersion;
    if (event.resourceType != &m_type || (!m_namespace.isEmpty() && event.ns != m_namespace))
        return;
    const bool now = selected(event.object);
    if (event.type != "MODIFIED") {
        if (now)
            emitEvent(event.type, event.object->compactJson());
        return;
    }
    // Like the watch cache: an object that enters or leaves the selection is ADDED or DELETED.
    const bool before = selected(event.previous);
    if (now)
        emitEvent(before ? QByteArray("MODIFIED") : QByteArray("ADDED"), event.object->compactJson());
    else if (before)
        emitEvent("DELETED", event.object->compactJson());
}

void KubeWatch::emitEvent(const QByteArray &type, const QByteArray &objectJson)
{
    Q_EMIT eventReady("{\"type\":\"" + type + "\",\"object\":" + objectJson + '}');
}

void KubeWatch::sendBookmark(bool initialEventsEnd)
{
    if (m_closed || !m_store)
        return;
    m_position = std::max(m_position, m_store->resourceVersion());
    QJsonObject metadata {{u"resourceVersion"_s, QString::number(m_position)}};
    if (initialEventsEnd)
        metadata.insert(u"annotations"_s, QJsonObject {{u"k8s.io/initial-events-end"_s, u"true"_s}});
    const QJsonObject object {
        {u"kind"_s, m_type.kind}, {u"apiVersion"_s, m_type.apiVersion()}, {u"metadata"_s, metadata}};
    emitEvent("BOOKMARK", QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void KubeWatch::expire(const KubeError &error)
{
    if (m_closed)
        return;
    emitEvent("ERROR", QJsonDocument(error.status).toJson(QJsonDocument::Compact));
    close(false);
}

void KubeWatch::drop()
{
    close(true);
}

void KubeWatch::close(bool aborted)
{
    if (m_closed)
        return;
    m_closed = true;
    m_bookmarkTimer.stop();
    m_timeoutTimer.stop();
    if (m_store)
        m_store->unregisterWatch(this);
    Q_EMIT closed(aborted);
}

} // namespace Amo::Sandbox
