// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

namespace Amo {

/**
 * Reads YAML with yaml-cpp into JSON values: anchors, aliases and merge keys (<<), flow and block
 * styles, multi-line and block scalars, comments, tags and `---` documents. Plain scalars follow
 * the YAML 1.2 core schema (null/~, true/false, integers incl. 0x/0o, floats, .inf, .nan); quoted
 * scalars and !!str are strings. The counterpart of YamlWriter.
 */
class YamlReader
{
public:
    struct Result
    {
        QJsonValue value; // the first document; null for an empty input
        QList<QJsonValue> documents; // every document, in order
        QString error; // empty on success, else "line L, column C: what"
        int line = 0; // 1-based position of the error; 0 when it has none
        int column = 0;
        bool ok() const { return error.isEmpty(); }
    };

    static Result parse(const QByteArray &utf8);
};

} // namespace Amo
