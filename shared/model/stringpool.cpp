// SPDX-License-Identifier: MIT
#include "shared/model/stringpool.h"

#include <QSet>

#include <unordered_set>

namespace Amo::Model {

namespace {

struct Pool
{
    QSet<QString> strings;
    qsizetype pruneAt = 4096;

    void prune()
    {
        // An entry whose data only the pool references is held by no object: drop it. Pruning when
        // the pool has doubled keeps the cost per interned string constant.
        for (auto it = strings.begin(); it != strings.end();) {
            if (it->isDetached())
                it = strings.erase(it);
            else
                ++it;
        }
        strings.squeeze();
        pruneAt = std::max<qsizetype>(4096, strings.size() * 2);
    }
};

Pool &pool()
{
    thread_local Pool p;
    return p;
}

using StringMap = QMap<QString, QString>;

struct MapHash
{
    std::size_t operator()(const StringMap &map) const noexcept
    {
        std::size_t h = std::size_t(map.size());
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            h = h * 31 + qHash(it.key()) * 7 + qHash(it.value());
        return h;
    }
};

struct MapPool
{
    std::unordered_set<StringMap, MapHash> maps;
    std::size_t pruneAt = 4096;

    void prune()
    {
        for (auto it = maps.begin(); it != maps.end();) {
            if (it->isDetached())
                it = maps.erase(it);
            else
                ++it;
        }
        pruneAt = std::max<std::size_t>(4096, maps.size() * 2);
    }
};

MapPool &mapPool()
{
    thread_local MapPool p;
    return p;
}

} // namespace

QString StringPool::intern(const QString &value)
{
    if (value.isEmpty())
        return {};
    Pool &p = pool();
    const auto it = p.strings.constFind(value);
    if (it != p.strings.constEnd())
        return *it;
    if (p.strings.size() >= p.pruneAt)
        p.prune();
    p.strings.insert(value);
    return value;
}

QMap<QString, QString> StringPool::internMap(const QMap<QString, QString> &map)
{
    if (map.isEmpty())
        return {};
    MapPool &p = mapPool();
    const auto it = p.maps.find(map);
    if (it != p.maps.end())
        return *it;
    if (p.maps.size() >= p.pruneAt)
        p.prune();
    StringMap pooled;
    for (auto entry = map.cbegin(); entry != map.cend(); ++entry)
        pooled.insert(intern(entry.key()), intern(entry.value()));
    p.maps.insert(pooled);
    return pooled;
}

QMap<QString, QString> StringPool::stringMap(const QJsonObject &object)
{
    QMap<QString, QString> map;
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return internMap(map);
}

qsizetype StringPool::size()
{
    return pool().strings.size();
}

qsizetype StringPool::mapCount()
{
    return qsizetype(mapPool().maps.size());
}

} // namespace Amo::Model
