// SPDX-License-Identifier: MIT
#include "kubeaccesscontrol.h"

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

const QString kMasters = u"system:masters"_s;

bool matches(const QStringList &patterns, const QString &value)
{
    return patterns.contains(u"*"_s) || patterns.contains(value);
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out.append(s.toString());
    return out;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

void KubeAccessControl::clear()
{
    m_tokens.clear();
    m_rules.clear();
}

void KubeAccessControl::addUser(const QString &name, const QString &token, const QStringList &groups)
{
    QStringList all = groups;
    all.append(u"system:authenticated"_s);
    m_tokens.insert(token, KubeUser {name, all});
}

QString KubeAccessControl::loadScenario(const QJsonObject &section)
{
    for (const QJsonValue &v : section.value(u"users"_s).toArray()) {
        const QJsonObject u = v.toObject();
        if (u.value(u"name"_s).toString().isEmpty() || u.value(u"token"_s).toString().isEmpty())
            return u"users: every user needs a name and a token"_s;
        addUser(u.value(u"name"_s).toString(), u.value(u"token"_s).toString(), strings(u.value(u"groups"_s)));
    }
    for (const QJsonValue &v : section.value(u"rbac"_s).toArray()) {
        const QJsonObject r = v.toObject();
        Rule rule {r.value(u"user"_s).toString(),    r.value(u"group"_s).toString(),
                   strings(r.value(u"verbs"_s)),     strings(r.value(u"apiGroups"_s)),
                   strings(r.value(u"resources"_s)), strings(r.value(u"namespaces"_s))};
        if (rule.user.isEmpty() == rule.group.isEmpty())
            return u"rbac: every rule names exactly one user or group"_s;
        if (!r.contains(u"apiGroups"_s))
            rule.apiGroups = QStringList {u"*"_s};
        addRule(rule);
    }
    return {};
}

std::optional<KubeUser> KubeAccessControl::authenticate(const QByteArray &authorizationHeader,
                                                        const QString &certificateCommonName,
                                                        const QStringList &certificateOrganizations) const
{
    if (!authenticationRequired())
        return KubeUser {u"system:admin"_s, {kMasters, u"system:authenticated"_s}};
    if (authorizationHeader.startsWith("Bearer ")) {
        const auto it = m_tokens.constFind(QString::fromUtf8(authorizationHeader.mid(7).trimmed()));
        if (it != m_tokens.constEnd())
            return *it;
        return std::nullopt; // a wrong token is refused even when a certificate is present
    }
    if (!certificateCommonName.isEmpty()) {
        // The TLS layer has already verified the certificate against the sandbox CA.
        QStringList groups = certificateOrganizations;
        groups.append(u"system:authenticated"_s);
        return KubeUser {certificateCommonName, groups};
    }
    return std::nullopt;
}

bool KubeAccessControl::applies(const Rule &rule, const KubeUser &user) const
{
    return rule.user.isEmpty() ? user.groups.contains(rule.group) : rule.user == user.name;
}

bool KubeAccessControl::allowed(const KubeUser &user, const KubeAccess &access) const
{
    if (user.groups.contains(kMasters))
        return true;
    if (access.resource.isEmpty())
        return true; // discovery and version are open to every authenticated caller
    if ((access.group == u"authorization.k8s.io" || access.group == u"authentication.k8s.io")
        && access.resource.startsWith(u"selfsubject"_s))
        return true; // everyone may ask who they are and what they may do (system:basic-user)
    if (m_rules.isEmpty())
        return true; // no RBAC table: every authenticated user may do anything
    for (const Rule &rule : m_rules) {
        if (!applies(rule, user) || !matches(rule.verbs, access.verb) || !matches(rule.apiGroups, access.group)
            || !matches(rule.resources, access.resource)) {
            continue;
        }
        // A namespace-limited rule never grants cluster-wide access.
        if (rule.namespaces.isEmpty() || (!access.ns.isEmpty() && matches(rule.namespaces, access.ns)))
            return true;
    }
    return false;
}

QJsonArray KubeAccessControl::resourceRules(const KubeUser &user, const QString &ns) const
{
    QJsonArray out;
    if (user.groups.contains(kMasters)) {
        out.append(QJsonObject {{u"verbs"_s, QJsonArray {u"*"_s}},
                                {u"apiGroups"_s, QJsonArray {u"*"_s}},
                                {u"resources"_s, QJsonArray {u"*"_s}}});
    }
    for (const Rule &rule : m_rules) {
        if (applies(rule, user) && (rule.namespaces.isEmpty() || matches(rule.namespaces, ns))) {
            out.append(QJsonObject {{u"verbs"_s, toArray(rule.verbs)},
                                    {u"apiGroups"_s, toArray(rule.apiGroups)},
                                    {u"resources"_s, toArray(rule.resources)}});
        }
    }
    out.append(
        QJsonObject {{u"verbs"_s, QJsonArray {u"create"_s}},
                     {u"apiGroups"_s, QJsonArray {u"authorization.k8s.io"_s}},
                     {u"resources"_s, QJsonArray {u"selfsubjectaccessreviews"_s, u"selfsubjectrulesreviews"_s}}});
    return out;
}

KubeError KubeAccessControl::forbidden(const KubeUser &user, const KubeAccess &access)
{
    if (access.resource.isEmpty()) {
        return KubeStatus::make(403, u"Forbidden"_s,
                                u"forbidden: User \""_s % user.name % u"\" cannot "_s % access.verb % u" path \""_s
                                    % access.path % u"\""_s);
    }
    const QString qualified = access.group.isEmpty() ? access.resource : access.resource % u"."_s % access.group;
    const QString subject = access.name.isEmpty() ? qualified : qualified % u" \""_s % access.name % u"\""_s;
    const QString scope
        = access.ns.isEmpty() ? u"at the cluster scope"_s : u"in the namespace \""_s % access.ns % u"\""_s;
    QJsonObject details {{u"kind"_s, access.resource}};
    if (!access.name.isEmpty())
        details.insert(u"name"_s, access.name);
    if (!access.group.isEmpty())
        details.insert(u"group"_s, access.group);
    return KubeStatus::make(403, u"Forbidden"_s,
                            subject % u" is forbidden: User \""_s % user.name % u"\" cannot "_s % access.verb
                                % u" resource \""_s % access.resource % u"\" in API group \""_s % access.group
                                % u"\" "_s % scope,
                            details);
}

} // namespace Amo::Sandbox
