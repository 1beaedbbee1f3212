// SPDX-License-Identifier: MIT
#include "gui/connect/planoptions.h"

#include "shared/config/optionparser.h"
#include "shared/config/optiontable.h"

#include <variant>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

namespace {

const QStringList &planLongNames()
{
    static const QStringList names {
        u"azureidentity.template.namespace"_s, u"azureidentity.template.resourcename"_s,
        u"kubernetes.namespace.ignore"_s,      u"kubernetes.label.format"_s,
        u"azureidentity.namespaced"_s,         u"azureidentity.expiry"_s,
        u"azureidentity.expiry.annotation"_s,  u"azureidentity.expiry.duration"_s,
        u"azureidentity.expiry.timeformat"_s,  u"azureidentity.binding.sync"_s,
    };
    return names;
}

QString fieldText(const Config::OperatorConfig &config, const Config::OptionField &field)
{
    if (const auto *b = std::get_if<bool Config::OperatorConfig::*>(&field))
        return config.*(*b) ? u"true"_s : u"false"_s;
    if (const auto *s = std::get_if<QString Config::OperatorConfig::*>(&field))
        return config.*(*s);
    if (const auto *l = std::get_if<QStringList Config::OperatorConfig::*>(&field))
        return (config.*(*l)).join(u' ');
    if (const auto *d = std::get_if<Config::GoDuration Config::OperatorConfig::*>(&field))
        return (config.*(*d)).toString();
    if (const auto *n = std::get_if<double Config::OperatorConfig::*>(&field))
        return QString::number(config.*(*n));
    return {};
}

void copyField(const Config::OperatorConfig &from, Config::OperatorConfig *to, const Config::OptionField &field)
{
    std::visit(
        [&](auto member) {
            if constexpr (!std::is_same_v<decltype(member), std::monostate>)
                to->*member = from.*member;
        },
        field);
}

} // namespace

QStringList PlanOptions::envNames()
{
    QStringList names;
    for (const QString &longName : planLongNames())
        names.append(Config::OptionTable::find(longName)->env);
    return names;
}

QHash<QString, QString> PlanOptions::toEnv(const Config::OperatorConfig &config)
{
    QHash<QString, QString> env;
    for (const QString &longName : planLongNames()) {
        const Config::OptionSpec *spec = Config::OptionTable::find(longName);
        env.insert(spec->env, fieldText(config, spec->field));
    }
    return env;
}

void PlanOptions::copy(const Config::OperatorConfig &from, Config::OperatorConfig *to)
{
    for (const QString &longName : planLongNames())
        copyField(from, to, Config::OptionTable::find(longName)->field);
}

QString PlanOptions::check(const Config::OperatorConfig &config)
{
    return Config::OptionParser().parse({}, toEnv(config)).error;
}

} // namespace Amo::Gui
