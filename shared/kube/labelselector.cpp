// SPDX-License-Identifier: MIT
#include "shared/kube/labelselector.h"

#include "shared/kube/namevalidation.h"

using namespace Qt::StringLiterals;

namespace Amo::Kube {

namespace {

/** A tiny scanner over the selector text, in the spirit of apimachinery's lexer. */
class Scanner
{
public:
    explicit Scanner(const QString &text)
        : m_text(text)
    {
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    bool atEnd()
    {
        skipSpace();
        return m_pos >= m_text.size();
    }
    bool take(QStringView token)
    {
        skipSpace();
        if (QStringView(m_text).mid(m_pos).startsWith(token)) {
            m_pos += token.size();
            return true;
        }
        return false;
    }
    /** A key or value: everything up to a separator. */
    QString word()
    {
        skipSpace();
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c.isSpace() || c == u',' || c == u'=' || c == u'!' || c == u'(' || c == u')')
                break;
            ++m_pos;
        }
        return m_text.mid(start, m_pos - start);
    }
    QString rest()
    {
        skipSpace();
        return m_text.mid(m_pos);
    }

private:
    const QString &m_text;
    qsizetype m_pos = 0;
};

QString fail(const QString &found, const QString &expected)
{
    return u"unable to parse requirement: found '"_s % found % u"', expected: "_s % expected;
}

} // namespace

std::optional<LabelSelector> LabelSelector::parse(const QString &text, QString *error)
{
    LabelSelector selector;
    Scanner s(text);
    QString err;
    while (!s.atEnd() && err.isEmpty()) {
        Requirement r;
        const bool negated = s.take(u"!");
        r.key = s.word();
        if (r.key.isEmpty()) {
            err = fail(s.rest().left(1), u"identifier"_s);
            break;
        }
        if (negated) {
            r.op = Operator::DoesNotExist;
        } else if (s.take(u"==") || s.take(u"=")) {
            r.op = Operator::Equals;
        } else if (s.take(u"!=")) {
            r.op = Operator::NotEquals;
        } else {
            const QString next = s.rest();
            if (next.startsWith(u"notin"_s) || next.startsWith(u"in"_s)) {
                r.op = next.startsWith(u"notin"_s) ? Operator::NotIn : Operator::In;
                s.take(r.op == Operator::NotIn ? u"notin" : u"in");
                if (!s.take(u"(")) {
                    err = fail(s.rest().left(1), u"'('"_s);
                    break;
                }
                while (!s.take(u")")) {
                    const QString v = s.word();
                    r.values.append(v);
                    if (!s.take(u",") && !s.rest().startsWith(u')')) {
                        err = fail(s.rest().isEmpty() ? u"EOS"_s : s.rest().left(1), u"',', or ')'"_s);
                        break;
                    }
                }
                if (!err.isEmpty())
                    break;
            } else if (next.isEmpty() || next.startsWith(u',')) {
                r.op = Operator::Exists;
            } else {
                err = fail(next.left(1), u"=, !=, ==, in, notin"_s);
                break;
            }
        }
        if (r.op == Operator::Equals || r.op == Operator::NotEquals)
            r.values.append(s.word());
        for (const QString &m : NameValidation::qualifiedName(r.key))
            err = u"unable to parse requirement: key: Invalid value: \""_s % r.key % u"\": "_s % m;
        for (const QString &v : std::as_const(r.values)) {
            for (const QString &m : NameValidation::labelValue(v))
                err = u"unable to parse requirement: values[0]: Invalid value: \""_s % v % u"\": "_s % m;
        }
        selector.m_requirements.append(r);
        if (!s.atEnd() && !s.take(u","))
            err = fail(s.rest().left(1), u"','"_s);
    }
    if (!err.isEmpty()) {
        if (error)
            *error = err;
        return std::nullopt;
    }
    return selector;
}

bool LabelSelector::matches(const QJsonObject &labels) const
{
    return matchesWith([&labels](const QString &key) -> std::optional<QString> {
        const auto it = labels.constFind(key);
        return it == labels.constEnd() ? std::nullopt : std::optional<QString>(it->toString());
    });
}

bool LabelSelector::matches(const QMap<QString, QString> &labels) const
{
    return matchesWith([&labels](const QString &key) -> std::optional<QString> {
        const auto it = labels.constFind(key);
        return it == labels.constEnd() ? std::nullopt : std::optional<QString>(*it);
    });
}

bool LabelSelector::matchesWith(const std::function<std::optional<QString>(const QString &)> &lookup) const
{
    for (const Requirement &r : m_requirements) {
        const std::optional<QString> found = lookup(r.key);
        const bool has = found.has_value();
        const QString value = found.value_or(QString());
        bool ok = false;
        switch (r.op) {
        case Operator::Equals:
            ok = has && value == r.values.value(0);
            break;
        case Operator::NotEquals:
            ok = !has || value != r.values.value(0);
            break;
        case Operator::In:
            ok = has && r.values.contains(value);
            break;
        case Operator::NotIn:
            ok = !has || !r.values.contains(value);
            break;
        case Operator::Exists:
            ok = has;
            break;
        case Operator::DoesNotExist:
            ok = !has;
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace Amo::Kube
