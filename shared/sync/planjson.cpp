// SPDX-License-Identifier: MIT
#include "shared/sync/planjson.h"

#include "shared/util/yamlwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amo::Sync {

namespace {
void insertIfSet(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

QJsonObject summaryOf(const Plan &plan)
{
    QJsonObject summary {
        {u"create"_s, plan.count(Action::Kind::CreateIdentity)},
        {u"update"_s, plan.count(Action::Kind::UpdateIdentity)},
        {u"repoint"_s, plan.count(Action::Kind::RepointBinding)},
        {u"wait"_s, plan.count(Action::Kind::WaitForNamespace)},
        {u"conflict"_s, plan.count(Action::Kind::Conflict)},
        {u"orphan"_s, plan.count(Action::Kind::Orphan)},
        {u"skip"_s, plan.count(Action::Kind::Skip)},
        {u"writes"_s, plan.writeCount()},
    };
    // Workload identity counts appear only in plans that have such actions: other plans keep their shape.
    const bool workload = std::any_of(plan.actions.cbegin(), plan.actions.cend(), [](const Action &a) {
        return a.resourceKind() == u"ServiceAccount" || a.resourceKind() == u"FederatedIdentityCredential";
    });
    if (workload) {
        summary.insert(u"createServiceAccount"_s, plan.count(Action::Kind::CreateServiceAccount));
        summary.insert(u"updateServiceAccount"_s, plan.count(Action::Kind::UpdateServiceAccount));
        summary.insert(u"createCredential"_s, plan.count(Action::Kind::CreateFederatedCredential));
        summary.insert(u"updateCredential"_s, plan.count(Action::Kind::UpdateFederatedCredential));
        summary.insert(u"blocked"_s, plan.count(Action::Kind::Blocked));
        summary.insert(u"azureWrites"_s,
                       plan.count(Action::Kind::CreateFederatedCredential)
                           + plan.count(Action::Kind::UpdateFederatedCredential));
    }
    return summary;
}

// A field's value crosses JSON as itself; absent stays absent (null).
QJsonValue orNull(const QJsonValue &value)
{
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}
} // namespace

QJsonObject PlanJson::actionToJson(const Action &action)
{
    QJsonObject json {{u"kind"_s, Action::kindName(action.kind)}};
    insertIfSet(json, u"resource"_s, action.resourceKind());
    insertIfSet(json, u"namespace"_s, action.namespaceName);
    insertIfSet(json, u"name"_s, action.name);
    insertIfSet(json, u"msiId"_s, action.msiId);
    insertIfSet(json, u"code"_s, action.code);
    insertIfSet(json, u"reason"_s, action.reason);
    insertIfSet(json, u"expires"_s, action.expires);
    insertIfSet(json, u"afterIdentity"_s, action.afterIdentity);
    QJsonArray fields;
    for (const FieldChange &change : action.changes) {
        fields.append(
            QJsonObject {{u"field"_s, change.field}, {u"from"_s, orNull(change.from)}, {u"to"_s, orNull(change.to)}});
    }
    if (action.kind == Action::Kind::RepointBinding) {
        fields.append(QJsonObject {
            {u"field"_s, u"spec.azureIdentity"_s}, {u"from"_s, action.fromIdentity}, {u"to"_s, action.toIdentity}});
    }
    if (!fields.isEmpty())
        json.insert(u"fields"_s, fields);
    if (!action.object.isEmpty())
        json.insert(u"object"_s, action.object.toJson());
    if (!action.patch.isEmpty())
        json.insert(u"patch"_s, action.patch);
    return json;
}

QJsonObject PlanJson::toJson(const Plan &plan)
{
    QJsonArray actions;
    for (const Action &action : plan.actions)
        actions.append(actionToJson(action));
    QJsonObject json {
        {u"formatVersion"_s, Plan::kFormatVersion},
        {u"summary"_s, summaryOf(plan)},
        {u"actions"_s, actions},
    };
    if (plan.generatedAt.isValid())
        json.insert(u"generatedAt"_s, plan.generatedAt.toUTC().toString(Qt::ISODate));
    return json;
}

QByteArray PlanJson::toBytes(const Plan &plan)
{
    return QJsonDocument(toJson(plan)).toJson(QJsonDocument::Indented);
}

QByteArray PlanJson::toYaml(const Plan &plan)
{
    return YamlWriter::document(toJson(plan)).toUtf8();
}

bool PlanJson::fromJson(const QJsonObject &json, Plan *plan, QString *error)
{
    const int version = json.value(u"formatVersion"_s).toInt(-1);
    if (version != Plan::kFormatVersion) {
        *error = tr("unsupported plan format version %1 (expected %2)").arg(version).arg(Plan::kFormatVersion);
        return false;
    }
    Plan result;
    const QString generatedAt = json.value(u"generatedAt"_s).toString();
    if (!generatedAt.isEmpty()) {
        result.generatedAt = QDateTime::fromString(generatedAt, Qt::ISODate).toUTC();
        if (!result.generatedAt.isValid()) {
            *error = tr("generatedAt \"%1\" is not an ISO 8601 time").arg(generatedAt);
            return false;
        }
    }
    const QJsonArray actions = json.value(u"actions"_s).toArray();
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QJsonObject item = actions.at(i).toObject();
        const auto kind = Action::kindFromName(item.value(u"kind"_s).toString());
        if (!kind) {
            *error = tr("action %1 has an unknown kind \"%2\"").arg(i).arg(item.value(u"kind"_s).toString());
            return false;
        }
        Action action;
        action.kind = *kind;
        action.namespaceName = item.value(u"namespace"_s).toString();
        action.name = item.value(u"name"_s).toString();
        action.msiId = item.value(u"msiId"_s).toString();
        action.code = item.value(u"code"_s).toString();
        action.reason = item.value(u"reason"_s).toString();
        action.expires = item.value(u"expires"_s).toString();
        action.afterIdentity = item.value(u"afterIdentity"_s).toString();
        const QString resource = item.value(u"resource"_s).toString();
        action.aboutBinding = !action.isWrite() && resource == u"AzureIdentityBinding"_s;
        if ((action.kind == Action::Kind::Conflict || action.kind == Action::Kind::Orphan)
            && (resource == u"ServiceAccount"_s || resource == u"FederatedIdentityCredential"_s))
            action.resource = resource;
        action.object = item.value(u"object"_s).toObject();
        action.patch = item.value(u"patch"_s).toObject();
        const QJsonArray fields = item.value(u"fields"_s).toArray();
        for (const QJsonValue &value : fields) {
            const QJsonObject field = value.toObject();
            const FieldChange change {field.value(u"field"_s).toString(), field.value(u"from"_s), field.value(u"to"_s)};
            if (action.kind == Action::Kind::RepointBinding && change.field == u"spec.azureIdentity"_s) {
                action.fromIdentity = change.from.toString();
                action.toIdentity = change.to.toString();
            } else {
                action.changes << change;
            }
        }
        if (action.isWrite() && action.object.isEmpty() && action.patch.isEmpty()) {
            *error = tr("action %1 (%2) carries neither an object nor a patch").arg(i).arg(Action::kindName(*kind));
            return false;
        }
        result.actions << action;
    }
    *plan = result;
    return true;
}

bool PlanJson::fromBytes(const QByteArray &bytes, Plan *plan, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = tr("not a JSON plan: %1").arg(parseError.errorString());
        return false;
    }
    return fromJson(document.object(), plan, error);
}

} // namespace Amo::Sync
