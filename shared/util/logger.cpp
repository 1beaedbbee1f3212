// SPDX-License-Identifier: MIT
#include "shared/util/logger.h"

#include "shared/util/clock.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Amo {

namespace {
QString levelName(Logger::Level level)
{
    switch (level) {
    case Logger::Level::Debug:
        return u"debug"_s;
    case Logger::Level::Info:
        return u"info"_s;
    case Logger::Level::Warning:
        return u"warning"_s;
    case Logger::Level::Error:
        return u"error"_s;
    }
    return QString();
}

// Quote text values that a reader could not split on spaces otherwise.
QString textValue(const QString &value)
{
    const bool plain = !value.isEmpty() && !value.contains(u' ') && !value.contains(u'"') && !value.contains(u'=')
        && !value.contains(u'\n');
    if (plain)
        return value;
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s).replace(u"\n"_s, u"\\n"_s);
    return u'"' + escaped + u'"';
}
} // namespace

Logger::Logger(Format format, Level threshold, std::FILE *out, const Clock &clock)
    : m_format(format)
    , m_threshold(threshold)
    , m_out(out)
    , m_clock(clock)
{
}

QString Logger::formatLine(Level level, const QString &message, const Fields &fields) const
{
    const QString time = m_clock.nowUtc().toString(Qt::ISODateWithMs);
    if (m_format == Format::Json) {
        QJsonObject line {{u"time"_s, time}, {u"level"_s, levelName(level)}, {u"msg"_s, message}};
        for (const auto &[key, value] : fields)
            line.insert(key, value);
        return QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
    }
    QString line = time + u' ' + levelName(level) + u' ' + message;
    for (const auto &[key, value] : fields)
        line += u' ' + key + u'=' + textValue(value);
    return line;
}

void Logger::log(Level level, const QString &message, const Fields &fields) const
{
    if (!enabled(level))
        return;
    const QByteArray line = formatLine(level, message, fields).toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
    std::fflush(m_out);
}

} // namespace Amo
