// SPDX-License-Identifier: MIT
// KubeApiHandler: lists, watch streams and self-subject reviews.
#include "kubeapihandler.h"

#include "kubeprotobuf.h"
#include "kubequery.h"
#include "kuberesourcetype.h"
#include "kubetable.h"

#include <QPointer>
#include <QTimer>

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

QString query(const HttpRequest &request, const QString &key)
{
    return KubeQuery(request.query).value(key);
}

// The watch cache waits this long for a future resourceVersion before its 504 (storage/cacher).
constexpr int kTooLargeWaitMs = 3000;

void respondTooLarge(HttpExchange &exchange, const KubeError &error)
{
    HttpStream *stream
        = exchange.openStream(error.code,
                              {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                               {QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")}});
    QPointer<HttpStream> guard(stream);
    const QByteArray body = QJsonDocument(error.status).toJson(QJsonDocument::Compact);
    QTimer::singleShot(kTooLargeWaitMs, stream, [guard, body] {
        if (guard) {
            guard->write(body);
            guard->finish();
        }
    });
}

} // namespace

void KubeApiHandler::serveCollection(const HttpRequest &request, HttpExchange &exchange, const Target &target,
                                     const KubeWriteOptions &writeOptions)
{
    KubeListOptions options;
    options.labelSelector = query(request, u"labelSelector"_s);
    options.fieldSelector = query(request, u"fieldSelector"_s);
    options.continueToken = query(request, u"continue"_s);
    options.resourceVersion = query(request, u"resourceVersion"_s);
    options.resourceVersionMatch = query(request, u"resourceVersionMatch"_s);
    const QString limit = query(request, u"limit"_s);
    if (!limit.isEmpty()) {
        bool ok = false;
        options.limit = limit.toLongLong(&ok);
        if (!ok || options.limit < 0) {
            respondError(exchange, KubeStatus::badRequest(u"invalid limit: "_s + limit));
            return;
        }
    }
    KubeListResult result = m_store->list(*target.type, target.ns, options);
    if (result.error.code == 504) {
        respondTooLarge(exchange, result.error);
        return;
    }
    if (result.error.isError()) {
        respondError(exchange, result.error);
        return;
    }
    if (request.method == "DELETE") {
        // deletecollection: the whole selection, not one page.
        QList<KubeObjectPtr> deleted;
        for (const KubeObjectPtr &o : std::as_const(result.items)) {
            const QJsonObject md = o->metadata();
            const KubeResult r = m_store->remove(*target.type, md.value(u"namespace"_s).toString(),
                                                 md.value(u"name"_s).toString(), {}, writeOptions);
            if (r.ok())
                deleted.append(r.object);
        }
        result.items = deleted;
        result.resourceVersion = m_store->resourceVersion();
    }
    if (request.method == "GET" && KubeTable::wanted(request.header("accept"), *target.type)) {
        QJsonObject table = KubeTable::build(*target.type, result.items, query(request, u"includeObject"_s),
                                             QDateTime::currentDateTimeUtc());
        QJsonObject listMeta {{u"resourceVersion"_s, QString::number(result.resourceVersion)}};
        if (!result.continueToken.isEmpty())
            listMeta.insert(u"continue"_s, result.continueToken);
        if (result.remainingItemCount >= 0)
            listMeta.insert(u"remainingItemCount"_s, result.remainingItemCount);
        table.insert(u"metadata"_s, listMeta);
        respondJson(exchange, 200, table);
        return;
    }
    exchange.respond(HttpResponse {200,
                                   {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
                                   result.toJson(*target.type)});
}

void KubeApiHandler::serveWatch(const HttpRequest &request, HttpExchange &exchange, const Target &target)
{
    KubeWatchOptions options;
    options.labelSelector = query(request, u"labelSelector"_s);
    options.fieldSelector = query(request, u"fieldSelector"_s);
    options.resourceVersion = query(request, u"resourceVersion"_s);
    options.allowBookmarks = KubeQuery(request.query).flag(u"allowWatchBookmarks"_s);
    options.sendInitialEvents = KubeQuery(request.query).flag(u"sendInitialEvents"_s);
    options.timeoutSeconds = query(request, u"timeoutSeconds"_s).toInt();
    if (options.sendInitialEvents && query(request, u"resourceVersionMatch"_s) != u"NotOlderThan") {
        respondError(exchange,
                     KubeStatus::make(422, u"Invalid"_s,
                                      u"sendInitialEvents is forbidden unless resourceVersionMatch is "
                                      "NotOlderThan"_s));
        return;
    }
    KubeError error;
    KubeWatch *watch = m_store->watch(*target.type, target.ns, options, nullptr, &error);
    if (!watch && error.code == 504) {
        respondTooLarge(exchange, error);
        return;
    }
    if (!watch) {
        respondError(exchange, error);
        return;
    }
    HttpStream *stream
        = exchange.openStream(200,
                              {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                               {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache, private")}});
    watch->setParent(stream); // the watch lives exactly as long as its stream
    QObject::connect(watch, &KubeWatch::eventReady, stream,
                     [stream](const QByteArray &event) { stream->write(event + '\n'); });
    QObject::connect(watch, &KubeWatch::closed, stream, [stream, watch](bool aborted) {
        QObject::disconnect(stream, nullptr, watch, nullptr);
        if (aborted)
            stream->abort();
        else
            stream->finish();
    });
    QObject::connect(stream, &HttpStream::closed, watch, [watch, stream] {
        // The client left (or we ended the body): stop feeding this stream.
        QObject::disconnect(watch, nullptr, stream, nullptr);
        watch->drop();
    });
    watch->start();
}

void KubeApiHandler::serveReview(const HttpRequest &request, HttpExchange &exchange, const Target &target,
                                 const KubeUser &user)
{
    if (request.method != "POST" || !target.name.isEmpty()) {
        respondError(exchange, KubeStatus::methodNotAllowed());
        return;
    }
    QJsonObject review;
    if (request.header("content-type").startsWith(KubeProtobuf::kMediaType)) {
        QString message;
        const auto decoded = KubeProtobuf::decode(request.body, &message);
        if (!decoded) {
            respondError(exchange, KubeStatus::badRequest(message));
            return;
        }
        review = *decoded;
    } else {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            respondError(exchange,
                         KubeStatus::badRequest(u"the object provided is unrecognized: json parse error: "_s
                                                + parseError.errorString()));
            return;
        }
        review = document.object();
    }
    const KubeResourceType &type = *target.type;
    if (review.contains(u"kind"_s) && review.value(u"kind"_s).toString() != type.kind) {
        respondError(exchange,
                     KubeStatus::badRequest(u"the kind in the data ("_s % review.value(u"kind"_s).toString()
                                            % u") does not match the expected kind ("_s % type.kind % u")"_s));
        return;
    }
    const QJsonObject spec = review.value(u"spec"_s).toObject();
    QJsonObject status;
    if (type.resource == u"selfsubjectreviews") {
        QJsonObject userInfo {{u"username"_s, user.name}, {u"groups"_s, QJsonArray::fromStringList(user.groups)}};
        status.insert(u"userInfo"_s, userInfo);
    } else if (type.resource == u"selfsubjectaccessreviews") {
        // ValidateSelfSubjectAccessReviewSpec: exactly one of the two attribute sets.
        const bool hasResource = spec.value(u"resourceAttributes"_s).isObject();
        const bool hasNonResource = spec.value(u"nonResourceAttributes"_s).isObject();
        if (hasResource == hasNonResource) {
            const QString field = hasResource ? u"spec.nonResourceAttributes"_s : u"spec.resourceAttributes"_s;
            const QString message = hasResource
                ? u"Invalid value: \"object\": cannot be specified in combination with resourceAttributes"_s
                : u"Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be "
                  "specified"_s;
            respondError(exchange,
                         KubeStatus::invalid(type.kind, type.group, {},
                                             QJsonArray {QJsonObject {{u"reason"_s, u"FieldValueInvalid"_s},
                                                                      {u"message"_s, message},
                                                                      {u"field"_s, field}}}));
            return;
        }
        const QJsonObject ra = spec.value(u"resourceAttributes"_s).toObject();
        const QJsonObject nra = spec.value(u"nonResourceAttributes"_s).toObject();
        const KubeAccess access {hasResource ? ra.value(u"verb"_s).toString() : nra.value(u"verb"_s).toString(),
                                 ra.value(u"group"_s).toString(),
                                 ra.value(u"resource"_s).toString(),
                                 ra.value(u"namespace"_s).toString(),
                                 ra.value(u"name"_s).toString(),
                                 nra.value(u"path"_s).toString()};
        // A resource review for no resource asks nothing that RBAC would grant.
        const bool allowed = (!hasResource || !access.resource.isEmpty()) && m_access.allowed(user, access);
        status.insert(u"allowed"_s, allowed);
        if (allowed)
            status.insert(u"reason"_s, u"allowed by the sandbox RBAC table"_s);
    } else {
        status.insert(u"resourceRules"_s, m_access.resourceRules(user, spec.value(u"namespace"_s).toString()));
        status.insert(
            u"nonResourceRules"_s,
            QJsonArray {QJsonObject {{u"verbs"_s, QJsonArray {u"get"_s}},
                                     {u"nonResourceURLs"_s,
                                      QJsonArray {u"/api"_s, u"/api/*"_s, u"/apis"_s, u"/apis/*"_s, u"/healthz"_s,
                                                  u"/livez"_s, u"/readyz"_s, u"/version"_s, u"/version/"_s}}}});
        status.insert(u"incomplete"_s, false);
    }
    QJsonObject response {{u"kind"_s, type.kind},
                          {u"apiVersion"_s, type.apiVersion()},
                          {u"metadata"_s, QJsonObject {{u"creationTimestamp"_s, QJsonValue::Null}}},
                          {u"status"_s, status}};
    if (type.resource != u"selfsubjectreviews")
        response.insert(u"spec"_s, spec);
    respondJson(exchange, 201, response);
}

} // namespace Amo::Sandbox
