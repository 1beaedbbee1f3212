// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

namespace Amo::Azure {

/** The outcome of one HTTP exchange. status 0 means no HTTP answer (connection error or timeout). */
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;
    qint64 elapsedMs = 0;

    /** Case-insensitive header lookup. */
    QByteArray header(const QByteArray &name) const;
    /** A short reason for a failure without an HTTP status, e.g. "timed out after 5000 ms". */
    QString transportError() const;
};

/** One request with its own timeout; emits finished() once and deletes itself afterwards. */
class HttpJob : public QObject
{
    Q_OBJECT
public:
    HttpJob(QNetworkAccessManager *nam, const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body,
            int timeoutMs, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(const Amo::Azure::HttpResult &result);

private:
    void onReplyFinished();
    void onTimeout();

    QNetworkAccessManager *m_nam;
    QNetworkRequest m_request;
    QByteArray m_verb;
    QByteArray m_body;
    int m_timeoutMs;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    bool m_timedOut = false;
};

} // namespace Amo::Azure
