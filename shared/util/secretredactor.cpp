// SPDX-License-Identifier: MIT
#include "shared/util/secretredactor.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amo::Util {

QString SecretRedactor::redact(const QString &text)
{
    // A JWT: three base64url parts, the first of which starts with '{"' encoded.
    static const QRegularExpression jwt(u"eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"_s);
    // "Bearer xyz", "Basic xyz" as in an Authorization header.
    static const QRegularExpression scheme(u"\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    // token=..., "access_token": "...", password: ..., client_secret=...
    static const QRegularExpression assignment(
        u"((?:access|refresh|id)?[_-]?token|secret|password|passwd|client[_-]?secret|api[_-]?key)(\"?\\s*[:=]\\s*\"?)"
        "([^\\s\"',;&]+)"_s,
        QRegularExpression::CaseInsensitiveOption);
    // Long opaque strings (40+ characters of a token alphabet, with letters and digits): not GUIDs, not words.
    static const QRegularExpression opaque(u"(?<![A-Za-z0-9._~+/=-])(?=[A-Za-z0-9._~+/=-]*[0-9])"
                                           "(?=[A-Za-z0-9._~+/=-]*[A-Za-z])[A-Za-z0-9._~+/=-]{40,}"_s);
    QString result = text;
    result.replace(jwt, mask());
    result.replace(scheme, u"\\1 "_s + mask());
    result.replace(assignment, u"\\1\\2"_s + mask());
    result.replace(opaque, mask());
    return result;
}

} // namespace Amo::Util
