// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace Amo::Sandbox {

class KubeResourceType;

/** One stored object version. Immutable once stored, so lists and watches share it without copying. */
class KubeObject
{
public:
    KubeObject(QJsonObject json, qint64 resourceVersion)
        : m_json(std::move(json))
        , m_resourceVersion(resourceVersion)
    {
    }

    const QJsonObject &json() const { return m_json; }
    qint64 resourceVersion() const { return m_resourceVersion; }
    QJsonObject metadata() const { return m_json.value(QLatin1StringView("metadata")).toObject(); }
    QJsonObject labels() const { return metadata().value(QLatin1StringView("labels")).toObject(); }
    /** Compact JSON, serialised once and then reused by every list page and watch stream. */
    const QByteArray &compactJson() const
    {
        if (m_compact.isEmpty())
            m_compact = QJsonDocument(m_json).toJson(QJsonDocument::Compact);
        return m_compact;
    }

private:
    QJsonObject m_json;
    qint64 m_resourceVersion = 0;
    mutable QByteArray m_compact;
};

using KubeObjectPtr = std::shared_ptr<const KubeObject>;

/** One change in the store's history, as watches replay it. */
struct KubeEvent
{
    QByteArray type; // ADDED, MODIFIED, DELETED
    qint64 resourceVersion = 0;
    const KubeResourceType *resourceType = nullptr;
    QString ns;
    KubeObjectPtr object;
    KubeObjectPtr previous; // the version before a MODIFIED, for selector transitions
    QDateTime time;
};

} // namespace Amo::Sandbox
