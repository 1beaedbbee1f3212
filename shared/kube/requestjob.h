// SPDX-License-Identifier: MIT
#pragma once

#include "credentials.h"
#include "kubeerror.h"
#include "resource.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

class QNetworkReply;

namespace Amo::Kube {

class KubeClient;

/** The answer to one REST operation. */
struct KubeResponse
{
    KubeError error;
    int httpStatus = 0;
    QJsonObject object; // the returned object (or list) on success
    int attempts = 0;
    /** A create whose first answer was lost, found on the server by the follow-up GET. */
    bool createdBeforeUnknownOutcome = false;
    /** The answer came over HTTP/2 (negotiated by ALPN when the server offers it). */
    bool http2 = false;
    bool ok() const { return !error.isError(); }
};

/**
 * One REST call with its own timeout, rate limiting, credentials, a single re-authentication on
 * 401, and retries with exponential backoff and full jitter (Retry-After wins when the server
 * sends it). Creates are never retried blindly: after an unknown outcome the job first GETs the
 * name. Emits finished once, then deletes itself.
 */
class RequestJob : public QObject
{
    Q_OBJECT
public:
    enum class Retry {
        Safe, // reads and conditional writes
        CheckFirst, // creates: GET before retrying when the outcome is unknown
        OnlyRejected, // unconditional writes: only 429 (the server rejected it unprocessed)
    };

    RequestJob(KubeClient *client, const QByteArray &verb, Resource resource, const QString &ns, const QString &name,
               const QUrlQuery &query, const QByteArray &body, const QByteArray &contentType, Retry retry,
               QObject *parent = nullptr);
    ~RequestJob() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    /** Requests this path instead of the resource's (a non-resource URL such as /.well-known/…). */
    void setPath(const QString &path) { m_path = path; }
    /**
     * Retries after the first attempt (default: the client's maxRetries). 0 for a caller that
     * retries on its own, such as the sync engine's work queue, so that nothing is resent behind it.
     */
    void setMaxRetries(int retries) { m_maxRetries = qMax(0, retries); }
    void start();

    static bool isRetryable(const KubeError &error);
    /** True when a failed create may nevertheless have been stored. */
    static bool outcomeUnknown(const KubeError &error);

Q_SIGNALS:
    void finished(const Amo::Kube::KubeResponse &response);

private:
    void attempt();
    void send(const Credentials &credentials);
    void onReplyFinished();
    void onTimeout();
    void handleFailure(const KubeError &error);
    void retryLater(const KubeError &error);
    void verifyCreate(const KubeError &error);
    void finish(const KubeResponse &response);

    KubeClient *m_client;
    QByteArray m_verb;
    Resource m_resource;
    QString m_ns;
    QString m_name;
    QString m_path; // overrides the resource's path when set
    QUrlQuery m_query;
    QByteArray m_body;
    QByteArray m_contentType;
    Retry m_retry;
    int m_timeoutMs;
    int m_maxRetries;
    int m_attempts = 0;
    bool m_reauthenticated = false;
    bool m_holdsSlot = false;
    bool m_done = false;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QTimer m_retryTimer;
    QElapsedTimer m_latency;
};

} // namespace Amo::Kube
