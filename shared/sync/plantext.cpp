// SPDX-License-Identifier: MIT
#include "shared/sync/plantext.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Amo::Sync {

namespace {
QString target(const Action &action)
{
    return action.namespaceName + u'/' + action.name;
}

// The last segment of an ARM ID is the MSI's name; a full ID would drown the line.
QString msiName(const QString &msiId)
{
    const QString name = msiId.section(u'/', -1);
    return name.isEmpty() ? msiId : name;
}
} // namespace

QString PlanText::symbol(Action::Kind kind)
{
    switch (kind) {
    case Action::Kind::CreateIdentity:
        return u"+"_s;
    case Action::Kind::UpdateIdentity:
        return u"~"_s;
    case Action::Kind::RepointBinding:
        return u">"_s;
    case Action::Kind::WaitForNamespace:
        return u"…"_s;
    case Action::Kind::Conflict:
        return u"!"_s;
    case Action::Kind::Orphan:
        return u"?"_s;
    case Action::Kind::Skip:
        return u"#"_s;
    case Action::Kind::CreateServiceAccount:
    case Action::Kind::CreateFederatedCredential:
        return u"+"_s;
    case Action::Kind::UpdateServiceAccount:
    case Action::Kind::UpdateFederatedCredential:
        return u"~"_s;
    case Action::Kind::Blocked:
        return u"x"_s;
    }
    return QString();
}

QString PlanText::line(const Action &action)
{
    const QString head = symbol(action.kind) + u' ';
    if (action.resourceKind() == u"ServiceAccount" || action.resourceKind() == u"FederatedIdentityCredential")
        return workloadLine(head, action);
    switch (action.kind) {
    case Action::Kind::CreateIdentity:
        return head + u"identity "_s + target(action);
    case Action::Kind::UpdateIdentity: {
        QStringList fields;
        for (const FieldChange &change : action.changes)
            fields << change.field;
        return head + u"identity "_s + target(action) + u": "_s + fields.join(u", "_s);
    }
    case Action::Kind::RepointBinding: {
        QString text
            = head + u"binding "_s + target(action) + u": "_s + action.fromIdentity + u" → "_s + action.toIdentity;
        if (!action.afterIdentity.isEmpty())
            text += u" ("_s + tr("once the identity is written") + u')';
        return text;
    }
    case Action::Kind::WaitForNamespace:
    case Action::Kind::Conflict:
        return head + (action.aboutBinding ? u"binding "_s : u"identity "_s) + target(action) + u": "_s + action.reason;
    case Action::Kind::Orphan: {
        QString text = head + u"identity "_s + target(action) + u": "_s + action.reason;
        if (!action.expires.isEmpty())
            text += u"; "_s + tr("expires %1").arg(action.expires);
        return text;
    }
    case Action::Kind::Skip: {
        QString text = head + u"msi "_s + msiName(action.msiId);
        if (!action.namespaceName.isEmpty())
            text += u" → "_s + action.namespaceName;
        return text + u": "_s + action.reason;
    }
    case Action::Kind::CreateServiceAccount:
    case Action::Kind::UpdateServiceAccount:
    case Action::Kind::CreateFederatedCredential:
    case Action::Kind::UpdateFederatedCredential:
    case Action::Kind::Blocked:
        return workloadLine(head, action);
    }
    return QString();
}

QString PlanText::workloadLine(const QString &head, const Action &action)
{
    // A credential lives on the MSI in Azure: "[azure]" marks every line about what leaves the cluster.
    const bool credential = action.resourceKind() == u"FederatedIdentityCredential";
    const QString what = credential ? QString(u"[azure] credential "_s + msiName(action.msiId) + u'/' + action.name)
                                    : QString(u"serviceaccount "_s + target(action));
    QString text = head + what;
    if (credential && !action.namespaceName.isEmpty() && action.kind != Action::Kind::Orphan)
        text += u" ("_s + action.namespaceName + u')';
    if (action.kind == Action::Kind::UpdateServiceAccount || action.kind == Action::Kind::UpdateFederatedCredential) {
        QStringList fields;
        for (const FieldChange &change : action.changes)
            fields << change.field;
        if (!fields.isEmpty())
            text += u": "_s + fields.join(u", "_s);
    } else if (!action.isWrite() && !action.reason.isEmpty()) {
        text += u": "_s + action.reason;
    }
    return text;
}

QString PlanText::summary(const Plan &plan)
{
    return tr("Plan: %1 to create, %2 to update, %3 to re-point. "
              "Not written: %4 waiting for a namespace, %5 in conflict, %6 orphaned, %7 skipped.")
               .arg(plan.count(Action::Kind::CreateIdentity))
               .arg(plan.count(Action::Kind::UpdateIdentity))
               .arg(plan.count(Action::Kind::RepointBinding))
               .arg(plan.count(Action::Kind::WaitForNamespace))
               .arg(plan.count(Action::Kind::Conflict))
               .arg(plan.count(Action::Kind::Orphan))
               .arg(plan.count(Action::Kind::Skip))
        + workloadSummary(plan);
}

QString PlanText::workloadSummary(const Plan &plan)
{
    const int accounts
        = plan.count(Action::Kind::CreateServiceAccount) + plan.count(Action::Kind::UpdateServiceAccount);
    const int azure
        = plan.count(Action::Kind::CreateFederatedCredential) + plan.count(Action::Kind::UpdateFederatedCredential);
    const int blocked = plan.count(Action::Kind::Blocked);
    if (accounts + azure + blocked == 0)
        return QString();
    return u' '
        + tr("Workload identity: %1 ServiceAccounts to create, %2 to update; %3 federated credentials to write in "
             "Azure; %4 blocked.")
              .arg(plan.count(Action::Kind::CreateServiceAccount))
              .arg(plan.count(Action::Kind::UpdateServiceAccount))
              .arg(azure)
              .arg(blocked);
}

QString PlanText::render(const Plan &plan)
{
    QString text;
    for (const Action &action : plan.actions)
        text += line(action) + u'\n';
    if (!plan.actions.isEmpty())
        text += u'\n';
    return text + summary(plan) + u'\n';
}

} // namespace Amo::Sync
