// SPDX-License-Identifier: MIT
#include "kubeerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

KubeError::Type KubeError::typeFor(int httpStatus, const QString &reason)
{
    if (reason == u"AlreadyExists")
        return Type::AlreadyExists;
    if (reason == u"Conflict")
        return Type::Conflict;
    if (reason == u"Expired" || reason == u"Gone")
        return Type::Gone;
    if (reason == u"Timeout" || reason == u"ServerTimeout")
        return Type::ServerTimeout;
    switch (httpStatus) {
    case 400:
        return Type::BadRequest;
    case 401:
        return Type::Unauthorized;
    case 403:
        return Type::Forbidden;
    case 404:
        return Type::NotFound;
    case 405:
        return Type::MethodNotAllowed;
    case 409:
        return Type::Conflict;
    case 410:
        return Type::Gone;
    case 415:
        return Type::UnsupportedMediaType;
    case 422:
        return Type::Invalid;
    case 429:
        return Type::TooManyRequests;
    case 500:
        return Type::InternalError;
    case 503:
        return Type::ServiceUnavailable;
    case 504:
        return Type::ServerTimeout;
    default:
        return Type::Other;
    }
}

QString KubeError::typeName(Type type)
{
    static const char *const names[] = {"None",          "Network",
                                        "Timeout",       "Configuration",
                                        "BadResponse",   "BadRequest",
                                        "Unauthorized",  "Forbidden",
                                        "NotFound",      "MethodNotAllowed",
                                        "AlreadyExists", "Conflict",
                                        "Gone",          "UnsupportedMediaType",
                                        "Invalid",       "TooManyRequests",
                                        "InternalError", "ServiceUnavailable",
                                        "ServerTimeout", "Other"};
    return QString::fromLatin1(names[int(type)]);
}

QString KubeError::excerpt(const QByteArray &body)
{
    QByteArray head = body.left(200);
    for (char &c : head) {
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
        else if (static_cast<unsigned char>(c) < 0x20)
            c = '?';
    }
    return QString::fromUtf8(head).trimmed() + (body.size() > 200 ? u"…"_s : QString());
}

KubeError KubeError::fromStatus(const QJsonObject &status, int fallbackCode)
{
    KubeError e;
    e.httpStatus = status.value(u"code"_s).toInt(fallbackCode);
    e.reason = status.value(u"reason"_s).toString();
    e.type = typeFor(e.httpStatus, e.reason);
    e.message = status.value(u"message"_s).toString();
    const QJsonObject details = status.value(u"details"_s).toObject();
    for (const QJsonValue &c : details.value(u"causes"_s).toArray()) {
        const QJsonObject o = c.toObject();
        e.causes.append(
            {o.value(u"reason"_s).toString(), o.value(u"message"_s).toString(), o.value(u"field"_s).toString()});
    }
    if (details.contains(u"retryAfterSeconds"_s))
        e.retryAfterSeconds = details.value(u"retryAfterSeconds"_s).toInt();
    if (e.message.isEmpty())
        e.message = u"the server answered %1 %2"_s.arg(e.httpStatus).arg(e.reason);
    return e;
}

KubeError KubeError::fromResponse(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader)
{
    KubeError e;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (doc.isObject() && doc.object().value(u"kind"_s).toString() == u"Status") {
        e = fromStatus(doc.object(), httpStatus);
        e.httpStatus = httpStatus;
        if (e.type == Type::Other || e.type == Type::None)
            e.type = typeFor(httpStatus, e.reason);
    } else {
        e.httpStatus = httpStatus;
        e.type = typeFor(httpStatus, {});
        e.message = body.isEmpty()
            ? u"the server answered HTTP %1 with an empty body"_s.arg(httpStatus)
            : u"the server answered HTTP %1 with a body that is not a Kubernetes Status: \"%2\""_s.arg(httpStatus)
                  .arg(excerpt(body));
    }
    bool ok = false;
    const int header = retryAfterHeader.trimmed().toInt(&ok);
    if (ok && header >= 0)
        e.retryAfterSeconds = header;
    return e;
}

KubeError KubeError::transport(QNetworkReply::NetworkError error, const QString &text)
{
    KubeError e = make(Type::Network, text);
    e.network = error;
    return e;
}

KubeError KubeError::make(Type type, const QString &message)
{
    KubeError e;
    e.type = type;
    e.message = message;
    return e;
}

} // namespace Amo::Kube
