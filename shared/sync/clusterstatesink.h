// SPDX-License-Identifier: MIT
#pragma once

#include "shared/kube/cachesink.h"
#include "shared/model/clusterstate.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <variant>

namespace Amo::Sync {

/**
 * Feeds one kind of object (from a list or an Informer) straight into a shared ClusterState, so the
 * planner reads the cache without copying it, and reports every change. A re-list reports what it
 * reveals: objects that vanished while no watch was open count as deleted.
 */
class ClusterStateSink final : public Kube::CacheSink
{
public:
    enum class Kind { Namespace, Identity, Binding };
    struct Change
    {
        Kind kind;
        QString namespaceName; // the object's namespace; for a Namespace its own name
        QString name;
        bool deleted = false;
    };

    ClusterStateSink(Kind kind, Model::ClusterState *state);

    std::function<void(const Change &)> onChange;

    Kind kind() const { return m_kind; }
    bool isSynced() const { return m_synced; }

    /** Records an object the caller just wrote, before the watch reports it (same effect as an event). */
    void store(const QJsonObject &object);

    void beginReplace() override;
    void addPage(const QJsonArray &items) override;
    void commitReplace() override;
    void abortReplace() override;
    void apply(const Kube::WatchEvent &event) override;

private:
    struct Entry
    {
        QString namespaceName;
        QString name;
        QString resourceVersion;
    };
    /** One listed object, already read into its compact model type: a list keeps no JSON. */
    struct Listed
    {
        Entry entry;
        std::variant<Model::ObservedNamespace, Model::ObservedIdentity, Model::ObservedBinding> object;
    };
    Entry entryOf(const QJsonObject &object) const;
    Listed read(const QJsonObject &object) const;
    QList<Entry> currentEntries() const;
    void insert(const QJsonObject &object);
    void insert(const Listed &listed);
    void remove(const Entry &entry);
    void notify(const Entry &entry, bool deleted) const;

    Kind m_kind;
    Model::ClusterState *m_state;
    QList<Listed> m_pending;
    bool m_synced = false;
};

} // namespace Amo::Sync
