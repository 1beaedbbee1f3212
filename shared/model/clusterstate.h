// SPDX-License-Identifier: MIT
#pragma once

#include "shared/model/observedbinding.h"
#include "shared/model/observedidentity.h"
#include "shared/model/observednamespace.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Amo::Model {

/**
 * A snapshot of the cluster objects the planner compares against: namespaces, AzureIdentities and
 * AzureIdentityBindings. Filled from informer caches or from plain lists; ordered maps keep every
 * iteration (and so every plan) deterministic. Inserting an object with the same key replaces it.
 */
class ClusterState
{
public:
    void insert(const ObservedNamespace &ns) { m_namespaces.insert(ns.name, ns); }
    void insert(const ObservedIdentity &identity)
    {
        m_identities[identity.namespaceName].insert(identity.name, identity);
    }
    void insert(const ObservedBinding &binding) { m_bindings[binding.namespaceName].insert(binding.name, binding); }
    void removeNamespace(const QString &name) { m_namespaces.remove(name); }
    void removeIdentity(const QString &namespaceName, const QString &name);
    void removeBinding(const QString &namespaceName, const QString &name);

    /** Null when the namespace does not exist. */
    const ObservedNamespace *findNamespace(const QString &name) const;
    /** True when the namespace exists and is Active (not Terminating). */
    bool isNamespaceReady(const QString &name) const;

    const ObservedIdentity *findIdentity(const QString &namespaceName, const QString &name) const;
    /** All AzureIdentities, ordered by namespace, then name. */
    QList<ObservedIdentity> identities() const;

    /** All AzureIdentityBindings, ordered by namespace, then name. */
    QList<ObservedBinding> bindings() const;
    /** The bindings in one namespace, ordered by name. */
    QList<ObservedBinding> bindingsIn(const QString &namespaceName) const;
    const ObservedBinding *findBinding(const QString &namespaceName, const QString &name) const;

    const QMap<QString, ObservedNamespace> &namespaces() const { return m_namespaces; }
    /** Every namespace that holds an object or exists, sorted. */
    QStringList namespaceNames() const;
    /** Only what one namespace holds (the namespace, its identities and bindings): a re-plan of one key. */
    ClusterState slice(const QString &namespaceName) const;

private:
    QMap<QString, ObservedNamespace> m_namespaces; // by name
    QMap<QString, QMap<QString, ObservedIdentity>> m_identities; // namespace -> name -> object
    QMap<QString, QMap<QString, ObservedBinding>> m_bindings; // namespace -> name -> object
};

} // namespace Amo::Model
