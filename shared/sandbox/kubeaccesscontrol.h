// SPDX-License-Identifier: MIT
#pragma once

#include "kubestatus.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace Amo::Sandbox {

/** Who is calling, after authentication. */
struct KubeUser
{
    QString name;
    QStringList groups;
};

/** What a request wants to do, as RBAC sees it. */
struct KubeAccess
{
    QString verb; // get, list, watch, create, update, patch, delete
    QString group;
    QString resource; // plural; empty for a non-resource path
    QString ns; // empty: cluster scope or all namespaces
    QString name;
    QString path; // for non-resource requests
};

/**
 * Authentication (bearer tokens, TLS client certificates) and a small RBAC table:
 * rules grant verbs on resources, per user or group, optionally limited to namespaces.
 */
class KubeAccessControl
{
public:
    struct Rule
    {
        QString user; // one of user / group
        QString group;
        QStringList verbs, apiGroups, resources, namespaces; // "*" matches all; no namespaces = everywhere
    };

    void clear();
    /** Reads "users" and "rbac" from a scenario's "kubernetes" section; returns an error text or empty. */
    QString loadScenario(const QJsonObject &section);
    void addUser(const QString &name, const QString &token, const QStringList &groups = {});
    void addRule(const Rule &rule) { m_rules.append(rule); }

    /** With no users declared every caller is an administrator, so demos need no credentials. */
    bool authenticationRequired() const { return !m_tokens.isEmpty(); }
    std::optional<KubeUser> authenticate(const QByteArray &authorizationHeader, const QString &certificateCommonName,
                                         const QStringList &certificateOrganizations) const;
    bool allowed(const KubeUser &user, const KubeAccess &access) const;
    /** The rules that apply to @p user in @p ns, as SelfSubjectRulesReview resourceRules. */
    QJsonArray resourceRules(const KubeUser &user, const QString &ns) const;

    static KubeError forbidden(const KubeUser &user, const KubeAccess &access);

private:
    bool applies(const Rule &rule, const KubeUser &user) const;

    QHash<QString, KubeUser> m_tokens;
    QList<Rule> m_rules;
};

} // namespace Amo::Sandbox
