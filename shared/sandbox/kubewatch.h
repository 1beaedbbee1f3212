// SPDX-License-Identifier: MIT
#pragma once

#include "fieldselector.h"
#include "kubeobject.h"
#include "kubestatus.h"
#include "shared/kube/labelselector.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Amo::Sandbox {

class KubeStore;
class KubeResourceType;

/** What a watch asks for, as the query parameters of a watch request say it. */
struct KubeWatchOptions
{
    QString labelSelector;
    QString fieldSelector;
    QString resourceVersion; // empty or "0": synthetic ADDED for the current state first
    bool allowBookmarks = false;
    bool sendInitialEvents = false; // end the initial ADDED events with an annotated BOOKMARK
    int timeoutSeconds = 0; // 0: no timeout
};

/**
 * One open watch on a resource (optionally one namespace). Emits one JSON event per change
 * ({"type":…,"object":…}), BOOKMARKs on a timer, and closes on timeout, expiry or drop.
 */
class KubeWatch : public QObject
{
    Q_OBJECT
public:
    ~KubeWatch() override;

    /** Sends initial or replayed events and starts the timers; call after connecting the signals. */
    void start();
    /** Sends ERROR 410 for a compacted position, then closes. */
    void expire(const KubeError &error);
    /** Closes without a final event, as a broken connection would. */
    void drop();
    bool isClosed() const { return m_closed; }
    qint64 position() const { return m_position; }

Q_SIGNALS:
    void eventReady(const QByteArray &eventJson);
    /** The stream ends: @p aborted means drop the connection rather than finish the body. */
    void closed(bool aborted);

private:
    friend class KubeStore;
    KubeWatch(KubeStore *store, const KubeResourceType &type, const QString &ns, Kube::LabelSelector labels,
              FieldSelector fields, const KubeWatchOptions &options, QObject *parent);

    void deliver(const KubeEvent &event);
    bool selected(const KubeObjectPtr &object) const;
    void emitEvent(const QByteArray &type, const QByteArray &objectJson);
    void sendBookmark(bool initialEventsEnd);
    void close(bool aborted);

    QPointer<KubeStore> m_store;
    const KubeResourceType &m_type;
    QString m_namespace;
    Kube::LabelSelector m_labels;
    FieldSelector m_fields;
    KubeWatchOptions m_options;
    qint64 m_position = 0;
    KubeError m_startError;
    bool m_closed = false;
    QTimer m_bookmarkTimer;
    QTimer m_timeoutTimer;
};

} // namespace Amo::Sandbox
