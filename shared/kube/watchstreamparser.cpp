// SPDX-License-Identifier: MIT
#include "watchstreamparser.h"

#include "kubeerror.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

void WatchStreamParser::reset()
{
    *this = WatchStreamParser();
}

bool WatchStreamParser::hasPartialEvent() const
{
    return m_start >= 0;
}

bool WatchStreamParser::decode(const QByteArray &json, WatchEvent *event, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = u"malformed watch event (%1): \"%2\""_s.arg(parseError.errorString(), KubeError::excerpt(json));
        return false;
    }
    const QJsonObject o = doc.object();
    const QString type = o.value(u"type"_s).toString();
    static const QString names[] = {u"ADDED"_s, u"MODIFIED"_s, u"DELETED"_s, u"BOOKMARK"_s, u"ERROR"_s};
    int index = -1;
    for (int i = 0; i < 5; ++i) {
        if (type == names[i])
            index = i;
    }
    if (index < 0 || !o.value(u"object"_s).isObject()) {
        *error = u"unknown watch event type \"%1\""_s.arg(type);
        return false;
    }
    event->type = WatchEvent::Type(index);
    event->object = o.value(u"object"_s).toObject();
    event->resourceVersion = event->object.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString();
    return true;
}

QList<WatchEvent> WatchStreamParser::feed(const QByteArray &bytes)
{
    QList<WatchEvent> events;
    if (!m_error.isEmpty())
        return events;
    m_buffer += bytes;
    qsizetype consumed = 0;
    for (qsizetype i = m_scan; i < m_buffer.size(); ++i) {
        const char c = m_buffer[i];
        if (m_start < 0) {
            if (c == '{') {
                m_start = i;
                m_depth = 1;
            } else if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                m_error = u"unexpected byte in watch stream: \"%1\""_s.arg(KubeError::excerpt(m_buffer.mid(i, 80)));
                return events;
            }
            continue;
        }
        if (m_inString) {
            if (m_escape)
                m_escape = false;
            else if (c == '\\')
                m_escape = true;
            else if (c == '"')
                m_inString = false;
            continue;
        }
        if (c == '"') {
            m_inString = true;
        } else if (c == '{') {
            ++m_depth;
        } else if (c == '}' && --m_depth == 0) {
            WatchEvent event;
            if (!decode(m_buffer.mid(m_start, i + 1 - m_start), &event, &m_error))
                return events;
            events.append(event);
            m_start = -1;
            consumed = i + 1;
        }
    }
    // Keep only the unfinished tail, so a long stream never accumulates.
    const qsizetype keepFrom = m_start >= 0 ? m_start : qMax(consumed, m_buffer.size());
    m_buffer.remove(0, keepFrom);
    if (m_start >= 0)
        m_start = 0;
    m_scan = m_buffer.size();
    return events;
}

} // namespace Amo::Kube
