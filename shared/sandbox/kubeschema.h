// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Amo::Sandbox {

class KubeResourceType;

/**
 * Decoding as the API server does it, driven by a structural schema: the CRDs' openAPIV3Schema
 * for custom resources, a reduced k8s.io/api schema for the built-in kinds. Unknown fields are
 * pruned and reported; nulls of non-nullable fields are dropped; wrong types are a 422 cause on
 * custom resources (schema validation) and a decoding error (400) on built-in kinds (encoding/json).
 */
class KubeSchema
{
public:
    struct Outcome
    {
        QStringList unknownFields; // "spec.foo", in document order
        QJsonArray causes; // 422 causes (custom resources)
        QString decodeError; // the first decoding error (built-in kinds)
    };

    /** The root schema of @p type's objects; empty when the simulator has none (reviews, CRDs). */
    static QJsonObject forType(const KubeResourceType &type);
    /** @p schema with every $ref replaced by the schema it names. */
    static QJsonValue resolved(const QJsonValue &schema);
    /** Prunes @p object in place and checks it against @p schema. */
    static Outcome apply(QJsonObject &object, const QJsonObject &schema, bool customResource);

private:
    static void visit(QJsonValue &value, const QJsonObject &schema, const QString &path, const QString &goStruct,
                      bool customResource, Outcome &out);
};

} // namespace Amo::Sandbox
