// SPDX-License-Identifier: MIT
#include "shared/mapping/identitymapper.h"

#include "shared/config/gotimelayout.h"
#include "shared/kube/namevalidation.h"
#include "shared/mapping/msitemplatevalue.h"
#include "shared/model/armresourceid.h"
#include "shared/model/stringpool.h"

using namespace Qt::StringLiterals;

namespace Amo::Mapping {

using Model::Skip;

namespace {
const QString kBehaviorAnnotation = u"aadpodidentity.k8s.io/Behavior"_s;
const QString kBehaviorNamespaced = u"namespaced"_s;
} // namespace

IdentityMapper::IdentityMapper(MappingOptions options)
    : m_options(std::move(options))
    // Template names as the original gave them, so Go's error messages read the same.
    , m_namespaceTemplate(GoText::Template::parse(u"msiNamespace"_s, m_options.namespaceTemplate))
    , m_nameTemplate(GoText::Template::parse(u"msiResourceName"_s, m_options.nameTemplate))
    , m_labels(m_options.labelFormat)
{
    for (const QString &ns : std::as_const(m_options.ignoredNamespaces))
        m_ignored << ns.trimmed().toLower();

    if (!m_namespaceTemplate.isValid())
        m_error = u"--azureidentity.template.namespace: "_s + m_namespaceTemplate.error();
    else if (!m_nameTemplate.isValid())
        m_error = u"--azureidentity.template.resourcename: "_s + m_nameTemplate.error();
    else if (!m_labels.error().isEmpty())
        m_error = u"--kubernetes.label.format: "_s + m_labels.error();
    else if (m_options.expiry && !Kube::NameValidation::qualifiedName(m_options.expiryAnnotation).isEmpty())
        m_error = u"--azureidentity.expiry.annotation: \"%1\" is not a valid annotation key: %2"_s.arg(
            m_options.expiryAnnotation, Kube::NameValidation::qualifiedName(m_options.expiryAnnotation).join(u"; "_s));
}

MsiMapping IdentityMapper::map(const Model::Msi &msi, const QDateTime &nowUtc) const
{
    MsiMapping result;
    result.msi = msi;
    if (!isValid())
        return result;

    const GoText::Value data = msiTemplateValue(msi);
    const GoText::ExecResult nsRun = m_namespaceTemplate.execute(data);
    const GoText::ExecResult nameRun = m_nameTemplate.execute(data);
    result.namespaceOutput = Model::StringPool::intern(nsRun.output);
    result.nameOutput = Model::StringPool::intern(nameRun.output);
    if (!nsRun.ok) {
        result.namespaceError = nsRun.error;
        result.skips << Skip {Skip::Kind::TemplateError, msi.id, QString(),
                              tr("namespace template failed: %1").arg(nsRun.error)};
        return result;
    }
    if (!nameRun.ok) {
        result.nameError = nameRun.error;
        result.skips << Skip {Skip::Kind::TemplateError, msi.id, QString(),
                              tr("resource name template failed: %1").arg(nameRun.error)};
        return result;
    }

    const QStringList namespaces = targetNamespaces(nsRun.output, msi, result);
    if (namespaces.isEmpty())
        return result;

    const QString name = nameRun.output;
    const QStringList nameProblems = Kube::NameValidation::dns1123Subdomain(name);
    if (!nameProblems.isEmpty()) {
        QString reason = tr("resource name template produced \"%1\", which is not a valid Kubernetes object name (%2)")
                             .arg(name, nameProblems.join(u"; "_s));
        if (name != name.toLower())
            reason += tr("; wrap the template's output in lower, e.g. {{ lower .Name }}");
        result.skips << Skip {Skip::Kind::InvalidName, msi.id, QString(), reason};
        return result;
    }

    for (const QString &ns : namespaces)
        result.identities << makeIdentity(msi, ns, name, nowUtc, result);
    return result;
}

QStringList IdentityMapper::targetNamespaces(const QString &output, const Model::Msi &msi, MsiMapping &result) const
{
    QStringList namespaces;
    for (const QString &entry : output.split(u',')) {
        const QString ns = entry.trimmed().toLower();
        if (ns.isEmpty())
            continue;
        if (namespaces.contains(ns)) {
            result.skips << Skip {Skip::Kind::DuplicateNamespace, msi.id, ns,
                                  tr("namespace \"%1\" is listed more than once").arg(ns)};
            continue;
        }
        if (m_ignored.contains(ns)) {
            result.skips << Skip {Skip::Kind::IgnoredNamespace, msi.id, ns,
                                  tr("namespace \"%1\" is on the ignore list").arg(ns)};
            continue;
        }
        const QStringList problems = Kube::NameValidation::dns1123Label(ns);
        if (!problems.isEmpty()) {
            result.skips << Skip {Skip::Kind::InvalidNamespace, msi.id, ns,
                                  tr("\"%1\" is not a valid namespace name (%2)").arg(ns, problems.join(u"; "_s))};
            continue;
        }
        namespaces << ns;
    }
    if (namespaces.isEmpty() && result.skips.isEmpty()) {
        result.skips << Skip {Skip::Kind::NoNamespace, msi.id, QString(),
                              tr("the namespace template produced no namespace (output \"%1\")").arg(output)};
    }
    return namespaces;
}

Model::DesiredIdentity IdentityMapper::makeIdentity(const Model::Msi &msi, const QString &ns, const QString &name,
                                                    const QDateTime &nowUtc, MsiMapping &result) const
{
    Model::DesiredIdentity identity;
    identity.msiId = msi.id;
    // Pooled: the observed AzureIdentity holds the same strings (see Model::StringPool).
    identity.namespaceName = Model::StringPool::intern(ns);
    identity.name = Model::StringPool::intern(name);
    identity.resourceId = Model::StringPool::intern(msi.id.toLower());
    identity.clientId = msi.clientId;

    if (m_labels.isEnabled()) {
        // Label values come from the resource ID, lower-cased, as the original wrote them.
        Model::ArmResourceId rid;
        QString parseError;
        Model::ArmResourceId::parse(msi.id, &rid, &parseError);
        const QString subscription = rid.subscriptionId.toLower();
        const QString group = rid.resourceGroup.toLower();
        const QString msiName = rid.name.toLower();
        const bool valid = Kube::NameValidation::labelValue(subscription).isEmpty()
            && Kube::NameValidation::labelValue(group).isEmpty() && Kube::NameValidation::labelValue(msiName).isEmpty();
        if (valid) {
            identity.labels.insert(m_labels.subscriptionKey(), Model::StringPool::intern(subscription));
            identity.labels.insert(m_labels.resourceGroupKey(), Model::StringPool::intern(group));
            identity.labels.insert(m_labels.nameKey(), Model::StringPool::intern(msiName));
        } else {
            const QString warning = tr("lookup labels omitted because subscription \"%1\", resource group \"%2\" or "
                                       "name \"%3\" is not a valid label value; binding sync cannot find this MSI")
                                        .arg(subscription, group, msiName);
            if (!result.warnings.contains(warning))
                result.warnings << warning;
        }
    }
    if (m_options.namespaced)
        identity.annotations.insert(kBehaviorAnnotation, kBehaviorNamespaced);
    if (m_options.expiry) {
        // Keep Go's nanosecond precision: layouts may print fractional seconds.
        const qint64 totalNs = nowUtc.toMSecsSinceEpoch() * 1'000'000 + m_options.expiryDuration.count();
        const qint64 seconds = totalNs / 1'000'000'000 - (totalNs % 1'000'000'000 < 0 ? 1 : 0);
        const int nanosecond = int(totalNs - seconds * 1'000'000'000);
        const QDateTime expires = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).addMSecs(nanosecond / 1'000'000);
        identity.annotations.insert(
            m_options.expiryAnnotation,
            Model::StringPool::intern(Config::GoTimeLayout(m_options.expiryTimeFormat).format(expires, nanosecond)));
    }
    identity.labels = Model::StringPool::internMap(identity.labels);
    identity.annotations = Model::StringPool::internMap(identity.annotations);
    return identity;
}

} // namespace Amo::Mapping
