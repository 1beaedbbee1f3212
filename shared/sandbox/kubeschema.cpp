// SPDX-License-Identifier: MIT
#include "kubeschema.h"

#include "kubediscovery.h"
#include "kuberesourcetype.h"
#include "kubevalidation.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

const QJsonObject &builtins()
{
    static const QJsonObject schemas = [] {
        QFile file(u":/sandbox/kube/builtin-schemas.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the embedded built-in schema resource is missing");
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return schemas;
}

QJsonObject resolve(const QJsonObject &schema)
{
    const QString ref = schema.value(u"$ref"_s).toString();
    return ref.isEmpty() ? schema : builtins().value(ref).toObject();
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Double:
        return v.toDouble() == double(v.toInteger()) ? u"integer"_s : u"number"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    default:
        return u"null"_s;
    }
}

// encoding/json's names for what it found and what the Go field is.
QString goFoundName(const QJsonValue &v)
{
    return v.isDouble() ? u"number"_s : v.isBool() ? u"bool"_s : jsonTypeName(v);
}

QString goTypeName(const QJsonObject &schema)
{
    const QString type = schema.value(u"type"_s).toString();
    if (type == u"integer")
        return schema.value(u"format"_s).toString() == u"int32" ? u"int32"_s : u"int64"_s;
    if (type == u"boolean")
        return u"bool"_s;
    if (type == u"array")
        return u"[]"_s + goTypeName(schema.value(u"items"_s).toObject());
    if (type == u"object")
        return schema.contains(u"additionalProperties"_s) ? u"map[string]string"_s
                                                          : schema.value(u"x-go"_s).toString(u"struct"_s);
    return type;
}

bool typeMatches(const QString &type, const QJsonValue &v)
{
    const QString found = jsonTypeName(v);
    return type.isEmpty() || found == type || (type == u"number" && found == u"integer");
}

// metav1.MicroTime's layout, RFC3339Micro: exactly six fractional digits.
QString microTimeError(const QString &value)
{
    static const QRegularExpression exact(
        u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}(Z|[+-]\\d\\d:\\d\\d)$"_s);
    static const QRegularExpression seconds(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"_s);
    if (exact.match(value).hasMatch())
        return {};
    const QString layout = u"2006-01-02T15:04:05.000000Z07:00"_s;
    const auto m = seconds.match(value);
    const QString rest = m.hasMatch() ? value.mid(m.capturedLength()) : value;
    const QString want = m.hasMatch() ? u".000000"_s : u"2006"_s;
    return u"parsing time \"%1\" as \"%2\": cannot parse \"%3\" as \"%4\""_s.arg(value, layout, rest, want);
}

} // namespace

QJsonObject KubeSchema::forType(const KubeResourceType &type)
{
    static QHash<QString, QJsonObject> cache;
    if (const auto it = cache.constFind(type.key()); it != cache.constEnd())
        return *it;
    QJsonObject root;
    QJsonObject properties;
    if (type.customResource) {
        for (const QJsonValue &v : KubeDiscovery::customResourceDefinitions()) {
            const QJsonObject spec = v.toObject().value(u"spec"_s).toObject();
            if (spec.value(u"group"_s).toString() != type.group
                || spec.value(u"names"_s).toObject().value(u"plural"_s).toString() != type.resource)
                continue;
            for (const QJsonValue &version : spec.value(u"versions"_s).toArray()) {
                if (version.toObject().value(u"name"_s).toString() == type.version)
                    root = version.toObject().value(u"schema"_s).toObject().value(u"openAPIV3Schema"_s).toObject();
            }
        }
        properties = root.value(u"properties"_s).toObject();
    } else {
        const QString key
            = type.kind == u"Event" ? (type.group.isEmpty() ? u"core/Event"_s : u"events.k8s.io/Event"_s) : type.kind;
        if (!builtins().contains(key))
            return {};
        properties = builtins().value(key).toObject();
        root = QJsonObject {{u"type"_s, u"object"_s}, {u"x-go"_s, type.kind}};
    }
    if (root.isEmpty())
        return {};
    properties.insert(u"apiVersion"_s, QJsonObject {{u"type"_s, u"string"_s}});
    properties.insert(u"kind"_s, QJsonObject {{u"type"_s, u"string"_s}});
    // Root metadata is decoded as ObjectMeta whatever the CRD says about it.
    properties.insert(u"metadata"_s, builtins().value(u"ObjectMeta"_s));
    root.insert(u"properties"_s, properties);
    cache.insert(type.key(), root);
    return root;
}

QJsonValue KubeSchema::resolved(const QJsonValue &schema)
{
    if (schema.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : schema.toArray())
            out.append(resolved(v));
        return out;
    }
    if (!schema.isObject())
        return schema;
    QJsonObject o = resolve(schema.toObject());
    for (auto it = o.begin(); it != o.end(); ++it)
        it.value() = resolved(it.value());
    return o;
}

KubeSchema::Outcome KubeSchema::apply(QJsonObject &object, const QJsonObject &schema, bool customResource)
{
    Outcome out;
    QJsonValue value = object;
    visit(value, schema, {}, schema.value(u"x-go"_s).toString(), customResource, out);
    object = value.toObject();
    return out;
}

void KubeSchema::visit(QJsonValue &value, const QJsonObject &rawSchema, const QString &path, const QString &goStruct,
                       bool customResource, Outcome &out)
{
    const QJsonObject schema = resolve(rawSchema);
    const QString type = schema.value(u"type"_s).toString();
    if (value.isNull() && schema.value(u"nullable"_s).toBool())
        return; // kubectl sends "creationTimestamp": null; metav1.Time decodes it as the zero time
    if (!typeMatches(type, value)) {
        // Custom resources with metadata type errors fail decoding into ObjectMeta, as built-in kinds do.
        if (!customResource || path.startsWith(u"metadata"_s)) {
            if (out.decodeError.isEmpty()) {
                out.decodeError = u"json: cannot unmarshal %1 into Go struct field %2.%3 of type %4"_s.arg(
                    goFoundName(value), goStruct, path, goTypeName(schema));
            }
        } else {
            out.causes.append(
                KubeValidation::cause(u"FieldValueTypeInvalid"_s, path,
                                      u"Invalid value: \"%1\": %2 in body must be of type %3: \"%1\""_s.arg(
                                          jsonTypeName(value), path, type)));
        }
        return;
    }
    if (type == u"string" && schema.value(u"format"_s).toString() == u"micro-time") {
        if (const QString e = microTimeError(value.toString()); !e.isEmpty() && out.decodeError.isEmpty())
            out.decodeError = e;
        return;
    }
    const QString childStruct = schema.value(u"x-go"_s).toString(goStruct);
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        const QJsonObject items = schema.value(u"items"_s).toObject();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue item = array.at(i);
            visit(item, items, path % u"["_s % QString::number(i) % u"]"_s, childStruct, customResource, out);
            array.replace(i, item);
        }
        value = array;
        return;
    }
    if (!value.isObject() || schema.value(u"x-kubernetes-preserve-unknown-fields"_s).toBool())
        return;
    QJsonObject object = value.toObject();
    const QJsonObject properties = schema.value(u"properties"_s).toObject();
    const bool isMap = schema.contains(u"additionalProperties"_s);
    const QJsonObject valueSchema = schema.value(u"additionalProperties"_s).toObject();
    const QStringList keys = object.keys();
    for (const QString &key : keys) {
        const QString childPath = path.isEmpty() ? key : path % u"."_s % key;
        QJsonValue child = object.value(key);
        const QJsonObject childSchema = isMap ? valueSchema : resolve(properties.value(key).toObject());
        if (!isMap && !properties.contains(key)) {
            out.unknownFields.append(childPath);
            object.remove(key);
            continue;
        }
        if (child.isNull() && !childSchema.value(u"nullable"_s).toBool()) {
            object.remove(key); // a null is the zero value, which the server does not store
            continue;
        }
        visit(child, childSchema, childPath, childStruct, customResource, out);
        object.insert(key, child);
    }
    for (const QJsonValue &required : schema.value(u"required"_s).toArray()) {
        if (!object.contains(required.toString())) {
            const QString childPath = path.isEmpty() ? required.toString() : path % u"."_s % required.toString();
            out.causes.append(KubeValidation::cause(u"FieldValueRequired"_s, childPath, u"Required value"_s));
        }
    }
    value = object;
}

} // namespace Amo::Sandbox
