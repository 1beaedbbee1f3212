// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace Amo::Config {

/**
 * Quotes a string the way Go's time package does in its error messages: ASCII is kept (with `"` and `\`
 * escaped), every byte of a control or non-ASCII character becomes `\xNN`.
 */
class GoQuote
{
public:
    static QString quote(const QByteArray &utf8);
    static QString quote(const QString &text) { return quote(text.toUtf8()); }
};

} // namespace Amo::Config
