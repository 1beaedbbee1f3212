// SPDX-License-Identifier: MIT
#include "informer.h"

#include "cachesink.h"
#include "kubeclient.h"
#include "listjob.h"
#include "watchjob.h"

#include "shared/util/logger.h"

#include "shared/util/backoff.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

Informer::Informer(KubeClient *client, Resource resource, const QString &ns, CacheSink *sink,
                   const InformerOptions &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_resource(resource)
    , m_ns(ns)
    , m_sink(sink)
    , m_options(options)
{
    m_retryTimer.setSingleShot(true);
}

Informer::~Informer()
{
    stop();
}

void Informer::start()
{
    if (m_running)
        return;
    m_running = true;
    list();
}

void Informer::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_retryTimer.disconnect(this);
    if (m_watch) {
        m_watch->disconnect(this);
        m_watch->stop();
        m_watch->deleteLater();
    }
    if (m_list) {
        m_list->disconnect(this);
        m_list->deleteLater();
    }
}

void Informer::retry(void (Informer::*step)())
{
    ++m_failures;
    const qint64 delay = Backoff {m_options.backoffBaseMs, m_options.backoffCapMs}.delayMs(m_failures - 1);
    m_retryTimer.disconnect(this);
    connect(&m_retryTimer, &QTimer::timeout, this, step);
    m_retryTimer.start(int(delay));
}

void Informer::list()
{
    if (!m_running)
        return;
    ++m_lists;
    ListOptions options;
    options.labelSelector = m_options.labelSelector;
    options.fieldSelector = m_options.fieldSelector;
    options.keepItems = false;
    ListJob *job = m_client->list(m_resource, m_ns, options);
    m_list = job;
    m_sink->beginReplace();
    connect(job, &ListJob::page, this, [this](const QJsonArray &items) { m_sink->addPage(items); });
    connect(job, &ListJob::restarted, this, [this] { m_sink->beginReplace(); });
    connect(job, &ListJob::finished, this, &Informer::onListFinished);
    job->start();
}

void Informer::onListFinished(const ListResult &result)
{
    m_list = nullptr;
    if (!result.ok()) {
        m_sink->abortReplace();
        if (const Logger *log = m_client->logger())
            log->warning(u"Kubernetes list failed; retrying"_s,
                         {{u"resource"_s, ResourceInfo::of(m_resource).plural}, {u"error"_s, result.error.message}});
        Q_EMIT failed(result.error);
        retry(&Informer::list);
        return;
    }
    m_sink->commitReplace();
    m_resourceVersion = result.resourceVersion;
    m_failures = 0;
    if (!m_synced) {
        m_synced = true;
        Q_EMIT synced();
    }
    watch();
}

void Informer::watch()
{
    if (!m_running)
        return;
    ++m_watches;
    WatchOptions options;
    options.resourceVersion = m_resourceVersion;
    options.labelSelector = m_options.labelSelector;
    options.fieldSelector = m_options.fieldSelector;
    const int span = qMax(1, m_options.watchTimeoutMaxSeconds - m_options.watchTimeoutMinSeconds);
    options.timeoutSeconds = m_options.watchTimeoutMinSeconds + int(QRandomGenerator::global()->bounded(span));
    options.stallTimeoutMs = m_options.stallTimeoutMs;
    WatchJob *job = m_client->watch(m_resource, m_ns, options);
    m_watch = job;
    connect(job, &WatchJob::event, this, &Informer::onWatchEvent);
    connect(job, &WatchJob::finished, this, &Informer::onWatchFinished);
    job->start();
}

void Informer::onWatchEvent(const WatchEvent &event)
{
    if (event.type != WatchEvent::Type::Bookmark)
        m_sink->apply(event);
    if (!event.resourceVersion.isEmpty())
        m_resourceVersion = event.resourceVersion;
}

void Informer::onWatchFinished(const WatchResult &result)
{
    m_watch = nullptr;
    if (!result.lastResourceVersion.isEmpty())
        m_resourceVersion = result.lastResourceVersion;
    const KubeError &e = result.error;
    const bool tooLarge = e.message.contains(u"Too large resource version"_s, Qt::CaseInsensitive);
    if (result.gone() || tooLarge) {
        // The server no longer has history from our position: only a fresh list is consistent.
        list();
        return;
    }
    if (!e) {
        m_failures = 0;
        watch();
        return;
    }
    if (const Logger *log = m_client->logger())
        log->info(u"Kubernetes watch ended; resuming"_s,
                  {{u"resource"_s, ResourceInfo::of(m_resource).plural},
                   {u"error"_s, e.message},
                   {u"resourceVersion"_s, m_resourceVersion}});
    Q_EMIT failed(e);
    retry(&Informer::watch);
}

} // namespace Amo::Kube
