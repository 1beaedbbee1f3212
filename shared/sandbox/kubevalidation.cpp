// SPDX-License-Identifier: MIT
#include "kubevalidation.h"

#include "shared/kube/namevalidation.h"

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

// The rules and messages are the core's; the simulator only turns them into Status causes.
QStringList KubeValidation::dns1123Label(const QString &value)
{
    return Kube::NameValidation::dns1123Label(value);
}

QStringList KubeValidation::dns1123Subdomain(const QString &value)
{
    return Kube::NameValidation::dns1123Subdomain(value);
}

QStringList KubeValidation::qualifiedName(const QString &value)
{
    return Kube::NameValidation::qualifiedName(value);
}

QStringList KubeValidation::labelValue(const QString &value)
{
    return Kube::NameValidation::labelValue(value);
}

QJsonObject KubeValidation::cause(const QString &reason, const QString &field, const QString &message)
{
    return {{u"reason"_s, reason}, {u"message"_s, message}, {u"field"_s, field}};
}

QJsonObject KubeValidation::invalidValue(const QString &field, const QString &value, const QString &message)
{
    return cause(u"FieldValueInvalid"_s, field, u"Invalid value: \""_s % value % u"\": "_s % message);
}

QJsonArray KubeValidation::validateMetadata(const QJsonObject &metadata, bool namespaceName)
{
    QJsonArray causes;
    const QString name = metadata.value(u"name"_s).toString();
    if (name.isEmpty()) {
        causes.append(
            cause(u"FieldValueRequired"_s, u"metadata.name"_s, u"Required value: name or generateName is required"_s));
    } else {
        const QStringList problems = namespaceName ? dns1123Label(name) : dns1123Subdomain(name);
        for (const QString &m : problems)
            causes.append(invalidValue(u"metadata.name"_s, name, m));
    }
    const QJsonObject labels = metadata.value(u"labels"_s).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        for (const QString &m : qualifiedName(it.key()))
            causes.append(invalidValue(u"metadata.labels"_s, it.key(), m));
        const QString v = it.value().toString();
        if (!it.value().isString()) {
            causes.append(invalidValue(u"metadata.labels"_s, v, u"label values must be strings"_s));
            continue;
        }
        for (const QString &m : labelValue(v))
            causes.append(invalidValue(u"metadata.labels"_s, v, m));
    }
    const QJsonObject annotations = metadata.value(u"annotations"_s).toObject();
    for (auto it = annotations.begin(); it != annotations.end(); ++it) {
        // apimachinery checks annotation keys lower-cased, so upper-case names pass.
        for (const QString &m : qualifiedName(it.key().toLower()))
            causes.append(invalidValue(u"metadata.annotations"_s, it.key(), m));
    }
    return causes;
}

} // namespace Amo::Sandbox
