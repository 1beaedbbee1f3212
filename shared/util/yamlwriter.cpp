// SPDX-License-Identifier: MIT
#include "shared/util/yamlwriter.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amo {

namespace {
// Kubernetes' usual order; for AzureIdentity specs the order the aad-pod-identity docs use.
const QStringList kPreferredOrder
    = {u"apiVersion"_s,  u"kind"_s, u"metadata"_s, u"name"_s, u"namespace"_s,  u"labels"_s,
       u"annotations"_s, u"spec"_s, u"status"_s,   u"type"_s, u"resourceID"_s, u"clientID"_s};

QStringList orderedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
        const qsizetype ia = kPreferredOrder.indexOf(a);
        const qsizetype ib = kPreferredOrder.indexOf(b);
        if (ia >= 0 || ib >= 0)
            return (ia < 0 ? kPreferredOrder.size() : ia) < (ib < 0 ? kPreferredOrder.size() : ib);
        return a < b;
    });
    return keys;
}

// Words that YAML 1.1 or 1.2 readers would turn into booleans or null.
bool isReservedWord(const QString &value)
{
    static const QStringList words
        = {u"y"_s, u"n"_s, u"yes"_s, u"no"_s, u"true"_s, u"false"_s, u"on"_s, u"off"_s, u"null"_s, u"~"_s};
    return words.contains(value, Qt::CaseInsensitive);
}

bool looksNumeric(const QString &value)
{
    bool ok = false;
    value.toDouble(&ok);
    if (ok)
        return true;
    // Hex, octal, dates and similar forms that some YAML readers type.
    const QChar first = value.front();
    return first.isDigit() || ((first == u'-' || first == u'+' || first == u'.') && value.size() > 1);
}

bool isPlainSafe(const QString &value)
{
    if (value.isEmpty() || isReservedWord(value) || looksNumeric(value))
        return false;
    const QChar first = value.front();
    if (!(first.isLetter() || first == u'/' || first == u'_'))
        return false;
    return std::all_of(value.begin(), value.end(), [](QChar c) {
        return (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'-' || c == u'_' || c == u'.' || c == u'/';
    });
}

QString quoted(const QString &value)
{
    QString out = u"\""_s;
    for (QChar c : value) {
        switch (c.unicode()) {
        case '"':
            out += u"\\\""_s;
            break;
        case '\\':
            out += u"\\\\"_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += u"\\x%1"_s.arg(int(c.unicode()), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

QString number(double value)
{
    if (value == static_cast<double>(static_cast<qint64>(value)))
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', 17);
}

void writeValue(QString &out, const QJsonValue &value, int indent);

void writeObject(QString &out, const QJsonObject &object, int indent)
{
    const QString pad(indent, u' ');
    for (const QString &key : orderedKeys(object)) {
        const QJsonValue value = object.value(key);
        out += pad + YamlWriter::scalar(key) + u':';
        const bool nested
            = (value.isObject() && !value.toObject().isEmpty()) || (value.isArray() && !value.toArray().isEmpty());
        if (nested) {
            out += u'\n';
            writeValue(out, value, value.isArray() ? indent : indent + 2);
        } else {
            out += u' ';
            writeValue(out, value, 0);
            out += u'\n';
        }
    }
}

void writeArray(QString &out, const QJsonArray &array, int indent)
{
    const QString pad(indent, u' ');
    for (const QJsonValue &item : array) {
        if (item.isObject() && !item.toObject().isEmpty()) {
            // "- " then the object's first key on the same line, the rest indented under it.
            QString nested;
            writeObject(nested, item.toObject(), indent + 2);
            out += pad + u"- "_s + nested.mid(indent + 2);
        } else if (item.isArray() && !item.toArray().isEmpty()) {
            out += pad + u"-\n"_s;
            writeArray(out, item.toArray(), indent + 2);
        } else {
            out += pad + u"- "_s;
            writeValue(out, item, 0);
            out += u'\n';
        }
    }
}

void writeValue(QString &out, const QJsonValue &value, int indent)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += u"null"_s;
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? u"true"_s : u"false"_s;
        break;
    case QJsonValue::Double:
        out += number(value.toDouble());
        break;
    case QJsonValue::String:
        out += YamlWriter::scalar(value.toString());
        break;
    case QJsonValue::Array:
        if (value.toArray().isEmpty())
            out += u"[]"_s;
        else
            writeArray(out, value.toArray(), indent);
        break;
    case QJsonValue::Object:
        if (value.toObject().isEmpty())
            out += u"{}"_s;
        else
            writeObject(out, value.toObject(), indent);
        break;
    }
}
} // namespace

QString YamlWriter::scalar(const QString &value)
{
    return isPlainSafe(value) ? value : quoted(value);
}

QString YamlWriter::document(const QJsonObject &object)
{
    QString out;
    writeObject(out, object, 0);
    return out;
}

} // namespace Amo
