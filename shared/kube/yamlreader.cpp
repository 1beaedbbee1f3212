// SPDX-License-Identifier: MIT
#include "yamlreader.h"

#include "yamlscalar.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

namespace {

bool isSequenceItem(const QString &text)
{
    return text.startsWith(u'-') && (text.size() == 1 || text[1] == u' ' || text[1] == u'\t');
}

bool isBlank(const QString &text)
{
    return text.isEmpty() || text.startsWith(u'#');
}

} // namespace

YamlReader::YamlReader(const QString &text)
{
    const QStringList raw = text.split(u'\n');
    bool inDocument = false;
    for (int n = 0; n < raw.size(); ++n) {
        QString line = raw[n];
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.startsWith(u'%') && !inDocument)
            continue; // directives such as %YAML 1.2
        if (line == u"---" || line.startsWith(u"--- ")) {
            if (inDocument)
                break; // only the first document is read
            inDocument = true;
            line = line.mid(3);
        } else if (line == u"...") {
            break;
        } else if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(u'#')) {
            inDocument = true;
        }
        int indent = 0;
        while (indent < line.size() && line[indent] == u' ')
            ++indent;
        if (indent < line.size() && line[indent] == u'\t' && !line.trimmed().isEmpty() && m_error.isEmpty())
            fail(n + 1, u"tab characters must not be used for indentation"_s);
        m_lines.append(Line {n + 1, indent, line.mid(indent)});
    }
}

YamlReader::Result YamlReader::parse(const QByteArray &utf8)
{
    QString text = QString::fromUtf8(utf8);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    YamlReader reader(text);
    Result result;
    if (reader.m_error.isEmpty())
        result.value = reader.parseNode(0);
    reader.skipBlank();
    if (reader.m_error.isEmpty() && reader.m_pos < reader.m_lines.size()) {
        const Line &line = reader.m_lines[reader.m_pos];
        reader.fail(line.number, u"unexpected content \"%1\""_s.arg(line.text.left(40)));
    }
    result.error = reader.m_error;
    if (!result.ok())
        result.value = QJsonValue();
    return result;
}

void YamlReader::fail(int lineNumber, const QString &message)
{
    if (m_error.isEmpty())
        m_error = u"line %1: %2"_s.arg(lineNumber).arg(message);
    m_pos = m_lines.size();
}

void YamlReader::skipBlank()
{
    while (m_pos < m_lines.size() && isBlank(m_lines[m_pos].text))
        ++m_pos;
}

bool YamlReader::splitKey(const QString &text, QString *key, QString *rest) const
{
    qsizetype colon = -1;
    if (text.startsWith(u'"') || text.startsWith(u'\'')) {
        qsizetype end = 0;
        QString error;
        const QString unquoted = YamlScalar::unquote(text, &end, &error);
        if (end < 0)
            return false;
        qsizetype i = end;
        while (i < text.size() && text[i] == u' ')
            ++i;
        if (i >= text.size() || text[i] != u':')
            return false;
        *key = unquoted;
        colon = i;
    } else {
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] == u':' && (i + 1 == text.size() || text[i + 1] == u' ' || text[i + 1] == u'\t')) {
                colon = i;
                break;
            }
            if (text[i] == u'#' && i > 0 && text[i - 1] == u' ')
                return false;
        }
        if (colon <= 0 || text.startsWith(u'[') || text.startsWith(u'{'))
            return false;
        *key = text.left(colon).trimmed();
    }
    *rest = text.mid(colon + 1);
    return true;
}

QJsonValue YamlReader::parseNode(int minIndent)
{
    skipBlank();
    if (m_pos >= m_lines.size() || m_lines[m_pos].indent < minIndent)
        return QJsonValue();
    const Line &line = m_lines[m_pos];
    const QString text = YamlScalar::stripComment(line.text);
    if (isSequenceItem(text))
        return parseSequence(line.indent);
    QString key, rest;
    if (splitKey(text, &key, &rest))
        return parseMapping(line.indent);
    ++m_pos;
    return parseValueText(line.text, minIndent - 1, line.number);
}

QJsonValue YamlReader::parseMapping(int indent)
{
    QJsonObject out;
    while (true) {
        skipBlank();
        if (m_pos >= m_lines.size())
            break;
        const Line line = m_lines[m_pos];
        if (line.indent < indent)
            break;
        if (line.indent > indent) {
            fail(line.number, u"unexpected indentation"_s);
            break;
        }
        const QString text = YamlScalar::stripComment(line.text);
        if (isSequenceItem(text))
            break; // belongs to an enclosing "key:" at this indentation
        QString key, rest;
        if (!splitKey(line.text, &key, &rest)) {
            fail(line.number, u"expected \"key: value\", found \"%1\""_s.arg(text.left(40)));
            break;
        }
        if (key.startsWith(u'&') || key.startsWith(u'*') || key.startsWith(u'!') || key.startsWith(u'?')) {
            fail(line.number, u"anchors, aliases, tags and complex keys are not supported"_s);
            break;
        }
        if (out.contains(key)) {
            fail(line.number, u"duplicate key \"%1\""_s.arg(key));
            break;
        }
        ++m_pos;
        QJsonValue value;
        if (YamlScalar::stripComment(rest).isEmpty()) {
            skipBlank();
            if (m_pos < m_lines.size()) {
                const Line &next = m_lines[m_pos];
                if (next.indent > indent)
                    value = parseNode(indent + 1);
                else if (next.indent == indent && isSequenceItem(YamlScalar::stripComment(next.text)))
                    value = parseSequence(indent);
            }
        } else {
            value = parseValueText(rest, indent, line.number);
        }
        out.insert(key, value);
    }
    return out;
}

QJsonValue YamlReader::parseSequence(int indent)
{
    QJsonArray out;
    while (true) {
        skipBlank();
        if (m_pos >= m_lines.size())
            break;
        Line &line = m_lines[m_pos];
        if (line.indent != indent || !isSequenceItem(YamlScalar::stripComment(line.text))) {
            if (line.indent > indent)
                fail(line.number, u"unexpected indentation"_s);
            break;
        }
        qsizetype offset = 1;
        while (offset < line.text.size() && (line.text[offset] == u' ' || line.text[offset] == u'\t'))
            ++offset;
        const QString rest = line.text.mid(offset);
        if (isBlank(YamlScalar::stripComment(rest))) {
            ++m_pos;
            out.append(parseNode(indent + 1));
        } else {
            // "- key: v" opens a compact mapping at the column after the dash; re-read this line from there.
            line.indent = indent + int(offset);
            line.text = rest;
            out.append(parseNode(line.indent));
        }
    }
    return out;
}

QJsonValue YamlReader::parseValueText(const QString &text, int parentIndent, int lineNumber)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'|') || trimmed.startsWith(u'>'))
        return parseBlockScalar(YamlScalar::stripComment(trimmed), parentIndent);
    if (trimmed.startsWith(u'&') || trimmed.startsWith(u'*') || trimmed.startsWith(u'!')) {
        fail(lineNumber, u"anchors, aliases and tags are not supported"_s);
        return QJsonValue();
    }
    const bool quoted = trimmed.startsWith(u'"') || trimmed.startsWith(u'\'');
    const bool flowStart = trimmed.startsWith(u'[') || trimmed.startsWith(u'{');
    QString whole = continueScalar(quoted ? trimmed : YamlScalar::stripComment(trimmed), parentIndent, quoted);
    if (!m_error.isEmpty())
        return QJsonValue();
    QString error;
    QJsonValue value;
    if (quoted) {
        qsizetype end = 0;
        value = YamlScalar::unquote(whole, &end, &error);
        if (error.isEmpty() && !YamlScalar::stripComment(whole.mid(end)).isEmpty())
            error = u"unexpected text after a quoted scalar"_s;
    } else if (flowStart) {
        value = YamlScalar::flow(whole, &error);
    } else {
        value = YamlScalar::plain(whole);
    }
    if (!error.isEmpty())
        fail(lineNumber, error);
    return value;
}

QString YamlReader::continueScalar(QString text, int parentIndent, bool quoted)
{
    const QChar quote = quoted ? text[0] : QChar();
    const bool flowStart = text.startsWith(u'[') || text.startsWith(u'{');
    auto complete = [&](const QString &s) -> bool {
        if (quoted) {
            qsizetype end = 0;
            QString error;
            YamlScalar::unquote(s, &end, &error);
            return end >= 0;
        }
        if (flowStart) {
            int depth = 0;
            QChar q;
            for (qsizetype i = 0; i < s.size(); ++i) {
                const QChar c = s[i];
                if (!q.isNull()) {
                    if (c == u'\\' && q == u'"')
                        ++i;
                    else if (c == q)
                        q = QChar();
                } else if (c == u'"' || c == u'\'') {
                    q = c;
                } else if (c == u'[' || c == u'{') {
                    ++depth;
                } else if (c == u']' || c == u'}') {
                    --depth;
                }
            }
            return depth <= 0;
        }
        return false; // a plain scalar continues while lines are indented deeper
    };
    Q_UNUSED(quote);
    while (!complete(text) && m_pos < m_lines.size()) {
        const Line &next = m_lines[m_pos];
        const bool blank = next.text.trimmed().isEmpty();
        if (!quoted && !flowStart) {
            if (blank || next.text.startsWith(u'#') || next.indent <= parentIndent)
                break;
            const QString stripped = YamlScalar::stripComment(next.text);
            QString key, rest;
            if (splitKey(stripped, &key, &rest) || isSequenceItem(stripped)) {
                fail(next.number, u"unexpected indentation"_s);
                break;
            }
            text += u' ' + stripped;
            ++m_pos;
            if (stripped.size() != next.text.trimmed().size())
                break; // a comment ends a plain scalar
            continue;
        }
        if (!blank && next.indent <= parentIndent && !quoted) {
            break;
        }
        text += u'\n' + (quoted ? next.text : YamlScalar::stripComment(next.text));
        ++m_pos;
    }
    if ((quoted || flowStart) && !complete(text) && m_error.isEmpty())
        fail(m_pos > 0 ? m_lines[m_pos - 1].number : 1,
             quoted ? u"unterminated quoted scalar"_s : u"unterminated flow collection"_s);
    return text;
}

QJsonValue YamlReader::parseBlockScalar(const QString &header, int parentIndent)
{
    const bool folded = header.startsWith(u'>');
    QChar chomp = u' ';
    int explicitIndent = 0;
    for (qsizetype i = 1; i < header.size(); ++i) {
        const QChar c = header[i];
        if (c == u'-' || c == u'+')
            chomp = c;
        else if (c.isDigit() && c != u'0')
            explicitIndent = c.digitValue();
        else if (c != u' ')
            fail(m_pos > 0 ? m_lines[m_pos - 1].number : 1, u"invalid block scalar header \"%1\""_s.arg(header));
    }
    const int base = qMax(parentIndent, 0);
    int contentIndent = explicitIndent > 0 ? base + explicitIndent : -1;
    QStringList lines;
    while (m_pos < m_lines.size()) {
        const Line &line = m_lines[m_pos];
        const bool blank = line.text.trimmed().isEmpty();
        if (!blank) {
            if (contentIndent < 0)
                contentIndent = line.indent;
            if (line.indent < contentIndent || line.indent <= parentIndent)
                break;
        }
        lines.append(blank ? QString() : QString(line.indent - contentIndent, u' ') + line.text);
        ++m_pos;
    }
    int trailing = 0;
    while (!lines.isEmpty() && lines.last().isEmpty()) {
        lines.removeLast();
        ++trailing;
    }
    QString out;
    if (!folded) {
        out = lines.join(u'\n');
    } else {
        int breaks = 0;
        bool seenText = false;
        bool previousMoreIndented = false;
        for (const QString &line : std::as_const(lines)) {
            if (line.isEmpty()) {
                ++breaks;
                continue;
            }
            const bool moreIndented = line.startsWith(u' ') || line.startsWith(u'\t');
            if (!seenText)
                out += QString(breaks, u'\n');
            else if (moreIndented || previousMoreIndented)
                out += QString(breaks, u'\n');
            else
                out += breaks == 1 ? u" "_s : QString(breaks - 1, u'\n');
            out += line;
            seenText = true;
            previousMoreIndented = moreIndented;
            breaks = 1;
        }
    }
    if (!lines.isEmpty() && chomp != u'-')
        out += u'\n';
    if (chomp == u'+')
        out += QString(trailing, u'\n');
    return out;
}

} // namespace Amo::Kube
