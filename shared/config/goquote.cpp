// SPDX-License-Identifier: MIT
#include "shared/config/goquote.h"

namespace Amo::Config {

QString GoQuote::quote(const QByteArray &utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x80) {
            out.append("\\x");
            out.append(hex[byte >> 4]);
            out.append(hex[byte & 0xF]);
            continue;
        }
        if (c == '"' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    out.append('"');
    return QString::fromLatin1(out);
}

} // namespace Amo::Config
