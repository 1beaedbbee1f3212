// SPDX-License-Identifier: MIT
#include "shared/config/helpformatter.h"

#include "shared/config/optiontable.h"

using namespace Qt::StringLiterals;

namespace Amo::Config {

namespace {

QString optionColumn(const OptionSpec &spec)
{
    QString text = spec.shortName.isNull() ? u"    "_s : u"-"_s + spec.shortName + u", "_s;
    text += u"--"_s + spec.longName;
    if (spec.kind == OptionKind::String || spec.kind == OptionKind::StringList || spec.kind == OptionKind::Duration
        || spec.kind == OptionKind::Number)
        text += u'=' + spec.valueName;
    else if (spec.kind == OptionKind::Toggle)
        text += u"[=true|false]"_s;
    return text;
}

QString description(const OptionSpec &spec)
{
    QString text = spec.help;
    if (!spec.defaults.isEmpty())
        text += u" (default: "_s + spec.defaults.join(u", "_s) + u')';
    if (!spec.env.isEmpty())
        text += u" [$"_s + spec.env + u']';
    return text;
}

// Word-wraps text into lines of at most width characters (a longer word gets a line of its own).
QStringList wrap(const QString &text, int width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines.append(line);
            line.clear();
        }
        line += (line.isEmpty() ? QString() : u" "_s) + word;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

} // namespace

QString HelpFormatter::format(const QList<OptionSpec> &specs, const QString &programName, int width)
{
    // go-flags order: the application's groups as declared, help last.
    QStringList groups;
    for (const OptionSpec &spec : specs) {
        if (!groups.contains(spec.group) && spec.group != OptionTable::helpGroup())
            groups.append(spec.group);
    }
    groups.append(OptionTable::helpGroup());

    qsizetype column = 0;
    for (const OptionSpec &spec : specs)
        column = qMax(column, optionColumn(spec).size());
    const qsizetype indent = 2 + column + 2;
    const int textWidth = qMax(40, int(width - indent));

    QString out = u"Usage:\n  "_s + programName + u" [OPTIONS]\n"_s;
    for (const QString &group : groups) {
        QString block;
        for (const OptionSpec &spec : specs) {
            if (spec.group != group)
                continue;
            const QStringList lines = wrap(description(spec), textWidth);
            block += u"  "_s + optionColumn(spec).leftJustified(column + 2);
            block += lines.value(0) + u'\n';
            for (qsizetype i = 1; i < lines.size(); ++i)
                block += QString(indent, u' ') + lines.at(i) + u'\n';
        }
        if (!block.isEmpty())
            out += u'\n' + group + u":\n"_s + block;
    }
    const QString note = u"Azure API authentication uses environment variables (AZURE_TENANT_ID, AZURE_CLIENT_ID, "
                         u"AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH, AZURE_FEDERATED_TOKEN_FILE, ...); see "
                         u"https://docs.microsoft.com/en-us/azure/developer/go/azure-sdk-authentication"_s;
    out += u'\n' + wrap(note, width).join(u'\n') + u'\n';
    return out;
}

} // namespace Amo::Config
