// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrlQuery>

#include <utility>

namespace Amo::Sandbox {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

/** One parsed HTTP request as the simulator's handlers see it. */
struct HttpRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path; // percent-decoded path, without the query
    QUrlQuery query; // decoded query items
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QString clientCertificateCommonName; // TLS client certificate CN, empty without one
    QStringList clientCertificateOrganizations;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};

/** A complete response. */
struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    static HttpResponse json(int status, const QJsonDocument &document, HeaderList extraHeaders = {})
    {
        HttpResponse r {status, std::move(extraHeaders), document.toJson(QJsonDocument::Compact)};
        r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        return r;
    }
};

/** A response body that stays open and is written piece by piece (watch streams). Owned by the server. */
class HttpStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /** Sends one piece of the body (one HTTP chunk). */
    virtual void write(const QByteArray &piece) = 0;
    /** Ends the body normally (terminating chunk); the connection may be reused. */
    virtual void finish() = 0;
    /** Drops the connection without ending the body, as a broken network would. */
    virtual void abort() = 0;

Q_SIGNALS:
    /** The client went away, or finish()/abort() ran. The handler must stop writing. */
    void closed();
};

/** How a handler answers: with one full response, or by opening a stream. Exactly one of the two. */
class HttpExchange
{
public:
    virtual ~HttpExchange() = default;
    virtual void respond(const HttpResponse &response) = 0;
    virtual HttpStream *openStream(int status, const HeaderList &headers) = 0;
    /** Names the route for the request log, e.g. "/apis/{group}/{version}/namespaces/{ns}/{resource}". */
    virtual void setRoutePattern(const QString &pattern) = 0;
};

/** A part of the simulator (Azure AD, ARM, Kubernetes, control API) that serves some paths. */
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    /** Returns false, without answering, when the request is not for this handler. */
    virtual bool handle(const HttpRequest &request, HttpExchange &exchange) = 0;
};

} // namespace Amo::Sandbox
