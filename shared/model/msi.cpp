// SPDX-License-Identifier: MIT
#include "shared/model/msi.h"

#include "shared/model/armresourceid.h"
#include "shared/model/stringpool.h"

using namespace Qt::StringLiterals;

namespace Amo::Model {

namespace {
bool readString(const QJsonObject &object, const QString &key, QString *out, QString *error, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required) {
            *error = u"missing \"%1\""_s.arg(key);
            return false;
        }
        out->clear();
        return true;
    }
    if (!value.isString()) {
        *error = u"\"%1\" must be a string"_s.arg(key);
        return false;
    }
    *out = value.toString();
    return true;
}
} // namespace

bool Msi::fromArmJson(const QJsonObject &item, Msi *out, QString *error)
{
    Msi msi;
    if (!readString(item, u"id"_s, &msi.id, error, true))
        return false;
    ArmResourceId rid;
    if (!ArmResourceId::parse(msi.id, &rid, error))
        return false;
    if (!rid.isUserAssignedIdentity()) {
        *error = u"\"%1\" is not a Microsoft.ManagedIdentity/userAssignedIdentities resource"_s.arg(msi.id);
        return false;
    }
    if (!readString(item, u"name"_s, &msi.name, error, false)
        || !readString(item, u"location"_s, &msi.location, error, false)
        || !readString(item, u"type"_s, &msi.type, error, false))
        return false;
    if (msi.name.isEmpty())
        msi.name = rid.name;
    // Repeated across MSIs, shared with the desired and observed objects, or with the previous listing
    // while a new one is read: one copy each.
    msi.id = StringPool::intern(msi.id);
    msi.name = StringPool::intern(msi.name);
    msi.location = StringPool::intern(msi.location);
    msi.type = StringPool::intern(msi.type);
    msi.resourceGroup = StringPool::intern(rid.resourceGroup);
    msi.subscriptionId = StringPool::intern(rid.subscriptionId);

    const QJsonValue properties = item.value(u"properties"_s);
    if (!properties.isUndefined() && !properties.isObject()) {
        *error = u"\"properties\" must be an object"_s;
        return false;
    }
    const QJsonObject props = properties.toObject();
    if (!readString(props, u"clientId"_s, &msi.clientId, error, false)
        || !readString(props, u"tenantId"_s, &msi.tenantId, error, false)
        || !readString(props, u"principalId"_s, &msi.principalId, error, false)) {
        *error = u"properties: "_s + *error;
        return false;
    }
    msi.clientId = StringPool::intern(msi.clientId);
    msi.tenantId = StringPool::intern(msi.tenantId);
    msi.principalId = StringPool::intern(msi.principalId);

    const QJsonValue tags = item.value(u"tags"_s);
    if (!tags.isUndefined() && !tags.isNull() && !tags.isObject()) {
        *error = u"\"tags\" must be an object"_s;
        return false;
    }
    const QJsonObject tagObject = tags.toObject();
    for (auto it = tagObject.begin(); it != tagObject.end(); ++it) {
        if (!it.value().isString()) {
            *error = u"tag \"%1\" must be a string"_s.arg(it.key());
            return false;
        }
        msi.tags.insert(it.key(), it.value().toString());
    }
    msi.tags = StringPool::internMap(msi.tags);
    *out = std::move(msi);
    return true;
}

QJsonObject Msi::toArmJson() const
{
    QJsonObject tagObject;
    for (auto it = tags.begin(); it != tags.end(); ++it)
        tagObject.insert(it.key(), it.value());
    return QJsonObject {
        {u"id"_s, id},
        {u"name"_s, name},
        {u"location"_s, location},
        {u"type"_s, type},
        {u"tags"_s, tagObject},
        {u"properties"_s,
         QJsonObject {{u"clientId"_s, clientId}, {u"tenantId"_s, tenantId}, {u"principalId"_s, principalId}}},
    };
}

} // namespace Amo::Model
