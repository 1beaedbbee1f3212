// SPDX-License-Identifier: MIT
#pragma once

#include "cachesink.h"

#include <QHash>

#include <functional>

namespace Amo::Kube {

/**
 * The cached state of one resource kind, keyed "namespace/name", holding T (CachedNamespace,
 * CachedIdentity, CachedBinding: only the fields the product uses). Fed by an Informer; calls
 * added/modified/deleted for every change, including the differences a re-list reveals.
 */
template<typename T> class ObjectCache final : public CacheSink
{
public:
    std::function<void(const T &)> onAdded;
    std::function<void(const T &before, const T &after)> onModified;
    std::function<void(const T &)> onDeleted;

    bool isSynced() const { return m_synced; }
    qsizetype size() const { return m_items.size(); }
    const QHash<QString, T> &items() const { return m_items; }
    const T *find(const QString &ns, const QString &name) const
    {
        const auto it = m_items.constFind(ns.isEmpty() ? name : ns + u'/' + name);
        return it == m_items.constEnd() ? nullptr : &it.value();
    }

    void beginReplace() override { m_pending.clear(); }
    void addPage(const QJsonArray &items) override
    {
        for (const QJsonValue &item : items) {
            T value = T::fromJson(item.toObject());
            m_pending.insert(value.meta.key(), std::move(value));
        }
    }
    void abortReplace() override { m_pending.clear(); }
    void commitReplace() override
    {
        for (auto it = m_items.constBegin(); it != m_items.constEnd(); ++it) {
            if (!m_pending.contains(it.key()) && onDeleted)
                onDeleted(it.value());
        }
        for (auto it = m_pending.constBegin(); it != m_pending.constEnd(); ++it) {
            const auto old = m_items.constFind(it.key());
            if (old == m_items.constEnd()) {
                if (onAdded)
                    onAdded(it.value());
            } else if (old->meta.resourceVersion != it->meta.resourceVersion && onModified) {
                onModified(old.value(), it.value());
            }
        }
        m_items = std::exchange(m_pending, {});
        m_items.squeeze();
        m_synced = true;
    }
    void apply(const WatchEvent &event) override
    {
        T value = T::fromJson(event.object);
        const QString key = value.meta.key();
        const auto old = m_items.find(key);
        if (event.type == WatchEvent::Type::Deleted) {
            if (old == m_items.end())
                return;
            const T gone = std::move(old.value());
            m_items.erase(old);
            if (onDeleted)
                onDeleted(gone);
        } else if (old == m_items.end()) {
            const T &stored = m_items.insert(key, std::move(value)).value();
            if (onAdded)
                onAdded(stored);
        } else {
            T before = std::exchange(old.value(), std::move(value));
            if (onModified)
                onModified(before, old.value());
        }
    }

private:
    QHash<QString, T> m_items;
    QHash<QString, T> m_pending;
    bool m_synced = false;
};

} // namespace Amo::Kube
