// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

namespace Amo::Kube {

/**
 * Reads the YAML subset that kubeconfig files use (what `kubectl config view --raw`,
 * `az aks get-credentials` and kind write): block mappings and sequences, plain, single- and
 * double-quoted scalars (also folded over several lines), comments, simple flow `[]`/`{}`
 * collections, `|`/`>` block scalars with chomping and indentation indicators, and `---`.
 * Plain scalars follow the YAML 1.2 core schema: null/~, true/false, integers and floats;
 * everything else is a string. Anchors, aliases, tags and complex keys are reported as errors.
 */
class YamlReader
{
public:
    struct Result
    {
        QJsonValue value; // the first document; null for an empty input
        QString error; // empty on success, else "line N: …"
        bool ok() const { return error.isEmpty(); }
    };

    static Result parse(const QByteArray &utf8);

private:
    struct Line
    {
        int number = 0; // 1-based, for messages
        int indent = 0; // columns of leading spaces
        QString text; // without indentation; comments are stripped lazily
    };

    explicit YamlReader(const QString &text);

    QJsonValue parseNode(int minIndent);
    QJsonValue parseMapping(int indent);
    QJsonValue parseSequence(int indent);
    QJsonValue parseValueText(const QString &text, int parentIndent, int lineNumber);
    QJsonValue parseBlockScalar(const QString &header, int parentIndent);
    QString continueScalar(QString text, int parentIndent, bool quoted);
    bool splitKey(const QString &text, QString *key, QString *rest) const;
    void skipBlank();
    void fail(int lineNumber, const QString &message);

    QList<Line> m_lines;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace Amo::Kube
