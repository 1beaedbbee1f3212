// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Amo::Sandbox {

/**
 * Reads the Kubernetes protobuf envelope ("k8s\0" + runtime.Unknown) that client-go sends for
 * built-in kinds (application/vnd.kubernetes.protobuf) and turns the few kinds the simulator
 * serves as writable built-ins into their JSON form: Namespace, ConfigMap, ServiceAccount and the
 * self-subject reviews. Field numbers are those of k8s.io/api's generated.proto files.
 */
class KubeProtobuf
{
public:
    static constexpr const char *kMediaType = "application/vnd.kubernetes.protobuf";

    /** True when @p apiVersion / @p kind can be decoded. */
    static bool supports(const QString &apiVersion, const QString &kind);
    /** The object as JSON; std::nullopt with @p error set when the bytes are not a decodable object. */
    static std::optional<QJsonObject> decode(const QByteArray &body, QString *error);
};

} // namespace Amo::Sandbox
