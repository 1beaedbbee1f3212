// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Amo::Config {

/** Go's strconv.ParseBool: exactly 1 t T TRUE true True 0 f F FALSE false False, nothing else. */
class GoBool
{
public:
    /** On failure returns nullopt and Go's message, e.g. `strconv.ParseBool: parsing "yes": invalid syntax`. */
    static std::optional<bool> parse(QStringView text, QString *error = nullptr);
};

} // namespace Amo::Config
