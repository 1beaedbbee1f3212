// SPDX-License-Identifier: MIT
#include "kubevalidation.h"

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

// Hand-written checks instead of regular expressions: the store validates every
// object of 30,000-object scenarios.
bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

bool isAlnum(QChar c)
{
    return isLowerAlnum(c) || (c >= u'A' && c <= u'Z');
}

bool isLabelPart(QStringView s)
{
    if (s.isEmpty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    for (QChar c : s) {
        if (!isLowerAlnum(c) && c != u'-')
            return false;
    }
    return true;
}

bool isSubdomain(QStringView s)
{
    for (QStringView part : s.split(u'.')) {
        if (!isLabelPart(part))
            return false;
    }
    return true;
}

bool isQualifiedNamePart(QStringView s)
{
    if (s.isEmpty() || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    for (QChar c : s) {
        if (!isAlnum(c) && c != u'-' && c != u'_' && c != u'.')
            return false;
    }
    return true;
}

QString maxLen(int n)
{
    return u"must be no more than %1 characters"_s.arg(n);
}

const QString kSubdomainMsg
    = u"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
      "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
      "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"_s;
const QString kLabelMsg
    = u"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
      "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
      "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')"_s;
const QString kQualifiedNameFmt
    = u"must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
      "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
      "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"_s;
const QString kLabelValueMsg
    = u"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start "
      "and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation "
      "is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"_s;

} // namespace

QStringList KubeValidation::dns1123Label(const QString &value)
{
    QStringList out;
    if (value.size() > 63)
        out.append(maxLen(63));
    if (!isLabelPart(value))
        out.append(kLabelMsg);
    return out;
}

QStringList KubeValidation::dns1123Subdomain(const QString &value)
{
    QStringList out;
    if (value.size() > 253)
        out.append(maxLen(253));
    if (!isSubdomain(value))
        out.append(kSubdomainMsg);
    return out;
}

QStringList KubeValidation::qualifiedName(const QString &value)
{
    QStringList out;
    const QStringList parts = value.split(u'/');
    QString name;
    if (parts.size() == 1) {
        name = parts.at(0);
    } else if (parts.size() == 2) {
        const QString prefix = parts.at(0);
        name = parts.at(1);
        if (prefix.isEmpty()) {
            out.append(u"prefix part must be non-empty"_s);
        } else {
            for (const QString &m : dns1123Subdomain(prefix))
                out.append(u"prefix part "_s + m);
        }
    } else {
        out.append(u"a qualified name "_s % kQualifiedNameFmt
                   % u" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"_s);
        return out;
    }
    if (name.isEmpty()) {
        out.append(u"name part must be non-empty"_s);
    } else {
        if (name.size() > 63)
            out.append(u"name part "_s + maxLen(63));
        if (!isQualifiedNamePart(name))
            out.append(u"name part "_s + kQualifiedNameFmt);
    }
    return out;
}

QStringList KubeValidation::labelValue(const QString &value)
{
    QStringList out;
    if (value.size() > 63)
        out.append(maxLen(63));
    if (!value.isEmpty() && !isQualifiedNamePart(value))
        out.append(kLabelValueMsg);
    return out;
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
