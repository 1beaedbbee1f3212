// SPDX-License-Identifier: MIT
#include "shared/config/optionparser.h"

#include "shared/config/gobool.h"
#include "shared/config/helpformatter.h"
#include "shared/config/optionvalidator.h"

#include <QProcessEnvironment>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Amo::Config {

namespace {

// Quotes a value for a one-line message: control characters are escaped so the line stays one line.
QString quoted(const QString &value)
{
    QString out = u"\""_s;
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (c == u'\t')
            out += u"\\t"_s;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
        else
            out += c;
    }
    return out + u'"';
}

enum class Source { Default, Env, Flag };

struct RawValue
{
    Source source = Source::Default;
    QStringList values; // several only for lists
};

// What the parser collected from argv before the table is walked.
struct ArgvScan
{
    QHash<QString, QStringList> flags; // long name -> values in order ("true" for booleans)
    QStringList positional;
    QString error;
};

bool takesValue(const OptionSpec &spec)
{
    return spec.kind == OptionKind::String || spec.kind == OptionKind::StringList || spec.kind == OptionKind::Duration
        || spec.kind == OptionKind::Number;
}

QString invalidValue(const OptionSpec &spec, const QString &value, const QString &expected, const QString &detail = {})
{
    QString line = u"invalid value "_s + quoted(value) + u" for "_s + OptionParser::displayName(spec) + u": expected "_s
        + expected;
    if (!detail.isEmpty())
        line += u" ("_s + detail + u')';
    return line;
}

ArgvScan scanArguments(const QStringList &args, const QList<OptionSpec> &specs)
{
    ArgvScan scan;
    const auto fail = [&](const QString &message) {
        scan.error = message;
        return scan;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == u"--") {
            scan.positional += args.mid(i + 1);
            break;
        }
        if (!arg.startsWith(u'-') || arg == u"-") {
            scan.positional += arg;
            continue;
        }

        // Long options carry an optional "=value"; a run of short options ("-vh") may end in one that
        // takes a value from the rest of the run or the next argument.
        QList<std::pair<const OptionSpec *, QString>> named;
        std::optional<QString> inlineValue;
        if (arg.startsWith(u"--")) {
            const qsizetype eq = arg.indexOf(u'=');
            const QString name = arg.mid(2, eq < 0 ? -1 : eq - 2);
            const OptionSpec *spec = OptionTable::find(name, specs);
            if (!spec)
                return fail(u"unknown flag --"_s + name + u" (see --help)"_s);
            if (eq >= 0)
                inlineValue = arg.mid(eq + 1);
            named.append({spec, u"--"_s + name});
        } else {
            for (qsizetype k = 1; k < arg.size(); ++k) {
                const OptionSpec *spec = nullptr;
                for (const OptionSpec &s : specs) {
                    if (!s.shortName.isNull() && s.shortName == arg.at(k))
                        spec = &s;
                }
                if (!spec)
                    return fail(u"unknown flag -"_s + arg.at(k) + u" (see --help)"_s);
                named.append({spec, u"-"_s + arg.at(k)});
                if (takesValue(*spec) && k + 1 < arg.size()) {
                    inlineValue = arg.mid(k + 1);
                    break;
                }
                if (!takesValue(*spec) && k + 1 < arg.size() && arg.at(k + 1) == u'=') {
                    inlineValue = arg.mid(k + 2);
                    break;
                }
            }
        }

        for (qsizetype n = 0; n < named.size(); ++n) {
            const OptionSpec &spec = *named.at(n).first;
            const bool last = n + 1 == named.size();
            if (!takesValue(spec)) {
                if (last && inlineValue && spec.kind == OptionKind::Toggle) {
                    scan.flags[spec.longName].append(*inlineValue);
                    continue;
                }
                if (last && inlineValue) {
                    QString expected = u"no value: --"_s + spec.longName + u" is a switch"_s;
                    if (spec.kind == OptionKind::Bool && !spec.env.isEmpty())
                        expected += u"; set "_s + spec.env + u"=true or "_s + spec.env + u"=false instead"_s;
                    return fail(invalidValue(spec, *inlineValue, expected));
                }
                scan.flags[spec.longName].append(u"true"_s);
                continue;
            }
            QString value;
            if (last && inlineValue) {
                value = *inlineValue;
            } else if (i + 1 < args.size() && (!args.at(i + 1).startsWith(u"--") || spec.kind == OptionKind::Duration)
                       && args.at(i + 1) != u"--") {
                // Like go-flags, the next argument is the value unless it is itself an option; a
                // duration may start with '-' ("-1h") and is then judged as a duration.
                value = args.at(++i);
            } else {
                return fail(u"missing value for "_s + OptionParser::displayName(spec));
            }
            scan.flags[spec.longName].append(value);
        }
    }
    return scan;
}

// Splits an env list the way the original's env-delim:" " is meant; empty items are dropped.
QStringList splitEnvList(const QString &value)
{
    return value.split(u' ', Qt::SkipEmptyParts);
}

} // namespace

OptionParser::OptionParser(QList<OptionSpec> specs)
    : m_specs(std::move(specs))
{
}

QString OptionParser::displayName(const OptionSpec &spec)
{
    QString name = u"--"_s + spec.longName;
    if (!spec.env.isEmpty())
        name += u" / "_s + spec.env;
    return name;
}

QHash<QString, QString> OptionParser::systemEnvironment()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QHash<QString, QString> map;
    for (const QString &key : env.keys())
        map.insert(key, env.value(key));
    return map;
}

QString OptionParser::helpText(const QString &programName) const
{
    return HelpFormatter::format(m_specs, programName);
}

ParseResult OptionParser::parse(const QStringList &arguments, const QHash<QString, QString> &environment) const
{
    ParseResult result;
    const ArgvScan scan = scanArguments(arguments, m_specs);
    result.positional = scan.positional;
    if (!scan.error.isEmpty()) {
        result.error = scan.error;
        return result;
    }
    // Help wins over every other problem, as with go-flags.
    for (const OptionSpec &spec : m_specs) {
        if (spec.kind == OptionKind::Help && scan.flags.contains(spec.longName))
            result.helpRequested = true;
        if (spec.kind == OptionKind::Version && scan.flags.contains(spec.longName))
            result.versionRequested = true;
    }
    if (result.helpRequested)
        return result;

    OperatorConfig &cfg = result.config;
    QSet<QString> explicitBools; // booleans set by a flag or env var, so an alias can combine with them
    for (const OptionSpec &spec : m_specs) {
        if (spec.kind == OptionKind::Help || spec.kind == OptionKind::Version)
            continue;
        RawValue raw;
        if (scan.flags.contains(spec.longName)) {
            raw = {Source::Flag, scan.flags.value(spec.longName)};
        } else if (!spec.env.isEmpty() && environment.contains(spec.env)) {
            const QString value = environment.value(spec.env);
            raw = {Source::Env, spec.kind == OptionKind::StringList ? splitEnvList(value) : QStringList {value}};
        } else {
            raw = {Source::Default, spec.defaults};
        }

        switch (spec.kind) {
        case OptionKind::Bool: {
            bool value = false;
            if (raw.source == Source::Env && !raw.values.constFirst().isEmpty()) {
                QString goError;
                const auto parsed = GoBool::parse(raw.values.constFirst(), &goError);
                if (!parsed) {
                    result.error = invalidValue(spec, raw.values.constFirst(),
                                                u"a boolean: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, "
                                                u"False, or empty for true"_s,
                                                goError);
                    return result;
                }
                value = *parsed;
            } else if (raw.source != Source::Default) {
                value = true; // given as a flag, or set-but-empty in the environment
            }
            auto field = std::get<bool OperatorConfig::*>(spec.field);
            const bool given = raw.source != Source::Default;
            if (spec.aliasOf.isEmpty()) {
                cfg.*field = value;
                if (given)
                    explicitBools.insert(spec.longName);
            } else if (given) {
                // An alias shares its primary's field; when both are given, either one switches it on.
                cfg.*field = explicitBools.contains(spec.aliasOf) ? (cfg.*field || value) : value;
                explicitBools.insert(spec.aliasOf);
            }
            break;
        }
        case OptionKind::Toggle: {
            // Unlike a switch, the default may be true, so the flag takes =true or =false (bare: true).
            const QString text = raw.values.value(0);
            bool value = true;
            if (!text.isEmpty()) {
                QString goError;
                const auto parsed = GoBool::parse(text, &goError);
                if (!parsed) {
                    result.error
                        = invalidValue(spec, text, u"a boolean: true or false (also 1, t, 0, f, …)"_s, goError);
                    return result;
                }
                value = *parsed;
            }
            cfg.*std::get<bool OperatorConfig::*>(spec.field) = value;
            break;
        }
        case OptionKind::String: {
            const QString value = OptionValidator::normalize(spec.check, raw.values.value(raw.values.size() - 1));
            // Defaults are trusted (a test checks them); an unset --render is empty and means "off".
            const QString expected
                = raw.source == Source::Default ? QString() : OptionValidator::checkString(spec.check, value);
            if (!expected.isEmpty()) {
                result.error = invalidValue(spec, value, expected);
                return result;
            }
            cfg.*std::get<QString OperatorConfig::*>(spec.field) = value;
            break;
        }
        case OptionKind::StringList: {
            QStringList values;
            for (const QString &item : raw.values) {
                const QString value = OptionValidator::normalize(spec.check, item);
                const QString expected = OptionValidator::checkString(spec.check, value);
                if (!expected.isEmpty()) {
                    result.error = invalidValue(spec, item, expected);
                    return result;
                }
                values.append(value);
            }
            cfg.*std::get<QStringList OperatorConfig::*>(spec.field) = values;
            break;
        }
        case OptionKind::Duration: {
            const QString text = raw.values.value(raw.values.size() - 1);
            QString goError;
            const auto parsed = GoDuration::parse(text, &goError);
            if (!parsed) {
                result.error = invalidValue(spec, text, u"a Go duration such as 1h or 30m"_s, goError);
                return result;
            }
            const QString expected = OptionValidator::checkDuration(spec.check, *parsed);
            if (!expected.isEmpty()) {
                result.error = invalidValue(spec, text, expected);
                return result;
            }
            cfg.*std::get<GoDuration OperatorConfig::*>(spec.field) = *parsed;
            break;
        }
        case OptionKind::Number: {
            const QString text = raw.values.value(raw.values.size() - 1).trimmed();
            bool ok = false;
            const double value = text.toDouble(&ok);
            const QString expected = ok ? OptionValidator::checkNumber(spec.check, value) : u"a number"_s;
            if (!expected.isEmpty()) {
                result.error = invalidValue(spec, text, expected);
                return result;
            }
            cfg.*std::get<double OperatorConfig::*>(spec.field) = value;
            break;
        }
        case OptionKind::Help:
        case OptionKind::Version:
            break;
        }
    }
    return result;
}

} // namespace Amo::Config
