// SPDX-License-Identifier: MIT
#include "cachedmeta.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

namespace {

/**
 * Namespaces and label keys repeat across thousands of objects; sharing one implicitly shared
 * copy of each saves a large part of a cache's memory. Only low-cardinality strings go here,
 * so the pool stays small; thread_local because caches may live on different threads.
 */
QString intern(const QString &value)
{
    thread_local QSet<QString> pool;
    const auto it = pool.constFind(value);
    if (it != pool.constEnd())
        return *it;
    if (pool.size() < 100000)
        pool.insert(value);
    return value;
}

} // namespace

StringMap CachedMeta::stringMap(const QJsonObject &map)
{
    StringMap out;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const QString value = it.value().toString();
        // Values such as "azure-msi-operator" repeat too; long ones are usually unique.
        out.insert(intern(it.key()), value.size() <= 40 ? intern(value) : value);
    }
    return out;
}

CachedMeta CachedMeta::fromJson(const QJsonObject &object)
{
    const QJsonObject m = object.value(u"metadata"_s).toObject();
    return CachedMeta {m.value(u"name"_s).toString(), m.value(u"namespace"_s).toString(), m.value(u"uid"_s).toString(),
                       m.value(u"resourceVersion"_s).toString(), stringMap(m.value(u"labels"_s).toObject())};
}

} // namespace Amo::Kube
