// SPDX-License-Identifier: MIT
#include "shared/sync/objecttocreate.h"

using namespace Qt::StringLiterals;

namespace Amo::Sync {

ObjectToCreate::ObjectToCreate(const QJsonObject &json)
    : m_json(json)
{
}

ObjectToCreate::ObjectToCreate(const Model::DesiredIdentity &identity)
    : m_identity(std::make_shared<const Model::DesiredIdentity>(identity))
{
}

QJsonObject ObjectToCreate::toJson() const
{
    return m_identity ? m_identity->toJson() : m_json;
}

QString ObjectToCreate::name() const
{
    return m_identity ? m_identity->name : m_json.value(u"metadata"_s).toObject().value(u"name"_s).toString();
}

} // namespace Amo::Sync
