// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QString>

namespace Amo::Kube {

/** Scalar and flow-collection rules of YamlReader: quoting, escapes, folding, comments and the core schema. */
class YamlScalar
{
public:
    /** Resolves a plain scalar by the YAML 1.2 core schema (null, bool, int, float, else string). */
    static QJsonValue plain(const QString &text);
    /** Removes a trailing "# comment" that is outside quotes and preceded by white space. */
    static QString stripComment(const QString &text);
    /**
     * Unquotes a single- or double-quoted scalar that starts at text[0]; the text may span lines
     * joined by '\n'. Sets @p end to the index after the closing quote, or -1 when it is missing.
     */
    static QString unquote(const QString &text, qsizetype *end, QString *error);
    /** Parses a complete flow collection ("[a, b]", "{k: v}") or a quoted/plain scalar. */
    static QJsonValue flow(const QString &text, QString *error);
};

} // namespace Amo::Kube
