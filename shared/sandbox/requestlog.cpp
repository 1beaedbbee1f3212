// SPDX-License-Identifier: MIT
#include "shared/sandbox/requestlog.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

void RequestLog::append(const RequestLogEntry &entry)
{
    ++m_total;
    ++m_counters[Key {entry.method, entry.route, entry.status}];
    m_entries.append(entry);
    if (m_entries.size() > m_capacity)
        m_entries.remove(0, m_entries.size() - m_capacity);
}

void RequestLog::clear()
{
    m_entries.clear();
    m_counters.clear();
    m_total = 0;
}

int RequestLog::count(const QByteArray &method, const QString &route, int status) const
{
    int n = 0;
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it) {
        if (it.key().method == method && it.key().route == route && (status == 0 || it.key().status == status))
            n += it.value();
    }
    return n;
}

QJsonObject RequestLog::toJson() const
{
    QJsonArray entries;
    for (const RequestLogEntry &e : m_entries) {
        QJsonObject o {{u"time"_s, e.time.toString(Qt::ISODateWithMs)},
                       {u"method"_s, QString::fromLatin1(e.method)},
                       {u"path"_s, e.path},
                       {u"route"_s, e.route},
                       {u"status"_s, e.status},
                       {u"durationMs"_s, e.durationMs}};
        if (!e.fault.isEmpty())
            o.insert(u"fault"_s, e.fault);
        if (!e.userAgent.isEmpty())
            o.insert(u"userAgent"_s, e.userAgent);
        entries.append(o);
    }
    QJsonArray counters;
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it) {
        counters.append(QJsonObject {{u"method"_s, QString::fromLatin1(it.key().method)},
                                     {u"route"_s, it.key().route},
                                     {u"status"_s, it.key().status},
                                     {u"count"_s, it.value()}});
    }
    return QJsonObject {{u"total"_s, m_total}, {u"entries"_s, entries}, {u"counters"_s, counters}};
}

} // namespace Amo::Sandbox
