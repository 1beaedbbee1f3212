// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <cstdio>
#include <utility>

namespace Amo {

class Clock;

/**
 * Log lines for the headless agent: text ("time level message key=value …") or JSON lines
 * ({"time","level","msg",fields…}). Messages are English; secrets must never be passed in.
 */
class Logger
{
public:
    enum class Level { Debug, Info, Warning, Error };
    enum class Format { Text, Json };
    using Fields = QList<std::pair<QString, QString>>;

    Logger(Format format, Level threshold, std::FILE *out, const Clock &clock);

    void setFormat(Format format) { m_format = format; }
    void setThreshold(Level threshold) { m_threshold = threshold; }
    bool enabled(Level level) const { return level >= m_threshold; }

    void log(Level level, const QString &message, const Fields &fields = {}) const;
    void debug(const QString &message, const Fields &fields = {}) const { log(Level::Debug, message, fields); }
    void info(const QString &message, const Fields &fields = {}) const { log(Level::Info, message, fields); }
    void warning(const QString &message, const Fields &fields = {}) const { log(Level::Warning, message, fields); }
    void error(const QString &message, const Fields &fields = {}) const { log(Level::Error, message, fields); }

    /** One formatted line without the trailing newline; exposed for tests. */
    QString formatLine(Level level, const QString &message, const Fields &fields) const;

private:
    Format m_format;
    Level m_threshold;
    std::FILE *m_out;
    const Clock &m_clock;
};

} // namespace Amo
