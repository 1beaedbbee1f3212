// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Amo::Sandbox {

class KubeResourceType;

/** An HTTP status code plus the meta/v1 Status body that kube-apiserver would send with it. */
struct KubeError
{
    int code = 0;
    QJsonObject status;

    bool isError() const { return code != 0; }
};

/** Builds kube-apiserver-shaped Status objects (reason, code, message, details). */
class KubeStatus
{
public:
    static KubeError make(int code, const QString &reason, const QString &message, const QJsonObject &details = {});
    static KubeError notFound(const KubeResourceType &type, const QString &name);
    static KubeError namespaceNotFound(const QString &ns);
    static KubeError alreadyExists(const KubeResourceType &type, const QString &name);
    static KubeError conflict(const KubeResourceType &type, const QString &name);
    static KubeError badRequest(const QString &message);
    static KubeError expired(const QString &message);
    static KubeError tooOldResourceVersion(qint64 requested, qint64 oldest);
    static KubeError unsupportedMediaType();
    static KubeError methodNotAllowed();
    static KubeError unauthorized();
    /** 422 with causes: each cause is {reason, message, field}. */
    static KubeError invalid(const QString &kind, const QString &group, const QString &name, const QJsonArray &causes);
    static QJsonObject success();
};

} // namespace Amo::Sandbox
