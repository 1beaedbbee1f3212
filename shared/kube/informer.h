// SPDX-License-Identifier: MIT
#pragma once

#include "kubeerror.h"
#include "resource.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Amo::Kube {

class CacheSink;
class KubeClient;
class WatchJob;
struct ListResult;
struct WatchEvent;
struct WatchResult;

struct InformerOptions
{
    QString labelSelector;
    QString fieldSelector;
    int watchTimeoutMinSeconds = 300; // each watch asks for a random timeoutSeconds in [min, max)
    int watchTimeoutMaxSeconds = 600;
    int stallTimeoutMs = 0; // 0: the watch's own default
    int backoffBaseMs = 500;
    int backoffCapMs = 30 * 1000;
};

/**
 * List-then-watch for one resource kind (the informer pattern): a paged list fills the sink,
 * then a watch from the list's resourceVersion keeps it current. A watch that ends or breaks is
 * resumed from the last seen resourceVersion (with backoff after errors); only 410 Gone (or a
 * "too large resource version") forces a full re-list.
 */
class Informer : public QObject
{
    Q_OBJECT
public:
    Informer(KubeClient *client, Resource resource, const QString &ns, CacheSink *sink,
             const InformerOptions &options = {}, QObject *parent = nullptr);
    ~Informer() override;

    void start();
    void stop();
    bool hasSynced() const { return m_synced; }
    QString lastResourceVersion() const { return m_resourceVersion; }
    int lists() const { return m_lists; }
    int watches() const { return m_watches; }

Q_SIGNALS:
    /** The first complete list is in the sink. */
    void synced();
    /** A list or watch failed; the informer retries by itself. */
    void failed(const Amo::Kube::KubeError &error);

private:
    void list();
    void watch();
    void onListFinished(const ListResult &result);
    void onWatchEvent(const WatchEvent &event);
    void onWatchFinished(const WatchResult &result);
    void retry(void (Informer::*step)());

    KubeClient *m_client;
    Resource m_resource;
    QString m_ns;
    CacheSink *m_sink;
    InformerOptions m_options;
    QString m_resourceVersion;
    QPointer<WatchJob> m_watch;
    QPointer<QObject> m_list;
    QTimer m_retryTimer;
    int m_failures = 0;
    int m_lists = 0;
    int m_watches = 0;
    bool m_synced = false;
    bool m_running = false;
};

} // namespace Amo::Kube
