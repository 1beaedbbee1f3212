// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Amo::Kube {

using StringMap = QMap<QString, QString>;

/** The object metadata a cache keeps: identity, version and labels (annotations only where asked). */
struct CachedMeta
{
    QString name;
    QString namespaceName;
    QString uid;
    QString resourceVersion;
    StringMap labels;

    static CachedMeta fromJson(const QJsonObject &object);
    static StringMap stringMap(const QJsonObject &map);
    /** "namespace/name", or "name" for cluster-scoped objects: the cache key. */
    QString key() const { return namespaceName.isEmpty() ? name : namespaceName + u'/' + name; }
    bool operator==(const CachedMeta &other) const = default;
};

} // namespace Amo::Kube
