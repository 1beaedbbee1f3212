// SPDX-License-Identifier: MIT
#pragma once

#include "credentials.h"
#include "kubeerror.h"
#include "resource.h"
#include "watchstreamparser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace Amo::Kube {

class KubeClient;

struct WatchOptions
{
    QString resourceVersion; // start strictly after this version; empty: current state as ADDED events first
    QString labelSelector;
    QString fieldSelector;
    int timeoutSeconds = 0; // server-side end of the stream; 0: random in [300, 600) like client-go
    bool bookmarks = true;
    int stallTimeoutMs = 0; // no bytes for this long: the stream is dead; 0: timeoutSeconds + 30 s
};

struct WatchResult
{
    KubeError error; // none: the server ended the stream normally
    QString lastResourceVersion;
    int events = 0;
    bool gone() const { return error.type == KubeError::Type::Gone; }
};

/**
 * One watch request. Exempt from the request timeout and the in-flight cap (it is meant to stay
 * open), but a stall detector aborts it when no byte arrives for too long. ERROR events end it
 * with their Status as the error. Emits finished once, then deletes itself.
 */
class WatchJob : public QObject
{
    Q_OBJECT
public:
    WatchJob(KubeClient *client, Resource resource, const QString &ns, const WatchOptions &options,
             QObject *parent = nullptr);
    ~WatchJob() override;

    void start();
    /** Ends the watch without a finished signal. */
    void stop();
    int timeoutSeconds() const { return m_options.timeoutSeconds; }

Q_SIGNALS:
    void event(const Amo::Kube::WatchEvent &event);
    void finished(const Amo::Kube::WatchResult &result);

private:
    void send(const Credentials &credentials);
    void onReadyRead();
    void onReplyFinished();
    void onStalled();
    void finish(const KubeError &error);

    KubeClient *m_client;
    Resource m_resource;
    QString m_ns;
    WatchOptions m_options;
    WatchStreamParser m_parser;
    WatchResult m_result;
    QPointer<QNetworkReply> m_reply;
    QTimer m_stall;
    QElapsedTimer m_elapsed;
    int m_status = 0;
    bool m_done = false;
};

} // namespace Amo::Kube
