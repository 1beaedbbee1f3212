// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Amo::Util {

/**
 * Masks what looks like a credential in text that came from outside (a failing exec plugin's stderr,
 * a server's error body) before it is quoted into a log line or an error: JWTs, `Bearer` values,
 * `token=`/`secret:`-style assignments and long opaque strings. Keeps the rest, so the message still
 * says what went wrong.
 */
class SecretRedactor
{
public:
    static QString redact(const QString &text);
    static QString mask() { return QStringLiteral("[redacted]"); }
};

} // namespace Amo::Util
