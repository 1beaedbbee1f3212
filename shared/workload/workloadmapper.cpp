// SPDX-License-Identifier: MIT
#include "shared/workload/workloadmapper.h"
#include "shared/kube/namevalidation.h"
#include "shared/mapping/msitemplatevalue.h"
#include "shared/workload/credentialname.h"
#include "shared/workload/workloadannotations.h"

using namespace Qt::StringLiterals;

namespace Amo::Workload {

namespace {
// The credential name template sees the MSI's fields plus where the credential is for.
GoText::Value credentialTemplateData(const Model::Msi &msi, const QString &ns, const QString &serviceAccount,
                                     const QString &cluster)
{
    return GoText::Value::fromStruct("main.CredentialTemplateData",
                                     {
                                         {"Id", GoText::Value::fromString(msi.id)},
                                         {"Name", GoText::Value::fromString(msi.name)},
                                         {"Location", GoText::Value::fromString(msi.location)},
                                         {"ResourceGroup", GoText::Value::fromString(msi.resourceGroup)},
                                         {"SubscriptionId", GoText::Value::fromString(msi.subscriptionId)},
                                         {"ClientId", GoText::Value::fromString(msi.clientId)},
                                         {"TenantId", GoText::Value::fromString(msi.tenantId)},
                                         {"PrincipalID", GoText::Value::fromString(msi.principalId)},
                                         {"Tags", GoText::Value::fromStringMap(msi.tags)},
                                         {"Type", GoText::Value::fromString(msi.type)},
                                         {"Namespace", GoText::Value::fromString(ns)},
                                         {"ServiceAccount", GoText::Value::fromString(serviceAccount)},
                                         {"Cluster", GoText::Value::fromString(cluster)},
                                     });
}
} // namespace

WorkloadMapper::WorkloadMapper(WorkloadOptions options)
    : m_options(std::move(options))
    , m_serviceAccountTemplate(GoText::Template::parse(u"workloadServiceAccount"_s, m_options.serviceAccountTemplate))
    , m_credentialTemplate(GoText::Template::parse(u"workloadCredentialName"_s, m_options.credentialNameTemplate))
{
    if (!m_serviceAccountTemplate.isValid())
        m_error = u"--workloadidentity.template.serviceaccount: "_s + m_serviceAccountTemplate.error();
    else if (!m_options.credentialNameTemplate.isEmpty() && !m_credentialTemplate.isValid())
        m_error = u"--workloadidentity.template.credentialname: "_s + m_credentialTemplate.error();
    else if (m_options.credentialCap < 1)
        m_error = u"the federated credential cap must be at least 1 (got %1)"_s.arg(m_options.credentialCap);
}

WorkloadMapping WorkloadMapper::map(const Mapping::MsiMapping &mapping) const
{
    WorkloadMapping result;
    if (!isValid() || mapping.identities.isEmpty())
        return result;
    const Model::Msi &msi = mapping.msi;

    const GoText::ExecResult run = m_serviceAccountTemplate.execute(Mapping::msiTemplateValue(msi));
    if (!run.ok) {
        result.skips << Model::Skip {Model::Skip::Kind::TemplateError, msi.id, QString(),
                                     tr("ServiceAccount name template failed: %1").arg(run.error)};
        return result;
    }
    const QString serviceAccount = run.output;
    const QStringList nameProblems = Kube::NameValidation::dns1123Subdomain(serviceAccount);
    if (!nameProblems.isEmpty()) {
        result.skips << Model::Skip {Model::Skip::Kind::InvalidName, msi.id, QString(),
                                     tr("ServiceAccount name template produced \"%1\", which is not a valid "
                                        "Kubernetes object name (%2)")
                                         .arg(serviceAccount, nameProblems.join(u"; "_s))};
        return result;
    }

    for (const Model::DesiredIdentity &identity : mapping.identities) {
        QString problem;
        const QString name = credentialName(msi, identity.namespaceName, serviceAccount, &problem);
        if (!problem.isEmpty()) {
            result.skips << Model::Skip {Model::Skip::Kind::InvalidName, msi.id, identity.namespaceName, problem};
            continue;
        }
        WorkloadPair pair;
        pair.msiId = msi.id;
        pair.clientId = msi.clientId;
        pair.tenantId = m_options.tenantAnnotation ? msi.tenantId : QString();
        pair.namespaceName = identity.namespaceName;
        pair.serviceAccount = serviceAccount;
        pair.labels = identity.labels; // the lookup labels, when --kubernetes.label.format sets them
        pair.labels.insert(WorkloadAnnotations::managedByKey(), WorkloadAnnotations::managedByValue());
        pair.credential.name = name;
        pair.credential.issuer = m_options.issuer;
        pair.credential.subject = FederatedCredential::subjectFor(identity.namespaceName, serviceAccount);
        pair.credential.audiences = {FederatedCredential::tokenExchangeAudience()};
        result.pairs << pair;
    }
    return result;
}

QString WorkloadMapper::credentialName(const Model::Msi &msi, const QString &ns, const QString &serviceAccount,
                                       QString *problem) const
{
    if (m_options.credentialNameTemplate.isEmpty())
        return CredentialName::build(m_options.clusterName, ns, serviceAccount);
    const GoText::ExecResult run
        = m_credentialTemplate.execute(credentialTemplateData(msi, ns, serviceAccount, m_options.clusterName));
    if (!run.ok) {
        *problem = tr("credential name template failed: %1").arg(run.error);
        return QString();
    }
    *problem = CredentialName::problem(run.output);
    return run.output;
}

} // namespace Amo::Workload
