// SPDX-License-Identifier: MIT
#include "shared/sync/clusterstatesink.h"

#include "shared/kube/watchstreamparser.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Amo::Sync {

ClusterStateSink::ClusterStateSink(Kind kind, Model::ClusterState *state)
    : m_kind(kind)
    , m_state(state)
{
}

ClusterStateSink::Entry ClusterStateSink::entryOf(const QJsonObject &object) const
{
    const QJsonObject meta = object.value(u"metadata"_s).toObject();
    const QString name = meta.value(u"name"_s).toString();
    return {m_kind == Kind::Namespace ? name : meta.value(u"namespace"_s).toString(), name,
            meta.value(u"resourceVersion"_s).toString()};
}

QList<ClusterStateSink::Entry> ClusterStateSink::currentEntries() const
{
    QList<Entry> entries;
    switch (m_kind) {
    case Kind::Namespace:
        for (const Model::ObservedNamespace &ns : m_state->namespaces())
            entries.append({ns.name, ns.name, ns.resourceVersion});
        break;
    case Kind::Identity:
        for (const Model::ObservedIdentity &identity : m_state->identities())
            entries.append({identity.namespaceName, identity.name, identity.resourceVersion});
        break;
    case Kind::Binding:
        for (const Model::ObservedBinding &binding : m_state->bindings())
            entries.append({binding.namespaceName, binding.name, binding.resourceVersion});
        break;
    }
    return entries;
}

ClusterStateSink::Listed ClusterStateSink::read(const QJsonObject &object) const
{
    const Entry entry = entryOf(object);
    switch (m_kind) {
    case Kind::Namespace:
        return {entry, Model::ObservedNamespace::fromJson(object)};
    case Kind::Identity:
        return {entry, Model::ObservedIdentity::fromJson(object)};
    case Kind::Binding:
        break;
    }
    return {entry, Model::ObservedBinding::fromJson(object)};
}

void ClusterStateSink::insert(const Listed &listed)
{
    std::visit([this](const auto &object) { m_state->insert(object); }, listed.object);
}

void ClusterStateSink::insert(const QJsonObject &object)
{
    switch (m_kind) {
    case Kind::Namespace:
        m_state->insert(Model::ObservedNamespace::fromJson(object));
        break;
    case Kind::Identity:
        m_state->insert(Model::ObservedIdentity::fromJson(object));
        break;
    case Kind::Binding:
        m_state->insert(Model::ObservedBinding::fromJson(object));
        break;
    }
}

void ClusterStateSink::remove(const Entry &entry)
{
    switch (m_kind) {
    case Kind::Namespace:
        m_state->removeNamespace(entry.name);
        break;
    case Kind::Identity:
        m_state->removeIdentity(entry.namespaceName, entry.name);
        break;
    case Kind::Binding:
        m_state->removeBinding(entry.namespaceName, entry.name);
        break;
    }
}

void ClusterStateSink::notify(const Entry &entry, bool deleted) const
{
    if (onChange)
        onChange({m_kind, entry.namespaceName, entry.name, deleted});
}

void ClusterStateSink::store(const QJsonObject &object)
{
    Kube::WatchEvent event;
    event.type = Kube::WatchEvent::Type::Modified;
    event.object = object;
    apply(event);
}

void ClusterStateSink::beginReplace()
{
    m_pending = {}; // frees the list, not only its items
}

void ClusterStateSink::addPage(const QJsonArray &items)
{
    m_pending.reserve(m_pending.size() + items.size());
    for (const QJsonValue &item : items)
        m_pending.append(read(item.toObject()));
}

void ClusterStateSink::abortReplace()
{
    m_pending = {}; // frees the list, not only its items
}

void ClusterStateSink::commitReplace()
{
    QHash<QString, Entry> before; // "namespace/name" -> what the state held
    for (const Entry &entry : currentEntries())
        before.insert(entry.namespaceName + u'/' + entry.name, entry);
    QList<Entry> changed;
    for (const Listed &listed : std::as_const(m_pending)) {
        const Entry &entry = listed.entry;
        const auto old = before.constFind(entry.namespaceName + u'/' + entry.name);
        if (old == before.cend()) {
            changed.append(entry);
        } else {
            if (old->resourceVersion != entry.resourceVersion)
                changed.append(entry);
            before.erase(old); // listed again: not gone
        }
        insert(listed);
    }
    // What is left was not listed any more.
    const QList<Entry> gone = before.values();
    for (const Entry &entry : gone)
        remove(entry);
    m_pending = {}; // frees the list, not only its items
    m_synced = true;
    for (const Entry &entry : gone)
        notify(entry, true);
    for (const Entry &entry : std::as_const(changed))
        notify(entry, false);
}

void ClusterStateSink::apply(const Kube::WatchEvent &event)
{
    const Entry entry = entryOf(event.object);
    if (event.type == Kube::WatchEvent::Type::Deleted) {
        remove(entry);
        notify(entry, true);
        return;
    }
    if (event.type != Kube::WatchEvent::Type::Added && event.type != Kube::WatchEvent::Type::Modified)
        return;
    insert(event.object);
    notify(entry, false);
}

} // namespace Amo::Sync
