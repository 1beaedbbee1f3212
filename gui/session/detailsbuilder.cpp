// SPDX-License-Identifier: MIT
#include "gui/session/detailsbuilder.h"

#include "shared/util/mergepatch.h"
#include "shared/util/yamlwriter.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

using Sync::Action;

namespace {

QJsonObject toJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

const Action *findAction(const DashboardData &data, const QString &ns, const QString &name, const QString &kind)
{
    for (const Action &action : data.plan.actions) {
        if (action.namespaceName == ns && action.name == name && action.resourceKind() == kind)
            return &action;
    }
    return nullptr;
}

QString yaml(const QJsonObject &object)
{
    return object.isEmpty() ? QString() : YamlWriter::document(object);
}

QString joinDocuments(const QStringList &documents)
{
    QStringList present = documents;
    present.removeAll(QString());
    return present.join(u"---\n"_s);
}

} // namespace

QJsonObject DetailsBuilder::liveIdentity(const Model::ObservedIdentity &identity)
{
    QJsonObject metadata {{u"name"_s, identity.name},
                          {u"namespace"_s, identity.namespaceName},
                          {u"resourceVersion"_s, identity.resourceVersion}};
    if (!identity.labels.isEmpty())
        metadata.insert(u"labels"_s, toJson(identity.labels));
    if (!identity.annotations.isEmpty())
        metadata.insert(u"annotations"_s, toJson(identity.annotations));
    QJsonObject spec {{u"resourceID"_s, identity.resourceId}, {u"clientID"_s, identity.clientId}};
    if (identity.type)
        spec.insert(u"type"_s, *identity.type);
    return {{u"apiVersion"_s, u"aadpodidentity.k8s.io/v1"_s},
            {u"kind"_s, u"AzureIdentity"_s},
            {u"metadata"_s, metadata},
            {u"spec"_s, spec}};
}

QJsonObject DetailsBuilder::liveBinding(const Model::ObservedBinding &binding)
{
    QJsonObject metadata {{u"name"_s, binding.name},
                          {u"namespace"_s, binding.namespaceName},
                          {u"resourceVersion"_s, binding.resourceVersion}};
    if (!binding.labels.isEmpty())
        metadata.insert(u"labels"_s, toJson(binding.labels));
    return {{u"apiVersion"_s, u"aadpodidentity.k8s.io/v1"_s},
            {u"kind"_s, u"AzureIdentityBinding"_s},
            {u"metadata"_s, metadata},
            {u"spec"_s, QJsonObject {{u"azureIdentity"_s, binding.azureIdentity}, {u"selector"_s, binding.selector}}}};
}

std::pair<QString, QString> DetailsBuilder::identityYaml(const DashboardData &data, const QString &ns,
                                                         const QString &name, const QJsonObject &fallback)
{
    const Model::ObservedIdentity *observed = data.snapshot.cluster.findIdentity(ns, name);
    const QJsonObject live = observed ? liveIdentity(*observed) : QJsonObject();
    QJsonObject desired = live.isEmpty() ? fallback : live;
    if (const Action *action = findAction(data, ns, name, u"AzureIdentity"_s)) {
        if (action->kind == Action::Kind::CreateIdentity)
            desired = action->object;
        else if (action->kind == Action::Kind::UpdateIdentity)
            desired = MergePatch::apply(live, action->patch);
        else if (action->kind == Action::Kind::Orphan)
            desired = {};
    }
    return {yaml(desired), yaml(live)};
}

DetailsContent DetailsBuilder::forMsi(const DashboardData &data, int mapping)
{
    DetailsContent content;
    if (mapping < 0 || mapping >= data.mappings.size())
        return content;
    const Mapping::MsiMapping &m = data.mappings.at(mapping);
    content.title = m.msi.name;
    QStringList desired, live;
    for (const Model::DesiredIdentity &d : m.identities) {
        const auto [want, have] = identityYaml(data, d.namespaceName, d.name, d.toJson());
        desired << want;
        live << have;
    }
    content.desiredYaml = joinDocuments(desired);
    content.liveYaml = joinDocuments(live);
    QStringList lines;
    lines << tr("Namespace template output: %1").arg(m.namespaceOutput);
    if (!m.namespaceError.isEmpty())
        lines << tr("Namespace template error: %1").arg(m.namespaceError);
    lines << tr("Name template output: %1").arg(m.nameOutput);
    if (!m.nameError.isEmpty())
        lines << tr("Name template error: %1").arg(m.nameError);
    for (const Model::Skip &skip : m.skips)
        lines << tr("Skipped: %1").arg(skip.reason);
    for (const QString &warning : m.warnings)
        lines << tr("Warning: %1").arg(warning);
    content.templateOutputs = lines.join(u'\n');
    return content;
}

DetailsContent DetailsBuilder::forIdentity(const DashboardData &data, const QString &ns, const QString &name)
{
    DetailsContent content;
    content.title = QString(ns + u'/' + name);
    std::tie(content.desiredYaml, content.liveYaml) = identityYaml(data, ns, name, {});
    return content;
}

DetailsContent DetailsBuilder::forBinding(const DashboardData &data, const QString &ns, const QString &name)
{
    DetailsContent content;
    content.title = QString(ns + u'/' + name);
    const Model::ObservedBinding *binding = data.snapshot.cluster.findBinding(ns, name);
    if (!binding)
        return content;
    const QJsonObject live = liveBinding(*binding);
    const Action *repoint = findAction(data, ns, name, u"AzureIdentityBinding"_s);
    content.liveYaml = yaml(live);
    content.desiredYaml = yaml(repoint ? MergePatch::apply(live, repoint->patch) : live);
    return content;
}

DetailsContent DetailsBuilder::forNamespace(const DashboardData &data, const QString &name)
{
    DetailsContent content;
    content.title = name;
    QStringList desired, live;
    for (const Mapping::MsiMapping &m : data.mappings) {
        for (const Model::DesiredIdentity &d : m.identities) {
            if (d.namespaceName != name)
                continue;
            const auto [want, have] = identityYaml(data, d.namespaceName, d.name, d.toJson());
            desired << want;
            live << have;
        }
    }
    content.desiredYaml = joinDocuments(desired);
    content.liveYaml = joinDocuments(live);
    return content;
}

} // namespace Amo::Gui
