// SPDX-License-Identifier: MIT
#include "kubeapihandler.h"

#include "kubediscovery.h"
#include "kubeopenapi.h"
#include "kubeprotobuf.h"
#include "kubequery.h"
#include "kuberesourcetype.h"
#include "kubetable.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

const QByteArray kContentType = QByteArrayLiteral("Content-Type");

bool isWatch(const HttpRequest &request)
{
    return KubeQuery(request.query).flag(u"watch"_s);
}

bool isHealthPath(const QStringList &segments)
{
    static const QStringList roots {u"healthz"_s, u"livez"_s, u"readyz"_s};
    return !segments.isEmpty() && roots.contains(segments.constFirst()) && segments.size() <= 2;
}

QByteArray mediaType(const HttpRequest &request)
{
    return request.header("content-type").split(';').constFirst().trimmed().toLower();
}

// The options every write shares, checked as ValidateCreateOptions / ValidateUpdateOptions do.
std::optional<KubeWriteOptions> writeOptions(const KubeQuery &query, const QString &verb, KubeError *error)
{
    KubeWriteOptions options;
    const QString kind = verb == u"create"                 ? u"CreateOptions"_s
        : verb == u"delete" || verb == u"deletecollection" ? u"DeleteOptions"_s
        : verb == u"patch"                                 ? u"PatchOptions"_s
                                                           : u"UpdateOptions"_s;
    QJsonArray causes;
    for (const QString &v : query.values(u"dryRun"_s)) {
        if (v != u"All") {
            causes.append(QJsonObject {
                {u"reason"_s, u"FieldValueNotSupported"_s},
                {u"message"_s, QString(u"Unsupported value: \""_s % v % u"\": supported values: \"All\""_s)},
                {u"field"_s, u"dryRun"_s}});
        }
        options.dryRun = true;
    }
    const QString validation = query.value(u"fieldValidation"_s);
    if (!validation.isEmpty() && validation != u"Ignore" && validation != u"Warn" && validation != u"Strict") {
        causes.append(QJsonObject {{u"reason"_s, u"FieldValueNotSupported"_s},
                                   {u"message"_s,
                                    QString(u"Unsupported value: \""_s % validation
                                            % u"\": supported values: \"Ignore\", \"Strict\", \"Warn\""_s)},
                                   {u"field"_s, u"fieldValidation"_s}});
    }
    if (!validation.isEmpty())
        options.fieldValidation = validation;
    if (!causes.isEmpty()) {
        *error = KubeStatus::invalid(kind, u"meta.k8s.io"_s, {}, causes);
        return std::nullopt;
    }
    return options;
}

HeaderList warningHeaders(const QStringList &warnings)
{
    HeaderList headers;
    for (QString w : warnings)
        headers.append({QByteArrayLiteral("Warning"), "299 - \"" + w.replace(u'"', u"\\\""_s).toUtf8() + '"'});
    return headers;
}

KubeError pageNotFound()
{
    return KubeStatus::make(404, u"NotFound"_s, u"the server could not find the requested resource"_s,
                            QJsonObject {{u"causes"_s,
                                          QJsonArray {QJsonObject {{u"reason"_s, u"UnexpectedServerResponse"_s},
                                                                   {u"message"_s, u"404 page not found"_s}}}}});
}

std::optional<QJsonObject> parseObject(const HttpRequest &request, const KubeResourceType &type, KubeError *error)
{
    const QByteArray &body = request.body;
    if (mediaType(request) == KubeProtobuf::kMediaType) {
        // Custom resources have no protobuf form; of the built-ins only the ones the simulator lets clients write.
        if (type.customResource || !KubeProtobuf::supports(type.apiVersion(), type.kind)) {
            *error = KubeStatus::make(415, u"UnsupportedMediaType"_s,
                                      u"the body of the request was in an unknown format - accepted media types "
                                      "include: application/json, application/yaml"_s);
            return std::nullopt;
        }
        QString message;
        const auto object = KubeProtobuf::decode(body, &message);
        if (!object)
            *error = KubeStatus::badRequest(message);
        return object;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = KubeStatus::badRequest(u"the object provided is unrecognized: json parse error: "_s
                                        + (document.isObject() ? parseError.errorString() : u"not a JSON object"_s));
        return std::nullopt;
    }
    return document.object();
}

} // namespace

KubeApiHandler::KubeApiHandler(const Clock &clock)
    : m_store(std::make_unique<KubeStore>(clock))
{
    for (const QJsonValue &crd : KubeDiscovery::customResourceDefinitions())
        m_store->put(crd.toObject());
}

KubeApiHandler::~KubeApiHandler() = default;

QString KubeApiHandler::loadScenario(const QJsonObject &section)
{
    const QString error = m_store->loadScenario(section);
    return error.isEmpty() ? m_access.loadScenario(section) : error;
}

void KubeApiHandler::respondJson(HttpExchange &exchange, int status, const QJsonObject &body)
{
    exchange.respond(HttpResponse::json(status, QJsonDocument(body)));
}

void KubeApiHandler::respondError(HttpExchange &exchange, const KubeError &error)
{
    respondJson(exchange, error.code, error.status);
}

void KubeApiHandler::respondObject(HttpExchange &exchange, int status, const KubeObjectPtr &object)
{
    exchange.respond(
        HttpResponse {status, {{kContentType, QByteArrayLiteral("application/json")}}, object->compactJson()});
}

bool KubeApiHandler::handle(const HttpRequest &request, HttpExchange &exchange)
{
    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    if (segments.isEmpty())
        return false;
    const QString root = segments.constFirst();
    if (isHealthPath(segments)) {
        serveHealth(request, exchange, segments);
        return true;
    }
    if (request.path == u"/.well-known/openid-configuration"_s || request.path == u"/openid/v1/jwks"_s) {
        serveIssuerDiscovery(request, exchange);
        return true;
    }
    if (root != u"api" && root != u"apis" && root != u"version" && root != u"openapi")
        return false;
    if (handleDiscovery(request, exchange))
        return true;

    std::optional<Target> target;
    if (root == u"api" && segments.size() >= 3 && segments.at(1) == u"v1")
        target = parseResourcePath(segments.mid(2), {}, u"v1"_s, u"/api/v1"_s);
    else if (root == u"apis" && segments.size() >= 4)
        target = parseResourcePath(segments.mid(3), segments.at(1), segments.at(2), u"/apis/{group}/{version}"_s);
    if (!target) {
        exchange.setRoutePattern(u"/"_s + root + u"/{unknown}"_s);
        respondError(exchange, pageNotFound());
        return true;
    }
    exchange.setRoutePattern(target->pattern);
    const auto caller = m_access.authenticate(request.header("authorization"), request.clientCertificateCommonName,
                                              request.clientCertificateOrganizations);
    if (!caller) {
        respondError(exchange, KubeStatus::unauthorized());
        return true;
    }
    KubeError impersonationError;
    const auto user = impersonate(request, *caller, &impersonationError);
    if (!user) {
        respondError(exchange, impersonationError);
        return true;
    }
    // RBAC names a subresource as "resource/subresource" (serviceaccounts/token)
    const QString resource
        = target->subresource.isEmpty() ? target->type->resource : target->type->resource + u'/' + target->subresource;
    const KubeAccess access {
        verbFor(request, *target), target->type->group, resource, target->ns, target->name, request.path};
    if (!m_access.allowed(*user, access)) {
        respondError(exchange, KubeAccessControl::forbidden(*user, access));
        return true;
    }
    serveResource(request, exchange, *target, *user);
    return true;
}

bool KubeApiHandler::handleDiscovery(const HttpRequest &request, HttpExchange &exchange)
{
    const QStringList s = request.path.split(u'/', Qt::SkipEmptyParts);
    QString pattern;
    QJsonObject body;
    if (s == QStringList {u"version"_s}) {
        exchange.setRoutePattern(u"/version"_s);
        respondJson(exchange, 200, KubeDiscovery::version()); // open to anonymous callers, as on real clusters
        return true;
    } else if (s.constFirst() == u"openapi") {
        // What kubectl needs: v3 paths (fieldValidation) and schemas (explain); v2 as JSON.
        pattern = u"/openapi/{version}"_s;
        if (s == QStringList {u"openapi"_s, u"v2"_s}) {
            body = KubeOpenApi::swagger();
        } else if (s == QStringList {u"openapi"_s, u"v3"_s}) {
            body = KubeOpenApi::index();
        } else if (s.size() >= 3 && s.at(1) == u"v3") {
            pattern = u"/openapi/v3/{groupVersion}"_s;
            if (s.at(2) == u"api" && s.size() == 4)
                body = KubeOpenApi::groupVersion({}, s.at(3));
            else if (s.at(2) == u"apis" && s.size() == 5)
                body = KubeOpenApi::groupVersion(s.at(3), s.at(4));
        }
    } else if (s == QStringList {u"api"_s}) {
        pattern = u"/api"_s;
        body = KubeDiscovery::coreVersions();
    } else if (s == QStringList {u"api"_s, u"v1"_s}) {
        pattern = u"/api/v1"_s;
        body = KubeDiscovery::resourceList({}, u"v1"_s);
    } else if (s == QStringList {u"apis"_s}) {
        pattern = u"/apis"_s;
        body = KubeDiscovery::groupList();
    } else if (s.size() == 2 && s.at(0) == u"apis") {
        pattern = u"/apis/{group}"_s;
        body = KubeDiscovery::group(s.at(1));
    } else if (s.size() == 3 && s.at(0) == u"apis") {
        pattern = u"/apis/{group}/{version}"_s;
        body = KubeDiscovery::resourceList(s.at(1), s.at(2));
    } else {
        return false;
    }
    exchange.setRoutePattern(pattern);
    if (!m_access.authenticate(request.header("authorization"), request.clientCertificateCommonName,
                               request.clientCertificateOrganizations)) {
        respondError(exchange, KubeStatus::unauthorized());
    } else if (body.isEmpty()) {
        respondError(exchange, pageNotFound());
    } else {
        respondJson(exchange, 200, body);
    }
    return true;
}

std::optional<KubeApiHandler::Target> KubeApiHandler::parseResourcePath(const QStringList &segments,
                                                                        const QString &group, const QString &version,
                                                                        const QString &prefixPattern) const
{
    Target t;
    QStringList rest = segments;
    QString pattern = prefixPattern;
    // "namespaces/{ns}/{resource}..." is a namespaced path; "namespaces" and "namespaces/{name}" are not.
    if (rest.size() >= 3 && rest.at(0) == u"namespaces") {
        t.ns = rest.at(1);
        rest = rest.mid(2);
        pattern += u"/namespaces/{namespace}"_s;
    }
    t.type = KubeResourceType::find(group, version, rest.at(0));
    if (!t.type || rest.size() > 3)
        return std::nullopt;
    // Namespaced resources: items only under a namespace; cluster-wide paths may only list or watch.
    if (!t.ns.isEmpty() ? !t.type->namespaced : (t.type->namespaced && rest.size() > 1))
        return std::nullopt;
    pattern += u"/{resource}"_s;
    if (rest.size() >= 2) {
        t.name = rest.at(1);
        pattern += u"/{name}"_s;
    }
    if (rest.size() == 3) {
        t.subresource = rest.at(2);
        pattern += u"/{subresource}"_s;
    }
    t.pattern = pattern;
    return t;
}

QString KubeApiHandler::verbFor(const HttpRequest &request, const Target &target)
{
    const QByteArray &m = request.method;
    if (m == "GET" || m == "HEAD")
        return !target.name.isEmpty() ? u"get"_s : isWatch(request) ? u"watch"_s : u"list"_s;
    if (m == "POST")
        return u"create"_s;
    if (m == "PUT")
        return u"update"_s;
    if (m == "PATCH")
        return u"patch"_s;
    if (m == "DELETE")
        return target.name.isEmpty() ? u"deletecollection"_s : u"delete"_s;
    return QString::fromLatin1(m).toLower();
}

void KubeApiHandler::serveHealth(const HttpRequest &request, HttpExchange &exchange, const QStringList &segments)
{
    // As the API server's healthz handlers: open to anonymous callers (system:public-info-viewer),
    // "ok", or the list of checks with ?verbose.
    exchange.setRoutePattern(u"/"_s + segments.constFirst());
    static const QStringList checks {u"ping"_s, u"log"_s, u"etcd"_s,
                                     u"poststarthook/start-apiextensions-controllers"_s};
    if (segments.size() == 2 && !checks.contains(segments.at(1))) {
        exchange.respond(HttpResponse {404,
                                       {{kContentType, QByteArrayLiteral("text/plain; charset=utf-8")}},
                                       QByteArrayLiteral("404 page not found\n")});
        return;
    }
    QByteArray body = "ok";
    if (segments.size() == 1 && KubeQuery(request.query).contains(u"verbose"_s)) {
        body.clear();
        for (const QString &c : checks)
            body += "[+]" + c.toUtf8() + " ok\n";
        body += segments.constFirst().toUtf8() + " check passed\n";
    }
    exchange.respond(HttpResponse {200,
                                   {{kContentType, QByteArrayLiteral("text/plain; charset=utf-8")},
                                    {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")}},
                                   body});
}

std::optional<KubeUser> KubeApiHandler::impersonate(const HttpRequest &request, const KubeUser &caller,
                                                    KubeError *error) const
{
    const QString userName = QString::fromUtf8(request.header("impersonate-user"));
    const QByteArray groupHeader = request.header("impersonate-group");
    const QString uid = QString::fromUtf8(request.header("impersonate-uid"));
    if (userName.isEmpty()) {
        if (!groupHeader.isEmpty() || !uid.isEmpty()) {
            // The impersonation filter's answer to groups or a uid without a user.
            *error = KubeStatus::make(500, u"InternalError"_s,
                                      u"Internal error occurred: requested impersonation of groups or a uid without "
                                      "impersonating a user"_s);
            return std::nullopt;
        }
        return caller;
    }
    QStringList groups;
    for (const QByteArray &g : groupHeader.split(',')) {
        if (!g.trimmed().isEmpty())
            groups.append(QString::fromUtf8(g.trimmed()));
    }
    // Each impersonated attribute is an "impersonate" verb on users, groups or uids, checked by RBAC.
    QList<KubeAccess> checks {{u"impersonate"_s, {}, u"users"_s, {}, userName, {}}};
    for (const QString &g : std::as_const(groups))
        checks.append({u"impersonate"_s, {}, u"groups"_s, {}, g, {}});
    if (!uid.isEmpty())
        checks.append({u"impersonate"_s, u"authentication.k8s.io"_s, u"uids"_s, {}, uid, {}});
    for (const KubeAccess &access : std::as_const(checks)) {
        if (!m_access.allowed(caller, access)) {
            *error = KubeAccessControl::forbidden(caller, access);
            return std::nullopt;
        }
    }
    if (!groups.contains(u"system:authenticated"_s) && userName != u"system:anonymous")
        groups.append(u"system:authenticated"_s);
    return KubeUser {userName, groups};
}

void KubeApiHandler::serveResource(const HttpRequest &request, HttpExchange &exchange, const Target &target,
                                   const KubeUser &user)
{
    const KubeResourceType &type = *target.type;
    const QString verb = verbFor(request, target);
    if (type.group == u"authorization.k8s.io" || type.group == u"authentication.k8s.io") {
        serveReview(request, exchange, target, user);
        return;
    }
    if (!target.subresource.isEmpty()) {
        if (type.kind == u"ServiceAccount" && target.subresource == u"token" && request.method == "POST"
            && m_issuing.mint)
            serveTokenRequest(request, exchange, target);
        else
            respondError(exchange, pageNotFound()); // the aad-pod-identity CRDs declare no subresources
        return;
    }
    const bool collectionVerb = verb == u"list" || verb == u"watch" || verb == u"create" || verb == u"deletecollection";
    if (!type.hasVerb(verb) || collectionVerb != target.name.isEmpty()) {
        respondError(exchange, KubeStatus::methodNotAllowed());
        return;
    }
    const KubeQuery query(request.query);
    KubeError error;
    std::optional<KubeWriteOptions> options = KubeWriteOptions {};
    if (verb != u"get" && verb != u"list" && verb != u"watch")
        options = writeOptions(query, verb, &error);
    if (!options) {
        respondError(exchange, error);
        return;
    }
    if (verb == u"list" || verb == u"deletecollection") {
        serveCollection(request, exchange, target, *options);
        return;
    }
    if (verb == u"watch") {
        serveWatch(request, exchange, target);
        return;
    }
    KubeResult result;
    int okStatus = 200;
    if (verb == u"get") {
        result = m_store->get(type, target.ns, target.name);
        if (result.ok() && KubeTable::wanted(request.header("accept"), type)) {
            QJsonObject table = KubeTable::build(type, {result.object}, query.value(u"includeObject"_s),
                                                 QDateTime::currentDateTimeUtc());
            table.insert(u"metadata"_s,
                         QJsonObject {{u"resourceVersion"_s, QString::number(result.object->resourceVersion())}});
            respondJson(exchange, 200, table);
            return;
        }
    } else if (verb == u"create" || verb == u"update") {
        const auto body = parseObject(request, type, &error);
        if (!body) {
            respondError(exchange, error);
            return;
        }
        const bool existed = m_store->object(type, target.ns, target.name) != nullptr;
        result = verb == u"create" ? m_store->create(type, target.ns, *body, *options)
                                   : m_store->update(type, target.ns, target.name, *body, *options);
        okStatus = verb == u"create" || !existed ? 201 : 200; // a PUT that created answers 201
    } else if (verb == u"patch") {
        const QByteArray contentType = mediaType(request);
        KubePatchType patchType;
        if (contentType == "application/merge-patch+json") {
            patchType = KubePatchType::Merge;
        } else if (contentType == "application/json-patch+json") {
            patchType = KubePatchType::Json;
        } else if (contentType == "application/strategic-merge-patch+json") {
            patchType = KubePatchType::Strategic;
        } else if (contentType == "application/apply-patch+yaml") {
            patchType = KubePatchType::Apply;
        } else {
            respondError(exchange, KubeStatus::unsupportedMediaType(!type.customResource));
            return;
        }
        result = m_store->patch(type, target.ns, target.name, patchType, request.body, *options);
    } else {
        KubeError bodyError;
        QJsonObject deleteOptions;
        if (!request.body.trimmed().isEmpty()) {
            const auto parsed = parseObject(request, type, &bodyError);
            if (!parsed) {
                respondError(exchange, bodyError);
                return;
            }
            deleteOptions = *parsed;
            // DeleteOptions may carry dryRun in the body, as kubectl and client-go send it.
            for (const QJsonValue &v : deleteOptions.value(u"dryRun"_s).toArray())
                options->dryRun = options->dryRun || v.toString() == u"All";
        }
        result = m_store->remove(type, target.ns, target.name, deleteOptions, *options);
        if (result.ok()) {
            respondDeleted(exchange, type, result.object, options->dryRun);
            return;
        }
    }
    const HeaderList warnings = warningHeaders(result.warnings);
    if (!result.ok()) {
        exchange.respond(HttpResponse::json(result.error.code, QJsonDocument(result.error.status), warnings));
        return;
    }
    HttpResponse response {okStatus, warnings, result.object->compactJson()};
    response.headers.append({kContentType, QByteArrayLiteral("application/json")});
    exchange.respond(response);
}

void KubeApiHandler::respondDeleted(HttpExchange &exchange, const KubeResourceType &type, const KubeObjectPtr &object,
                                    bool dryRun)
{
    const QJsonObject metadata = object->metadata();
    const QString name = metadata.value(u"name"_s).toString();
    const bool stillThere = m_store->object(type, metadata.value(u"namespace"_s).toString(), name) != nullptr;
    // Not gone yet (finalizers, a terminating namespace): 202 with the object, as handlers/delete.go answers.
    if (metadata.contains(u"deletionTimestamp"_s) && (dryRun || stillThere)) {
        respondObject(exchange, 202, object);
        return;
    }
    // Custom resources and namespaces return the deleted object; other built-ins a Success Status.
    if (type.customResource || type.kind == u"Namespace") {
        respondObject(exchange, 200, object);
        return;
    }
    QJsonObject status = KubeStatus::success();
    QJsonObject details {{u"name"_s, name}, {u"kind"_s, type.resource}, {u"uid"_s, metadata.value(u"uid"_s)}};
    if (!type.group.isEmpty())
        details.insert(u"group"_s, type.group);
    status.insert(u"details"_s, details);
    respondJson(exchange, 200, status);
}

} // namespace Amo::Sandbox
