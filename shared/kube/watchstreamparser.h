// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Amo::Kube {

/** One decoded watch event. */
struct WatchEvent
{
    enum class Type { Added, Modified, Deleted, Bookmark, Error };
    Type type = Type::Added;
    QJsonObject object; // the object, or the Status of an ERROR event
    QString resourceVersion;
};

/**
 * Splits a watch response body into events. The API server writes one JSON object per line,
 * but reads split them anywhere, so objects are found by brace matching (strings and escapes
 * respected) over a buffer that keeps only the unfinished tail.
 */
class WatchStreamParser
{
public:
    /** Adds bytes and returns the events they completed. Sets error() on a malformed event. */
    QList<WatchEvent> feed(const QByteArray &bytes);
    /** True when bytes of an unfinished event are buffered (the stream broke mid-event). */
    bool hasPartialEvent() const;
    QString error() const { return m_error; }
    void reset();

    static bool decode(const QByteArray &json, WatchEvent *event, QString *error);

private:
    QByteArray m_buffer;
    qsizetype m_scan = 0; // where brace matching continues
    qsizetype m_start = -1; // start of the current object
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    QString m_error;
};

} // namespace Amo::Kube
