// SPDX-License-Identifier: MIT
// KubeApiHandler: lists, watch streams and self-subject reviews.
#include "kubeapihandler.h"

#include "kuberesourcetype.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

QString query(const HttpRequest &request, const QString &key)
{
    return request.query.queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

void KubeApiHandler::serveCollection(const HttpRequest &request, HttpExchange &exchange, const Target &target)
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
    if (result.error.isError()) {
        respondError(exchange, result.error);
        return;
    }
    if (request.method == "DELETE") {
        // deletecollection: the whole selection, not one page.
        QList<KubeObjectPtr> deleted;
        for (const KubeObjectPtr &o : std::as_const(result.items)) {
            const QJsonObject md = o->metadata();
            const KubeResult r
                = m_store->remove(*target.type, md.value(u"namespace"_s).toString(), md.value(u"name"_s).toString());
            if (r.ok())
                deleted.append(r.object);
        }
        result.items = deleted;
        result.resourceVersion = m_store->resourceVersion();
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
    options.allowBookmarks = query(request, u"allowWatchBookmarks"_s) == u"true";
    options.sendInitialEvents = query(request, u"sendInitialEvents"_s) == u"true";
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
    const QJsonObject review = QJsonDocument::fromJson(request.body).object();
    const QJsonObject spec = review.value(u"spec"_s).toObject();
    QJsonObject status;
    if (target.type->resource == u"selfsubjectaccessreviews") {
        const QJsonObject ra = spec.value(u"resourceAttributes"_s).toObject();
        const QJsonObject nra = spec.value(u"nonResourceAttributes"_s).toObject();
        const KubeAccess access {ra.isEmpty() ? nra.value(u"verb"_s).toString() : ra.value(u"verb"_s).toString(),
                                 ra.value(u"group"_s).toString(),
                                 ra.value(u"resource"_s).toString(),
                                 ra.value(u"namespace"_s).toString(),
                                 ra.value(u"name"_s).toString(),
                                 nra.value(u"path"_s).toString()};
        const bool allowed = m_access.allowed(user, access);
        status.insert(u"allowed"_s, allowed);
        if (allowed)
            status.insert(u"reason"_s, u"allowed by the sandbox RBAC table"_s);
    } else {
        status.insert(u"resourceRules"_s, m_access.resourceRules(user, spec.value(u"namespace"_s).toString()));
        status.insert(
            u"nonResourceRules"_s,
            QJsonArray {QJsonObject {
                {u"verbs"_s, QJsonArray {u"get"_s}},
                {u"nonResourceURLs"_s, QJsonArray {u"/api"_s, u"/api/*"_s, u"/apis"_s, u"/apis/*"_s, u"/version"_s}}}});
        status.insert(u"incomplete"_s, false);
    }
    QJsonObject response {{u"kind"_s, target.type->kind},
                          {u"apiVersion"_s, target.type->apiVersion()},
                          {u"metadata"_s, QJsonObject {{u"creationTimestamp"_s, QJsonValue::Null}}},
                          {u"spec"_s, spec},
                          {u"status"_s, status}};
    respondJson(exchange, 201, response);
}

} // namespace Amo::Sandbox
