// SPDX-License-Identifier: MIT
#include "shared/util/yamlreader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Amo {

namespace {

// Aliases can make a small file expand without bound ("billion laughs") or refer to themselves;
// a kubeconfig is far below both limits.
constexpr int kMaxDepth = 256;
constexpr qsizetype kMaxNodes = 100'000;

const std::string kMergeKey = "<<";
const std::string kCoreTag = "tag:yaml.org,2002:";

struct Failure
{
    YAML::Mark mark;
    QString what;
};

/** The YAML 1.2 core schema for a plain scalar: null, bool, int (also 0x, 0o), float, else string. */
QJsonValue resolvePlain(const QString &text)
{
    // Most values are words; only these first characters can start a null, bool or number.
    if (!text.isEmpty() && !QStringView(u"0123456789+-.~nNtTfF").contains(text.front()))
        return text;
    static const QRegularExpression intRe(u"^[-+]?[0-9]+$"_s);
    static const QRegularExpression floatRe(u"^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"_s);
    if (text.isEmpty() || text == u"~" || text == u"null" || text == u"Null" || text == u"NULL")
        return QJsonValue();
    if (text == u"true" || text == u"True" || text == u"TRUE")
        return true;
    if (text == u"false" || text == u"False" || text == u"FALSE")
        return false;
    bool ok = false;
    if (intRe.match(text).hasMatch()) {
        const qlonglong v = text.toLongLong(&ok);
        if (ok)
            return double(v);
    }
    if (text.startsWith(u"0x") || text.startsWith(u"0o")) {
        const qlonglong v = text.mid(2).toLongLong(&ok, text[1] == u'x' ? 16 : 8);
        if (ok)
            return double(v);
    }
    if (floatRe.match(text).hasMatch())
        return text.toDouble();
    const QString lower = text.toLower();
    if (lower == u".inf" || lower == u"+.inf")
        return std::numeric_limits<double>::infinity();
    if (lower == u"-.inf")
        return -std::numeric_limits<double>::infinity();
    if (lower == u".nan")
        return std::nan("");
    return text;
}

class Converter
{
public:
    QJsonValue convert(const YAML::Node &node, int depth)
    {
        if (depth > kMaxDepth)
            throw Failure {node.Mark(), u"nesting deeper than %1 levels (a recursive alias?)"_s.arg(kMaxDepth)};
        if (++m_nodes > kMaxNodes)
            throw Failure {node.Mark(), u"more than %1 nodes once aliases are expanded"_s.arg(kMaxNodes)};
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return QJsonValue();
        case YAML::NodeType::Scalar:
            return scalar(node);
        case YAML::NodeType::Sequence: {
            QJsonArray array;
            for (const YAML::Node &item : node)
                array.append(convert(item, depth + 1));
            return array;
        }
        case YAML::NodeType::Map:
            return mapping(node, depth);
        }
        return QJsonValue();
    }

private:
    static QJsonValue scalar(const YAML::Node &node)
    {
        const QString text = QString::fromStdString(node.Scalar());
        const std::string &tag = node.Tag();
        if (tag == "?") // plain and untagged
            return resolvePlain(text);
        if (tag == "!" || tag == kCoreTag + "str" || tag == kCoreTag + "binary")
            return text; // quoted, or explicitly a string
        if (tag == kCoreTag + "int" || tag == kCoreTag + "float" || tag == kCoreTag + "bool"
            || tag == kCoreTag + "null") {
            const QJsonValue value = resolvePlain(text);
            if (value.isString())
                throw Failure {
                    node.Mark(),
                    u"\"%1\" is not a valid !!%2"_s.arg(text, QString::fromStdString(tag.substr(kCoreTag.size())))};
            return value;
        }
        // An application tag (e.g. !secret): its value as written.
        return resolvePlain(text);
    }

    static QString keyOf(const YAML::Node &key)
    {
        if (!key.IsScalar())
            throw Failure {key.Mark(), u"only scalar mapping keys are supported"_s};
        return QString::fromStdString(key.Scalar());
    }

    QJsonObject mapping(const YAML::Node &node, int depth)
    {
        QJsonObject object;
        QList<YAML::Node> merges;
        for (const auto &entry : node) {
            if (entry.first.IsScalar() && entry.first.Tag() == "?" && entry.first.Scalar() == kMergeKey) {
                merges.append(entry.second);
                continue;
            }
            const QString key = keyOf(entry.first);
            if (object.contains(key))
                throw Failure {entry.first.Mark(), u"duplicate key \"%1\""_s.arg(key)};
            object.insert(key, convert(entry.second, depth + 1));
        }
        // Merge keys: keys written in the mapping win, then the merged mappings in their order.
        for (const YAML::Node &merge : std::as_const(merges)) {
            QList<YAML::Node> sources;
            if (merge.IsSequence()) {
                for (const YAML::Node &item : merge)
                    sources.append(item);
            } else {
                sources.append(merge);
            }
            for (const YAML::Node &source : std::as_const(sources)) {
                if (!source.IsMap())
                    throw Failure {source.Mark(), u"a merge key (<<) takes a mapping or a list of mappings"_s};
                const QJsonObject merged = mapping(source, depth + 1);
                for (auto it = merged.begin(); it != merged.end(); ++it) {
                    if (!object.contains(it.key()))
                        object.insert(it.key(), it.value());
                }
            }
        }
        return object;
    }

    qsizetype m_nodes = 0;
};

/**
 * yaml-cpp 0.7 ends a document where a block collection ends and starts the next one without a
 * "---", so "- a\nb: 1" would read as two documents; a file with that shape has a wrong indentation.
 */
void requireDocumentStart(const QByteArray &utf8, const YAML::Mark &mark)
{
    if (mark.is_null())
        return;
    const QList<QByteArray> lines = utf8.left(mark.pos).split('\n');
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        const QByteArray line = it->trimmed();
        if (line.startsWith("---") || line.startsWith("..."))
            return;
        if (!line.isEmpty() && !line.startsWith('#') && it != lines.rbegin())
            break;
    }
    throw Failure {mark, u"content after the end of the document (wrong indentation, or a missing ---)"_s};
}

YamlReader::Result failed(const YAML::Mark &mark, const QString &what)
{
    YamlReader::Result result;
    if (mark.is_null()) {
        result.error = what;
    } else {
        result.line = mark.line + 1;
        result.column = mark.column + 1;
        result.error = u"line %1, column %2: %3"_s.arg(result.line).arg(result.column).arg(what);
    }
    return result;
}

} // namespace

YamlReader::Result YamlReader::parse(const QByteArray &utf8)
{
    Result result;
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAll(utf8.toStdString());
        Converter converter;
        for (std::size_t i = 0; i < documents.size(); ++i) {
            if (i > 0)
                requireDocumentStart(utf8, documents[i].Mark());
            result.documents.append(converter.convert(documents[i], 0));
        }
    } catch (const YAML::DeepRecursion &e) {
        // yaml-cpp's own guard against stack exhaustion ("bad file" says nothing to a user)
        return failed(e.mark, u"nested more than %1 levels deep"_s.arg(e.depth() - 1));
    } catch (const YAML::Exception &e) {
        return failed(e.mark, QString::fromStdString(e.msg));
    } catch (const Failure &f) {
        return failed(f.mark, f.what);
    }
    if (!result.documents.isEmpty())
        result.value = result.documents.constFirst();
    return result;
}

} // namespace Amo
