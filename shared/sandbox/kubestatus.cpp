// SPDX-License-Identifier: MIT
#include "kubestatus.h"

#include "kuberesourcetype.h"

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

QJsonObject details(const KubeResourceType &type, const QString &name)
{
    QJsonObject d {{u"name"_s, name}, {u"kind"_s, type.resource}};
    if (!type.group.isEmpty())
        d.insert(u"group"_s, type.group);
    return d;
}

} // namespace

KubeError KubeStatus::make(int code, const QString &reason, const QString &message, const QJsonObject &details)
{
    QJsonObject s {{u"kind"_s, u"Status"_s},
                   {u"apiVersion"_s, u"v1"_s},
                   {u"metadata"_s, QJsonObject()},
                   {u"status"_s, u"Failure"_s},
                   {u"message"_s, message},
                   {u"reason"_s, reason},
                   {u"code"_s, code}};
    if (!details.isEmpty())
        s.insert(u"details"_s, details);
    return {code, s};
}

KubeError KubeStatus::notFound(const KubeResourceType &type, const QString &name)
{
    return make(404, u"NotFound"_s, type.qualifiedResource() % u" \""_s % name % u"\" not found"_s,
                details(type, name));
}

KubeError KubeStatus::namespaceNotFound(const QString &ns)
{
    return make(404, u"NotFound"_s, u"namespaces \""_s % ns % u"\" not found"_s,
                QJsonObject {{u"name"_s, ns}, {u"kind"_s, u"namespaces"_s}});
}

KubeError KubeStatus::namespaceTerminating(const QString &ns)
{
    const QJsonObject cause {{u"reason"_s, u"NamespaceTerminating"_s},
                             {u"message"_s, QString(u"namespace "_s % ns % u" is being terminated"_s)},
                             {u"field"_s, u"metadata.namespace"_s}};
    return make(403, u"Forbidden"_s,
                u"unable to create new content in namespace "_s % ns % u" because it is being terminated"_s,
                QJsonObject {{u"name"_s, ns}, {u"kind"_s, u"namespaces"_s}, {u"causes"_s, QJsonArray {cause}}});
}

KubeError KubeStatus::alreadyExists(const KubeResourceType &type, const QString &name)
{
    return make(409, u"AlreadyExists"_s, type.qualifiedResource() % u" \""_s % name % u"\" already exists"_s,
                details(type, name));
}

KubeError KubeStatus::conflict(const KubeResourceType &type, const QString &name)
{
    return make(
        409, u"Conflict"_s,
        u"Operation cannot be fulfilled on "_s % type.qualifiedResource() % u" \""_s % name
            % u"\": the object has been modified; please apply your changes to the latest version and try again"_s,
        details(type, name));
}

KubeError KubeStatus::badRequest(const QString &message)
{
    return make(400, u"BadRequest"_s, message);
}

KubeError KubeStatus::expired(const QString &message)
{
    return make(410, u"Expired"_s, message);
}

KubeError KubeStatus::tooOldResourceVersion(qint64 requested, qint64 oldest)
{
    return expired(u"too old resource version: %1 (%2)"_s.arg(requested).arg(oldest));
}

KubeError KubeStatus::tooLargeResourceVersion(qint64 requested, qint64 current)
{
    const QJsonObject cause {{u"reason"_s, u"ResourceVersionTooLarge"_s},
                             {u"message"_s, u"Too large resource version"_s}};
    return make(504, u"Timeout"_s, u"Too large resource version: %1, current: %2"_s.arg(requested).arg(current),
                QJsonObject {{u"causes"_s, QJsonArray {cause}}, {u"retryAfterSeconds"_s, 1}});
}

KubeError KubeStatus::unsupportedMediaType(bool strategicMerge)
{
    // Server-side apply is not simulated: the patch types listed are those of a server without it.
    return make(415, u"UnsupportedMediaType"_s,
                u"the body of the request was in an unknown format - accepted media types include: "
                "application/json-patch+json, application/merge-patch+json"_s
                    + (strategicMerge ? u", application/strategic-merge-patch+json"_s : QString()));
}

KubeError KubeStatus::methodNotAllowed()
{
    return make(405, u"MethodNotAllowed"_s, u"the server does not allow this method on the requested resource"_s);
}

KubeError KubeStatus::unauthorized()
{
    return make(401, u"Unauthorized"_s, u"Unauthorized"_s);
}

KubeError KubeStatus::invalid(const QString &kind, const QString &group, const QString &name, const QJsonArray &causes)
{
    QStringList parts;
    for (const auto &c : causes) {
        const QJsonObject cause = c.toObject();
        parts.append(cause.value(u"field"_s).toString() % u": "_s % cause.value(u"message"_s).toString());
    }
    const QString what = parts.size() == 1 ? parts.constFirst() : u"["_s % parts.join(u", "_s) % u"]"_s;
    const QString qualifiedKind = group.isEmpty() ? kind : kind % u"."_s % group;
    QJsonObject d {{u"name"_s, name}, {u"kind"_s, kind}, {u"causes"_s, causes}};
    if (!group.isEmpty())
        d.insert(u"group"_s, group);
    return make(422, u"Invalid"_s, qualifiedKind % u" \""_s % name % u"\" is invalid: "_s % what, d);
}

QJsonObject KubeStatus::success()
{
    return {{u"kind"_s, u"Status"_s},
            {u"apiVersion"_s, u"v1"_s},
            {u"metadata"_s, QJsonObject()},
            {u"status"_s, u"Success"_s}};
}

} // namespace Amo::Sandbox
