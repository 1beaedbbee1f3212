// SPDX-License-Identifier: MIT
#pragma once

#include "shared/model/desiredidentity.h"

#include <QJsonObject>
#include <QJsonValue>

#include <memory>

namespace Amo::Sync {

/**
 * The object a CreateIdentity posts. A plan keeps the compact DesiredIdentity it computed, whose
 * strings and maps it shares with the mapping, and builds the JSON only when the object is sent or
 * printed: 10,000 creates held as JSON would cost more than everything else a sync holds. A plan
 * read from its JSON form keeps the object as given.
 */
class ObjectToCreate
{
public:
    ObjectToCreate() = default;
    // Implicit, so that a plan read from JSON (and a test) can assign the object it carries.
    ObjectToCreate(const QJsonObject &json); // NOLINT(google-explicit-constructor)
    explicit ObjectToCreate(const Model::DesiredIdentity &identity);

    bool isEmpty() const { return !m_identity && m_json.isEmpty(); }
    /** The full object, as the API server receives it. */
    QJsonObject toJson() const;
    QJsonValue value(const QString &key) const { return toJson().value(key); }
    /** metadata.name, without building the JSON. */
    QString name() const;

    bool operator==(const ObjectToCreate &other) const { return toJson() == other.toJson(); }

private:
    std::shared_ptr<const Model::DesiredIdentity> m_identity; // shared by the copies of an action
    QJsonObject m_json;
};

} // namespace Amo::Sync
