// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Amo::Kube {

/**
 * A Kubernetes label selector (the `labelSelector` query, `--kubernetes.namespace.selector`): =, ==, !=, in,
 * notin, exists and !exists, comma meaning AND; parsed and matched as apimachinery does.
 */
class LabelSelector
{
public:
    enum class Operator { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
    struct Requirement
    {
        QString key;
        Operator op = Operator::Exists;
        QStringList values;
    };

    /** Parses the selector; on failure returns nullopt and sets @p error to kube-apiserver's wording. */
    static std::optional<LabelSelector> parse(const QString &text, QString *error = nullptr);

    bool isEmpty() const { return m_requirements.isEmpty(); }
    const QList<Requirement> &requirements() const { return m_requirements; }
    /** True when an object with these labels is selected. */
    bool matches(const QJsonObject &labels) const;
    bool matches(const QMap<QString, QString> &labels) const;

private:
    bool matchesWith(const std::function<std::optional<QString>(const QString &)> &lookup) const;

    QList<Requirement> m_requirements;
};

} // namespace Amo::Kube
