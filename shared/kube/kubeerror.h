// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QString>

namespace Amo::Kube {

/** A failed Kubernetes request, typed from the API server's Status object (or from the transport). */
struct KubeError
{
    enum class Type {
        None,
        Network, // no HTTP response (refused, reset, TLS, timeout); see network
        Timeout, // our own request timeout fired
        Configuration, // credentials could not be obtained (exec plugin, token file)
        BadResponse, // a body that is not JSON, or JSON that is not what was asked for
        BadRequest, // 400
        Unauthorized, // 401
        Forbidden, // 403
        NotFound, // 404
        MethodNotAllowed,
        AlreadyExists, // 409 reason AlreadyExists
        Conflict, // 409 otherwise (stale resourceVersion)
        Gone, // 410 Expired/Gone: relist
        UnsupportedMediaType,
        Invalid, // 422, with causes
        TooManyRequests, // 429
        InternalError, // 500
        ServiceUnavailable, // 503
        ServerTimeout, // 504, or reason Timeout/ServerTimeout
        Other,
    };
    struct Cause
    {
        QString reason;
        QString message;
        QString field;
    };

    Type type = Type::None;
    int httpStatus = 0;
    QString reason; // Status.reason
    QString message; // human-readable, complete
    QList<Cause> causes;
    int retryAfterSeconds = -1; // from Retry-After or details.retryAfterSeconds; -1: none
    QNetworkReply::NetworkError network = QNetworkReply::NoError;

    bool isError() const { return type != Type::None; }
    explicit operator bool() const { return isError(); }

    /** From an HTTP error response: a Status body when there is one, else a quote of the first bytes. */
    static KubeError fromResponse(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader);
    /** From a Status object, e.g. a watch ERROR event. */
    static KubeError fromStatus(const QJsonObject &status, int fallbackCode = 0);
    static KubeError transport(QNetworkReply::NetworkError error, const QString &text);
    static KubeError make(Type type, const QString &message);
    static Type typeFor(int httpStatus, const QString &reason);
    static QString typeName(Type type);
    /** "the first 200 bytes" of a body, printable, for errors about non-JSON answers. */
    static QString excerpt(const QByteArray &body);
};

} // namespace Amo::Kube
