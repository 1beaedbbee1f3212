// SPDX-License-Identifier: MIT
#include "shared/sync/namespaceguard.h"

#include "shared/model/armresourceid.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amo::Sync {

namespace {

struct Source
{
    QString subscription; // lower case
    QString resourceGroup; // lower case; empty: the whole subscription
};

// "<sub>", "<sub>/<rg>", or the same as an ARM ID prefix ("/subscriptions/<sub>/resourceGroups/<rg>").
std::optional<Source> parseSource(const QString &entry)
{
    static const QRegularExpression re(
        u"^(?:/subscriptions/)?([0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12})"
        "(?:/(?:resourcegroups/)?([-\\w._()]+))?/?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(entry);
    if (!m.hasMatch())
        return std::nullopt;
    return Source {m.captured(1).toLower(), m.captured(2).toLower()};
}

} // namespace

NamespaceGuard::NamespaceGuard(const QString &selector)
    : m_selectorText(selector.trimmed())
{
    if (m_selectorText.isEmpty())
        return;
    QString error;
    m_selector = Kube::LabelSelector::parse(m_selectorText, &error);
    if (!m_selector)
        m_error = u"--kubernetes.namespace.selector: "_s + error;
}

std::optional<NamespaceGuard::Refusal> NamespaceGuard::refusal(const Model::ObservedNamespace &ns,
                                                               const QString &msiId) const
{
    if (!isValid())
        return Refusal {u"NamespaceNotSelected"_s, m_error};
    if (m_selector && !m_selector->matches(ns.labels)) {
        return Refusal {
            u"NamespaceNotSelected"_s,
            tr("namespace \"%1\" does not match --kubernetes.namespace.selector \"%2\"").arg(ns.name, m_selectorText)};
    }
    return checkSources(ns, msiId);
}

std::optional<NamespaceGuard::Refusal> NamespaceGuard::checkSources(const Model::ObservedNamespace &ns,
                                                                    const QString &msiId) const
{
    if (!ns.allowedSources)
        return std::nullopt;
    const QString annotation = Model::ObservedNamespace::allowedSourcesAnnotation();
    Model::ArmResourceId id;
    QString error;
    if (!Model::ArmResourceId::parse(msiId, &id, &error))
        return Refusal {u"SourceNotAllowed"_s, tr("the MSI's ID cannot be read: %1").arg(error)};
    static const QRegularExpression separators(u"[,\\s]+"_s);
    const QStringList entries = ns.allowedSources->split(separators, Qt::SkipEmptyParts);
    bool allowed = false;
    for (const QString &entry : entries) {
        const std::optional<Source> source = parseSource(entry);
        if (!source) {
            return Refusal {u"SourceNotAllowed"_s,
                            tr("namespace \"%1\": annotation %2 has an entry \"%3\" that is neither "
                               "<subscription-id> nor <subscription-id>/<resource-group>; it admits no MSI until "
                               "that is fixed")
                                .arg(ns.name, annotation, entry)};
        }
        allowed = allowed
            || (source->subscription == id.subscriptionId.toLower()
                && (source->resourceGroup.isEmpty() || source->resourceGroup == id.resourceGroup.toLower()));
    }
    if (allowed)
        return std::nullopt;
    return Refusal {u"SourceNotAllowed"_s,
                    tr("namespace \"%1\" accepts only MSIs of \"%2\" (annotation %3); this one is in subscription "
                       "%4, resource group %5")
                        .arg(ns.name, entries.join(u", "_s), annotation, id.subscriptionId, id.resourceGroup)};
}

} // namespace Amo::Sync
