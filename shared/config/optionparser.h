// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/operatorconfig.h"
#include "shared/config/optiontable.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Amo::Config {

/** What OptionParser::parse found. Check ok() first; on error, print error and exit with UsageExitCode. */
struct ParseResult
{
    OperatorConfig config;
    bool helpRequested = false;
    bool versionRequested = false;
    QString error; // one line naming the option, the value and what was expected; empty on success
    QStringList positional; // non-option arguments; ignored, as the original ignores them

    bool ok() const { return error.isEmpty(); }
};

/**
 * Turns argv and the environment into an OperatorConfig the way the original's go-flags parser does:
 * flag, then env var, then default. `--name=value`, `--name value`, booleans by presence, `-v`, `-h`,
 * `--` ends the options; unknown flags are errors.
 *
 * The agent calls it as
 * @code
 *   const ParseResult r = OptionParser().parse(app.arguments().mid(1), OptionParser::systemEnvironment());
 *   if (!r.ok()) { stderr << r.error; return OptionParser::UsageExitCode; }
 *   if (r.helpRequested) { stdout << OptionParser().helpText(); return 0; }
 * @endcode
 */
class OptionParser
{
public:
    static constexpr int UsageExitCode = 2;

    explicit OptionParser(QList<OptionSpec> specs = OptionTable::all());

    /** @p arguments excludes the program name; @p environment maps names to values (set-but-empty kept). */
    ParseResult parse(const QStringList &arguments, const QHash<QString, QString> &environment) const;

    /** The --help text, grouped like the original's ("Application Options", ..., "Help Options"). */
    QString helpText(const QString &programName = QStringLiteral("azure-msi-operator")) const;

    const QList<OptionSpec> &specs() const { return m_specs; }

    /** The process environment as a map, for parse(). */
    static QHash<QString, QString> systemEnvironment();

    /** "--sync.interval / SYNC_INTERVAL": how error lines name an option. */
    static QString displayName(const OptionSpec &spec);

private:
    QList<OptionSpec> m_specs;
};

} // namespace Amo::Config
