// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Amo::Sandbox {

/** A parsed `fieldSelector` query: terms `field=value`, `field==value`, `field!=value`, comma meaning AND. */
class FieldSelector
{
public:
    struct Term
    {
        QString field;
        QString value;
        bool negated = false;
    };

    /** Parses against the fields the resource supports (metadata.name, metadata.namespace, ...). */
    static std::optional<FieldSelector> parse(const QString &text, const QStringList &supportedFields,
                                              QString *error = nullptr);

    bool isEmpty() const { return m_terms.isEmpty(); }
    bool matches(const QJsonObject &object) const;

private:
    QList<Term> m_terms;
};

} // namespace Amo::Sandbox
