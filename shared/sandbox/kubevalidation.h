// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Amo::Sandbox {

/** apimachinery's name and label rules, with its error messages, as Status causes. */
class KubeValidation
{
public:
    /** Messages for a DNS-1123 label (namespace names); empty when valid. */
    static QStringList dns1123Label(const QString &value);
    /** Messages for a DNS-1123 subdomain (object names); empty when valid. */
    static QStringList dns1123Subdomain(const QString &value);
    /** Messages for a label or annotation key (qualified name). */
    static QStringList qualifiedName(const QString &value);
    /** Messages for a label value. */
    static QStringList labelValue(const QString &value);

    /** All metadata problems of an object as Status causes (name, labels, annotation keys). */
    static QJsonArray validateMetadata(const QJsonObject &metadata, bool namespaceName);

    /** ConfigMap data and binaryData keys (IsConfigMapKey). */
    static QJsonArray validateConfigMap(const QJsonObject &configMap);
    /** coordination.k8s.io/v1 ValidateLeaseSpec. */
    static QJsonArray validateLease(const QJsonObject &lease);
    /** ValidateEventCreate: events.k8s.io/v1 always, core/v1 when eventTime is set (else the legacy checks). */
    static QJsonArray validateEvent(const QJsonObject &event, bool eventsApi);
    static QJsonObject cause(const QString &reason, const QString &field, const QString &message);
    static QJsonObject invalidValue(const QString &field, const QString &value, const QString &message);
};

} // namespace Amo::Sandbox
