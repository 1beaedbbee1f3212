// SPDX-License-Identifier: MIT
#include "shared/config/configdump.h"

using namespace Qt::StringLiterals;

namespace Amo::Config {

namespace {

QString valueText(const OperatorConfig &config, const OptionField &field)
{
    if (const auto *b = std::get_if<bool OperatorConfig::*>(&field))
        return config.**b ? u"true"_s : u"false"_s;
    if (const auto *s = std::get_if<QString OperatorConfig::*>(&field))
        return config.**s;
    if (const auto *l = std::get_if<QStringList OperatorConfig::*>(&field))
        return u'[' + (config.**l).join(u' ') + u']';
    if (const auto *d = std::get_if<GoDuration OperatorConfig::*>(&field))
        return (config.**d).toString();
    if (const auto *n = std::get_if<double OperatorConfig::*>(&field))
        return QString::number(config.**n, 'g', 10);
    return {};
}

} // namespace

QStringList ConfigDump::lines(const OperatorConfig &config, const QList<OptionSpec> &specs)
{
    QStringList out;
    for (const OptionSpec &spec : specs) {
        // Requests carry no value, and an alias would repeat its primary.
        if (std::holds_alternative<std::monostate>(spec.field) || !spec.aliasOf.isEmpty())
            continue;
        out.append(spec.longName + u'=' + (spec.secret ? u"***"_s : valueText(config, spec.field)));
    }
    return out;
}

QString ConfigDump::oneLine(const OperatorConfig &config, const QList<OptionSpec> &specs)
{
    return lines(config, specs).join(u", "_s);
}

} // namespace Amo::Config
