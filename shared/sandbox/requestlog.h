// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <compare>

namespace Amo::Sandbox {

/** One answered (or deliberately unanswered) request. */
struct RequestLogEntry
{
    QDateTime time;
    QByteArray method;
    QString path;
    QString route; // the handler's route pattern, or the raw path
    int status = 0; // 0 when no status line was sent (stalled or reset before headers)
    qint64 durationMs = 0;
    QString fault; // name of the injected fault, empty if none
    QString userAgent; // the client's User-Agent header
};

/** Requests the sandbox served, with counters per method + route + status. */
class RequestLog
{
public:
    struct Key
    {
        QByteArray method;
        QString route;
        int status = 0;
        std::weak_ordering operator<=>(const Key &) const = default;
        bool operator==(const Key &) const = default;
    };

    void append(const RequestLogEntry &entry);
    void clear();
    QList<RequestLogEntry> entries() const { return m_entries; }
    QMap<Key, int> counters() const { return m_counters; }
    /** Requests matching method and route; status 0 counts every status. */
    int count(const QByteArray &method, const QString &route, int status = 0) const;
    int total() const { return m_total; }
    /** Keeps at most this many entries (counters keep counting). */
    void setCapacity(int capacity) { m_capacity = capacity; }
    QJsonObject toJson() const;

private:
    QList<RequestLogEntry> m_entries;
    QMap<Key, int> m_counters;
    int m_total = 0;
    int m_capacity = 10000;
};

} // namespace Amo::Sandbox
