// SPDX-License-Identifier: MIT
#include "fieldselector.h"

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

QString fieldValue(const QJsonObject &object, const QString &field)
{
    QJsonValue v = object;
    // core/v1 Event's "source" selects on source.component.
    const QString path = field == u"source" ? u"source.component"_s : field;
    for (const QString &part : path.split(u'.'))
        v = v.toObject().value(part);
    return v.toString();
}

} // namespace

std::optional<FieldSelector> FieldSelector::parse(const QString &text, const QStringList &supportedFields,
                                                  QString *error)
{
    FieldSelector selector;
    for (const QString &raw : text.split(u',', Qt::SkipEmptyParts)) {
        const QString term = raw.trimmed();
        Term t;
        qsizetype at = term.indexOf(u"!="_s);
        qsizetype opLength = 2;
        if (at >= 0) {
            t.negated = true;
        } else if ((at = term.indexOf(u"=="_s)) < 0) {
            at = term.indexOf(u'=');
            opLength = 1;
        }
        if (at <= 0) {
            if (error)
                *error = u"invalid selector: '"_s % text % u"'; can't understand '"_s % term % u"'"_s;
            return std::nullopt;
        }
        t.field = term.left(at).trimmed();
        t.value = term.mid(at + opLength).trimmed();
        if (!supportedFields.contains(t.field)) {
            if (error) {
                QStringList quoted;
                for (const QString &f : supportedFields)
                    quoted.append(u'"' + f + u'"');
                *error = u"\""_s % t.field % u"\" is not a known field selector: only "_s % quoted.join(u", "_s);
            }
            return std::nullopt;
        }
        selector.m_terms.append(t);
    }
    return selector;
}

bool FieldSelector::matches(const QJsonObject &object) const
{
    for (const Term &t : m_terms) {
        if ((fieldValue(object, t.field) == t.value) == t.negated)
            return false;
    }
    return true;
}

} // namespace Amo::Sandbox
