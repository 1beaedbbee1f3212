// SPDX-License-Identifier: MIT
#include "shared/kube/namevalidation.h"

using namespace Qt::StringLiterals;

namespace Amo::Kube {

namespace {
bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}
bool isAlnum(QChar c)
{
    return isLowerAlnum(c) || (c >= u'A' && c <= u'Z');
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool matchesLabel(QStringView s)
{
    if (s.isEmpty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    for (QChar c : s) {
        if (!isLowerAlnum(c) && c != u'-')
            return false;
    }
    return true;
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool matchesQualifiedPart(QStringView s)
{
    if (s.isEmpty() || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    for (QChar c : s) {
        if (!isAlnum(c) && c != u'-' && c != u'_' && c != u'.')
            return false;
    }
    return true;
}

bool matchesSubdomain(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QStringView part : s.split(u'.')) {
        if (!matchesLabel(part))
            return false;
    }
    return true;
}

QString maxLength(int max)
{
    return u"must be no more than %1 characters"_s.arg(max);
}

const QString kLabelMessage = u"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
                              "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
                              "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"_s;
const QString kSubdomainMessage
    = u"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
      "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
      "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"_s;
const QString kLabelValueMessage
    = u"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start "
      "and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation "
      "is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"_s;
const QString kQualifiedNameMessage
    = u"name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
      "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
      "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"_s;
} // namespace

QStringList NameValidation::dns1123Label(const QString &value)
{
    QStringList problems;
    if (value.size() > Dns1123LabelMaxLength)
        problems << maxLength(Dns1123LabelMaxLength);
    if (!matchesLabel(value))
        problems << kLabelMessage;
    return problems;
}

QStringList NameValidation::dns1123Subdomain(const QString &value)
{
    QStringList problems;
    if (value.size() > Dns1123SubdomainMaxLength)
        problems << maxLength(Dns1123SubdomainMaxLength);
    if (!matchesSubdomain(value))
        problems << kSubdomainMessage;
    return problems;
}

QStringList NameValidation::labelValue(const QString &value)
{
    QStringList problems;
    if (value.size() > LabelValueMaxLength)
        problems << maxLength(LabelValueMaxLength);
    if (!value.isEmpty() && !matchesQualifiedPart(value))
        problems << kLabelValueMessage;
    return problems;
}

QStringList NameValidation::qualifiedName(const QString &value)
{
    QStringList problems;
    const QStringList parts = value.split(u'/');
    QString name;
    if (parts.size() == 1) {
        name = parts[0];
    } else if (parts.size() == 2) {
        const QString &prefix = parts[0];
        name = parts[1];
        if (prefix.isEmpty())
            problems << u"prefix part must be non-empty"_s;
        else
            for (const QString &p : dns1123Subdomain(prefix))
                problems << u"prefix part "_s + p;
    } else {
        return {u"a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
                "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
                "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix "
                "and '/' (e.g. 'example.com/MyName')"_s};
    }
    if (name.isEmpty()) {
        problems << u"name part must be non-empty"_s;
        return problems;
    }
    if (name.size() > QualifiedNameMaxLength)
        problems << u"name part "_s + maxLength(QualifiedNameMaxLength);
    if (!matchesQualifiedPart(name))
        problems << kQualifiedNameMessage;
    return problems;
}

} // namespace Amo::Kube
