// SPDX-License-Identifier: MIT
#include "yamlscalar.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

namespace {

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

/** Appends a line break seen inside a quoted scalar: one break folds to a space, n+1 breaks to n newlines. */
void foldBreak(const QString &text, qsizetype *i, QString *out)
{
    while (!out->isEmpty() && isSpace(out->back()))
        out->chop(1);
    int breaks = 0;
    while (*i < text.size() && (text[*i] == u'\n' || isSpace(text[*i]))) {
        if (text[*i] == u'\n')
            ++breaks;
        ++*i;
    }
    *out += breaks == 1 ? u" "_s : QString(breaks - 1, u'\n');
}

bool appendEscape(const QString &text, qsizetype *i, QString *out)
{
    const QChar c = text[*i];
    static const QString from = u"0abtnvfre \"/\\N_LP\t"_s;
    static const char16_t to[] = {0, 7, 8, 9, 10, 11, 12, 13, 27, 32, 34, 47, 92, 0x85, 0xA0, 0x2028, 0x2029, 9};
    const qsizetype k = from.indexOf(c);
    if (k >= 0) {
        *out += QChar(to[k]);
        ++*i;
        return true;
    }
    const int digits = c == u'x' ? 2 : c == u'u' ? 4 : c == u'U' ? 8 : 0;
    if (digits == 0 || *i + digits >= text.size())
        return false;
    bool ok = false;
    const uint code = text.mid(*i + 1, digits).toUInt(&ok, 16);
    if (!ok || code > 0x10FFFF)
        return false;
    const char32_t ucs4 = code;
    *out += QString::fromUcs4(&ucs4, 1);
    *i += digits + 1;
    return true;
}

class FlowParser
{
public:
    explicit FlowParser(const QString &text)
        : m_text(text)
    {
    }

    QJsonValue parseAll(QString *error)
    {
        QJsonValue v = value(false);
        skip();
        if (m_error.isEmpty() && m_pos < m_text.size())
            m_error = u"unexpected '%1' after a flow value"_s.arg(m_text[m_pos]);
        *error = m_error;
        return v;
    }

private:
    void skip()
    {
        while (m_pos < m_text.size() && (isSpace(m_text[m_pos]) || m_text[m_pos] == u'\n'))
            ++m_pos;
    }

    QJsonValue value(bool isKey)
    {
        skip();
        if (m_pos >= m_text.size())
            return QJsonValue();
        const QChar c = m_text[m_pos];
        if (c == u'[')
            return sequence();
        if (c == u'{')
            return mapping();
        if (c == u'"' || c == u'\'') {
            qsizetype end = 0;
            const QString s = YamlScalar::unquote(m_text.mid(m_pos), &end, &m_error);
            m_pos = end < 0 ? m_text.size() : m_pos + end;
            return s;
        }
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const QChar d = m_text[m_pos];
            if (d == u',' || d == u'[' || d == u']' || d == u'{' || d == u'}')
                break;
            if (d == u':' && (isKey || m_pos + 1 >= m_text.size() || isSpace(m_text[m_pos + 1])))
                break;
            ++m_pos;
        }
        QString plain = m_text.mid(start, m_pos - start).trimmed();
        plain.replace(u'\n', u' ');
        return YamlScalar::plain(plain);
    }

    bool expect(QChar c)
    {
        skip();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    QJsonValue sequence()
    {
        ++m_pos;
        QJsonArray out;
        while (m_error.isEmpty()) {
            if (expect(u']'))
                return out;
            out.append(value(false));
            if (!expect(u',')) {
                if (!expect(u']'))
                    m_error = u"expected ',' or ']' in a flow sequence"_s;
                return out;
            }
        }
        return out;
    }

    QJsonValue mapping()
    {
        ++m_pos;
        QJsonObject out;
        while (m_error.isEmpty()) {
            if (expect(u'}'))
                return out;
            const QJsonValue key = value(true);
            QJsonValue v;
            if (expect(u':'))
                v = value(false);
            const QString name = key.isString() ? key.toString() : key.toVariant().toString();
            if (out.contains(name))
                m_error = u"duplicate key \"%1\""_s.arg(name);
            out.insert(name, v);
            if (!expect(u',')) {
                if (!expect(u'}'))
                    m_error = u"expected ',' or '}' in a flow mapping"_s;
                return out;
            }
        }
        return out;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace

QJsonValue YamlScalar::plain(const QString &text)
{
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

QString YamlScalar::stripComment(const QString &text)
{
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == u'\\' && quote == u'"')
                ++i;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        // A quote only opens a quoted scalar at the start of a token.
        if ((c == u'"' || c == u'\'')
            && (i == 0 || isSpace(text[i - 1]) || QStringView(u"[{,:-").contains(text[i - 1])))
            quote = c;
        else if (c == u'#' && (i == 0 || isSpace(text[i - 1])))
            return text.left(i).trimmed();
    }
    return text.trimmed();
}

QString YamlScalar::unquote(const QString &text, qsizetype *end, QString *error)
{
    const QChar quote = text[0];
    QString out;
    qsizetype i = 1;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == quote) {
            if (quote == u'\'' && i + 1 < text.size() && text[i + 1] == u'\'') {
                out += u'\'';
                i += 2;
                continue;
            }
            *end = i + 1;
            return out;
        }
        if (c == u'\n') {
            foldBreak(text, &i, &out);
            continue;
        }
        if (c == u'\\' && quote == u'"') {
            ++i;
            if (i < text.size() && text[i] == u'\n') {
                // An escaped line break joins the lines without a space.
                while (i < text.size() && (text[i] == u'\n' || isSpace(text[i])))
                    ++i;
                continue;
            }
            if (i >= text.size() || !appendEscape(text, &i, &out)) {
                *error = u"invalid escape in a double-quoted scalar"_s;
                *end = -1;
                return out;
            }
            continue;
        }
        out += c;
        ++i;
    }
    *error = u"missing closing %1"_s.arg(quote);
    *end = -1;
    return out;
}

QJsonValue YamlScalar::flow(const QString &text, QString *error)
{
    FlowParser parser(text);
    return parser.parseAll(error);
}

} // namespace Amo::Kube
