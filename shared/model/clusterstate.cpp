// SPDX-License-Identifier: MIT
#include "shared/model/clusterstate.h"

namespace Amo::Model {

void ClusterState::removeIdentity(const QString &namespaceName, const QString &name)
{
    auto ns = m_identities.find(namespaceName);
    if (ns != m_identities.end() && ns->remove(name) && ns->isEmpty())
        m_identities.erase(ns);
}

void ClusterState::removeBinding(const QString &namespaceName, const QString &name)
{
    auto ns = m_bindings.find(namespaceName);
    if (ns != m_bindings.end() && ns->remove(name) && ns->isEmpty())
        m_bindings.erase(ns);
}

const ObservedNamespace *ClusterState::findNamespace(const QString &name) const
{
    const auto it = m_namespaces.constFind(name);
    return it == m_namespaces.cend() ? nullptr : &it.value();
}

bool ClusterState::isNamespaceReady(const QString &name) const
{
    const ObservedNamespace *ns = findNamespace(name);
    return ns && ns->isActive();
}

const ObservedIdentity *ClusterState::findIdentity(const QString &namespaceName, const QString &name) const
{
    const auto ns = m_identities.constFind(namespaceName);
    if (ns == m_identities.cend())
        return nullptr;
    const auto it = ns->constFind(name);
    return it == ns->cend() ? nullptr : &it.value();
}

QList<ObservedIdentity> ClusterState::identities() const
{
    QList<ObservedIdentity> all;
    for (const auto &byName : m_identities)
        all << byName.values();
    return all;
}

QList<ObservedBinding> ClusterState::bindings() const
{
    QList<ObservedBinding> all;
    for (const auto &byName : m_bindings)
        all << byName.values();
    return all;
}

QList<ObservedBinding> ClusterState::bindingsIn(const QString &namespaceName) const
{
    return m_bindings.value(namespaceName).values();
}

const ObservedBinding *ClusterState::findBinding(const QString &namespaceName, const QString &name) const
{
    const auto ns = m_bindings.constFind(namespaceName);
    if (ns == m_bindings.cend())
        return nullptr;
    const auto it = ns->constFind(name);
    return it == ns->cend() ? nullptr : &it.value();
}

QStringList ClusterState::namespaceNames() const
{
    QStringList names = m_namespaces.keys();
    names << m_identities.keys() << m_bindings.keys();
    names.sort();
    names.removeDuplicates();
    return names;
}

ClusterState ClusterState::slice(const QString &namespaceName) const
{
    ClusterState part;
    if (const auto ns = m_namespaces.constFind(namespaceName); ns != m_namespaces.cend())
        part.m_namespaces.insert(ns.key(), ns.value());
    if (const auto ids = m_identities.constFind(namespaceName); ids != m_identities.cend())
        part.m_identities.insert(ids.key(), ids.value());
    if (const auto bindings = m_bindings.constFind(namespaceName); bindings != m_bindings.cend())
        part.m_bindings.insert(bindings.key(), bindings.value());
    return part;
}

} // namespace Amo::Model
