// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Amo::Model {

/**
 * One shared copy of each string the model holds many times: subscription IDs, resource groups,
 * namespaces, label and annotation keys and values, and the names, resource IDs and client IDs that
 * an MSI, its desired AzureIdentity and the observed one all carry. QString is implicitly shared, so
 * a pooled string costs one allocation however many objects hold it. Strings no object holds any more
 * are dropped as the pool grows, so it never keeps more than the live objects use. Per thread,
 * because the simulator and an engine may run on different threads.
 */
class StringPool
{
public:
    static QString intern(const QString &value);
    /**
     * One shared copy of each distinct map: the labels of a desired AzureIdentity and of the observed
     * one are equal, and tags and annotations repeat across many objects. Keys and values are pooled too.
     */
    static QMap<QString, QString> internMap(const QMap<QString, QString> &map);
    /** Pooled keys and values; what label and annotation maps hold. */
    static QMap<QString, QString> stringMap(const QJsonObject &object);
    /** Strings and maps currently pooled on this thread (for tests). */
    static qsizetype size();
    static qsizetype mapCount();
};

} // namespace Amo::Model
