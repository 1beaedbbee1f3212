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
    /** NamespaceLifecycle admission's 403 for a create into a namespace being deleted. */
    static KubeError namespaceTerminating(const QString &ns);
    static KubeError alreadyExists(const KubeResourceType &type, const QString &name);
    static KubeError conflict(const KubeResourceType &type, const QString &name);
    static KubeError badRequest(const QString &message);
    static KubeError expired(const QString &message);
    static KubeError tooOldResourceVersion(qint64 requested, qint64 oldest);
    /** The watch cache's 504 for a version the server has not reached. */
    static KubeError tooLargeResourceVersion(qint64 requested, qint64 current);
    static KubeError unsupportedMediaType(bool strategicMerge = false);
    static KubeError methodNotAllowed();
    static KubeError unauthorized();
    /** 422 with causes: each cause is {reason, message, field}. */
    static KubeError invalid(const QString &kind, const QString &group, const QString &name, const QJsonArray &causes);
    static QJsonObject success();
};

} // namespace Amo::Sandbox
