// SPDX-License-Identifier: MIT
#pragma once

#include "shared/kube/labelselector.h"
#include "shared/model/observednamespace.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Amo::Sync {

/**
 * Who may place an identity where, beyond the ignore list. Both guards are opt-in, so the default
 * behaves exactly like the original:
 * - `--kubernetes.namespace.selector`: a label selector the target namespace must match, so that
 *   creating a namespace a tag names is not enough to receive that MSI;
 * - the namespace's `msi.azure.k8s.io/allowed-sources` annotation: when present, only MSIs of the
 *   subscriptions (`<subscription-id>`) or resource groups (`<subscription-id>/<resource-group>`)
 *   it lists are accepted there. An entry that cannot be read admits nothing: fail closed.
 */
class NamespaceGuard
{
    Q_DECLARE_TR_FUNCTIONS(NamespaceGuard)
public:
    struct Refusal
    {
        QString code; // "NamespaceNotSelected" or "SourceNotAllowed"
        QString reason;
    };

    /** @p selector is the text of --kubernetes.namespace.selector; empty admits every namespace. */
    explicit NamespaceGuard(const QString &selector = {});

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    /** Why @p ns may not hold an identity of the MSI @p msiId (its ARM ID); nullopt when it may. */
    std::optional<Refusal> refusal(const Model::ObservedNamespace &ns, const QString &msiId) const;

private:
    std::optional<Refusal> checkSources(const Model::ObservedNamespace &ns, const QString &msiId) const;

    QString m_selectorText;
    std::optional<Kube::LabelSelector> m_selector;
    QString m_error;
};

} // namespace Amo::Sync
