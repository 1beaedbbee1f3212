// SPDX-License-Identifier: MIT
#include "kubevalidation.h"

#include "shared/kube/namevalidation.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

// The rules and messages are the core's; the simulator only turns them into Status causes.
QStringList KubeValidation::dns1123Label(const QString &value)
{
    return Kube::NameValidation::dns1123Label(value);
}

QStringList KubeValidation::dns1123Subdomain(const QString &value)
{
    return Kube::NameValidation::dns1123Subdomain(value);
}

QStringList KubeValidation::qualifiedName(const QString &value)
{
    return Kube::NameValidation::qualifiedName(value);
}

QStringList KubeValidation::labelValue(const QString &value)
{
    return Kube::NameValidation::labelValue(value);
}

QJsonObject KubeValidation::cause(const QString &reason, const QString &field, const QString &message)
{
    return {{u"reason"_s, reason}, {u"message"_s, message}, {u"field"_s, field}};
}

QJsonObject KubeValidation::invalidValue(const QString &field, const QString &value, const QString &message)
{
    return cause(u"FieldValueInvalid"_s, field, u"Invalid value: \""_s % value % u"\": "_s % message);
}

QJsonArray KubeValidation::validateMetadata(const QJsonObject &metadata, bool namespaceName)
{
    QJsonArray causes;
    const QString name = metadata.value(u"name"_s).toString();
    if (name.isEmpty()) {
        causes.append(
            cause(u"FieldValueRequired"_s, u"metadata.name"_s, u"Required value: name or generateName is required"_s));
    } else {
        const QStringList problems = namespaceName ? dns1123Label(name) : dns1123Subdomain(name);
        for (const QString &m : problems)
            causes.append(invalidValue(u"metadata.name"_s, name, m));
    }
    const QJsonObject labels = metadata.value(u"labels"_s).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        for (const QString &m : qualifiedName(it.key()))
            causes.append(invalidValue(u"metadata.labels"_s, it.key(), m));
        const QString v = it.value().toString();
        if (!it.value().isString()) {
            causes.append(invalidValue(u"metadata.labels"_s, v, u"label values must be strings"_s));
            continue;
        }
        for (const QString &m : labelValue(v))
            causes.append(invalidValue(u"metadata.labels"_s, v, m));
    }
    const QJsonObject annotations = metadata.value(u"annotations"_s).toObject();
    for (auto it = annotations.begin(); it != annotations.end(); ++it) {
        // apimachinery checks annotation keys lower-cased, so upper-case names pass.
        for (const QString &m : qualifiedName(it.key().toLower()))
            causes.append(invalidValue(u"metadata.annotations"_s, it.key(), m));
    }
    const QJsonArray finalizers = metadata.value(u"finalizers"_s).toArray();
    for (qsizetype i = 0; i < finalizers.size(); ++i) {
        const QString f = finalizers.at(i).toString();
        for (const QString &m : qualifiedName(f))
            causes.append(invalidValue(u"metadata.finalizers[%1]"_s.arg(i), f, m));
    }
    // ValidateOwnerReferences reports on the list's path, without an index.
    for (const QJsonValue &v : metadata.value(u"ownerReferences"_s).toArray()) {
        const QJsonObject ref = v.toObject();
        const QString apiVersion = ref.value(u"apiVersion"_s).toString();
        if (apiVersion.section(u'/', -1).isEmpty())
            causes.append(
                invalidValue(u"metadata.ownerReferences.apiVersion"_s, apiVersion, u"version must not be empty"_s));
        for (const QString &key : {u"kind"_s, u"name"_s, u"uid"_s}) {
            if (ref.value(key).toString().isEmpty())
                causes.append(invalidValue(u"metadata.ownerReferences."_s + key, {}, key + u" must not be empty"_s));
        }
    }
    return causes;
}

QJsonArray KubeValidation::validateConfigMap(const QJsonObject &configMap)
{
    static const QRegularExpression configKey(u"^[-._a-zA-Z0-9]+$"_s);
    QJsonArray causes;
    for (const QString &section : {u"data"_s, u"binaryData"_s}) {
        const QJsonObject data = configMap.value(section).toObject();
        for (auto it = data.begin(); it != data.end(); ++it) {
            const QString key = it.key();
            const QString field = section % u"["_s % key % u"]"_s;
            if (key.size() > 253)
                causes.append(invalidValue(field, key, u"must be no more than 253 characters"_s));
            if (!configKey.match(key).hasMatch()) {
                causes.append(invalidValue(field, key,
                                           u"a valid config key must consist of alphanumeric characters, '-', '_' or "
                                           "'.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for "
                                           "validation is '[-._a-zA-Z0-9]+')"_s));
            }
            if (key == u"." || key == u"..")
                causes.append(invalidValue(field, key, u"must not be '"_s % key % u"'"_s));
            if (section == u"binaryData" && configMap.value(u"data"_s).toObject().contains(key))
                causes.append(invalidValue(field, key, u"duplicate of key present in data"_s));
        }
    }
    return causes;
}

QJsonArray KubeValidation::validateLease(const QJsonObject &lease)
{
    QJsonArray causes;
    const QJsonObject spec = lease.value(u"spec"_s).toObject();
    if (spec.contains(u"leaseDurationSeconds"_s) && spec.value(u"leaseDurationSeconds"_s).toInteger() <= 0) {
        const QString v = QString::number(spec.value(u"leaseDurationSeconds"_s).toInteger());
        causes.append(cause(u"FieldValueInvalid"_s, u"spec.leaseDurationSeconds"_s,
                            u"Invalid value: "_s % v % u": must be greater than 0"_s));
    }
    if (spec.contains(u"leaseTransitions"_s) && spec.value(u"leaseTransitions"_s).toInteger() < 0) {
        const QString v = QString::number(spec.value(u"leaseTransitions"_s).toInteger());
        causes.append(cause(u"FieldValueInvalid"_s, u"spec.leaseTransitions"_s,
                            u"Invalid value: "_s % v % u": must be greater than or equal to 0"_s));
    }
    return causes;
}

QJsonArray KubeValidation::validateEvent(const QJsonObject &event, bool eventsApi)
{
    QJsonArray causes;
    const QString ns = event.value(u"metadata"_s).toObject().value(u"namespace"_s).toString();
    const QJsonObject regarding = event.value(eventsApi ? u"regarding"_s : u"involvedObject"_s).toObject();
    const QString regardingNs = regarding.value(u"namespace"_s).toString();
    const QString nsField = u"involvedObject.namespace"_s; // validation runs on the core type
    if (regardingNs.isEmpty() ? !(ns.isEmpty() || ns == u"default") : regardingNs != ns)
        causes.append(invalidValue(nsField, regardingNs, u"does not match event.namespace"_s));
    const QString eventTime = event.value(u"eventTime"_s).toString();
    if (!eventsApi && eventTime.isEmpty())
        return causes; // a legacy core/v1 Event: only the namespace is checked
    const auto required = [&](const QString &field, const QString &value) {
        if (value.isEmpty())
            causes.append(cause(u"FieldValueRequired"_s, field, u"Required value"_s));
    };
    const auto atMost = [&](const QString &field, const QString &value, int limit) {
        if (value.size() > limit) {
            causes.append(invalidValue(field, value, u"can have at most %1 characters"_s.arg(limit)));
        }
    };
    const QString controller = event.value(eventsApi ? u"reportingController"_s : u"reportingComponent"_s).toString();
    const QString instance = event.value(u"reportingInstance"_s).toString();
    const QString action = event.value(u"action"_s).toString();
    const QString reason = event.value(u"reason"_s).toString();
    required(u"eventTime"_s, eventTime);
    const QString type = event.value(u"type"_s).toString();
    if (type != u"Normal" && type != u"Warning")
        causes.append(invalidValue(u"type"_s, {}, u"has invalid value: "_s + type));
    required(u"reportingController"_s, controller);
    for (const QString &m : qualifiedName(controller.isEmpty() ? u"x"_s : controller))
        causes.append(invalidValue(u"reportingController"_s, controller, m));
    required(u"reportingInstance"_s, instance);
    atMost(u"reportingInstance"_s, instance, 128);
    required(u"action"_s, action);
    atMost(u"action"_s, action, 128);
    required(u"reason"_s, reason);
    atMost(u"reason"_s, reason, 128);
    atMost(eventsApi ? u"note"_s : u"message"_s, event.value(eventsApi ? u"note"_s : u"message"_s).toString(), 1024);
    if (eventsApi) {
        for (const QString &deprecated : {u"deprecatedSource"_s, u"deprecatedFirstTimestamp"_s,
                                          u"deprecatedLastTimestamp"_s, u"deprecatedCount"_s}) {
            if (event.contains(deprecated))
                causes.append(invalidValue(deprecated, {}, u"needs to be unset"_s));
        }
    }
    const QJsonObject series = event.value(u"series"_s).toObject();
    if (event.contains(u"series"_s) && series.value(u"count"_s).toInt() < 2) {
        causes.append(invalidValue(u"series.count"_s, QString::number(series.value(u"count"_s).toInt()),
                                   u"should be at least 2"_s));
    }
    return causes;
}

} // namespace Amo::Sandbox
