// SPDX-License-Identifier: MIT
#include "shared/config/gobool.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Amo::Config {

std::optional<bool> GoBool::parse(QStringView text, QString *error)
{
    // Case-sensitive on purpose: Go accepts "True" but not "tRUE".
    static const QStringList truthy {u"1"_s, u"t"_s, u"T"_s, u"TRUE"_s, u"true"_s, u"True"_s};
    static const QStringList falsy {u"0"_s, u"f"_s, u"F"_s, u"FALSE"_s, u"false"_s, u"False"_s};
    if (truthy.contains(text))
        return true;
    if (falsy.contains(text))
        return false;
    if (error) {
        // strconv.Quote escapes differently from the time package; for printable input they agree.
        QString escaped = text.toString();
        escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
        *error = u"strconv.ParseBool: parsing \""_s + escaped + u"\": invalid syntax"_s;
    }
    return std::nullopt;
}

} // namespace Amo::Config
