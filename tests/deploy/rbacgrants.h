// SPDX-License-Identifier: MIT
// What the rendered RBAC objects grant one ServiceAccount, evaluated as the API server does:
// a ClusterRole bound by a ClusterRoleBinding applies everywhere, a Role (or ClusterRole) bound by a
// RoleBinding only in the binding's namespace.
#pragma once

#include "deploytestutil.h"
#include "kubecallrecorder.h"

#include <QJsonArray>
#include <QJsonObject>

namespace DeployTest {

struct Grant
{
    QString origin; // "ClusterRole/x" or "Role/ns/x", for messages
    QStringList verbs, apiGroups, resources;
    QString ns; // empty: every namespace and cluster scope

    bool allows(const KubeCall &call) const
    {
        if (!ns.isEmpty() && call.ns != ns)
            return false;
        return matches(verbs, call.verb) && matches(apiGroups, call.group) && matches(resources, call.resource);
    }

private:
    static bool matches(const QStringList &list, const QString &value)
    {
        return list.contains(value) || list.contains(QStringLiteral("*"));
    }
};

inline QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toString());
    return out;
}

inline QList<Grant> grantsFor(const Rendered &rendered, const QString &accountNamespace, const QString &accountName)
{
    QList<Grant> grants;
    const auto bindsAccount = [&](const QJsonObject &binding) {
        for (const QJsonValue &v : binding.value(QStringLiteral("subjects")).toArray()) {
            const QJsonObject s = v.toObject();
            if (s.value(QStringLiteral("kind")) == QStringLiteral("ServiceAccount")
                && s.value(QStringLiteral("name")).toString() == accountName
                && s.value(QStringLiteral("namespace")).toString() == accountNamespace)
                return true;
        }
        return false;
    };
    for (const QString &bindingKind : {QStringLiteral("ClusterRoleBinding"), QStringLiteral("RoleBinding")}) {
        for (const QJsonObject &binding : rendered.ofKind(bindingKind)) {
            if (!bindsAccount(binding))
                continue;
            const QJsonObject ref = binding.value(QStringLiteral("roleRef")).toObject();
            const QString roleKind = ref.value(QStringLiteral("kind")).toString();
            const QString bindingNs = metadataNamespace(binding);
            QJsonObject role;
            for (const QJsonObject &candidate : rendered.ofKind(roleKind)) {
                if (metadataName(candidate) == ref.value(QStringLiteral("name")).toString()
                    && (roleKind == QStringLiteral("ClusterRole") || metadataNamespace(candidate) == bindingNs))
                    role = candidate;
            }
            for (const QJsonValue &v : role.value(QStringLiteral("rules")).toArray()) {
                const QJsonObject rule = v.toObject();
                Grant g;
                g.origin = roleKind + u'/' + (bindingNs.isEmpty() ? QString() : bindingNs + u'/') + metadataName(role);
                g.verbs = strings(rule.value(QStringLiteral("verbs")));
                g.apiGroups = strings(rule.value(QStringLiteral("apiGroups")));
                g.resources = strings(rule.value(QStringLiteral("resources")));
                g.ns = bindingKind == QStringLiteral("RoleBinding") ? bindingNs : QString();
                grants.append(g);
            }
        }
    }
    return grants;
}

/** The grants as the simulator's scenario "rbac" rules for @p user. */
inline QJsonArray scenarioRules(const QList<Grant> &grants, const QString &user)
{
    QJsonArray rules;
    for (const Grant &g : grants) {
        QJsonObject rule {{QStringLiteral("user"), user},
                          {QStringLiteral("verbs"), QJsonArray::fromStringList(g.verbs)},
                          {QStringLiteral("apiGroups"), QJsonArray::fromStringList(g.apiGroups)},
                          {QStringLiteral("resources"), QJsonArray::fromStringList(g.resources)}};
        if (!g.ns.isEmpty())
            rule.insert(QStringLiteral("namespaces"), QJsonArray {g.ns});
        rules.append(rule);
    }
    return rules;
}

} // namespace DeployTest
