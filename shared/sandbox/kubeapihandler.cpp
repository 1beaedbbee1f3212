// SPDX-License-Identifier: MIT
#include "kubeapihandler.h"

#include "kubediscovery.h"
#include "kubeopenapi.h"
#include "kuberesourcetype.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {

const QByteArray kContentType = QByteArrayLiteral("Content-Type");

QString query(const HttpRequest &request, const QString &key)
{
    return request.query.queryItemValue(key, QUrl::FullyDecoded);
}

bool isWatch(const HttpRequest &request)
{
    const QString w = query(request, u"watch"_s);
    return w == u"true" || w == u"1";
}

KubeError pageNotFound()
{
    return KubeStatus::make(404, u"NotFound"_s, u"the server could not find the requested resource"_s,
                            QJsonObject {{u"causes"_s,
                                          QJsonArray {QJsonObject {{u"reason"_s, u"UnexpectedServerResponse"_s},
                                                                   {u"message"_s, u"404 page not found"_s}}}}});
}

std::optional<QJsonObject> parseObject(const QByteArray &body, KubeError *error)
{
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
    const auto user = m_access.authenticate(request.header("authorization"), request.clientCertificateCommonName,
                                            request.clientCertificateOrganizations);
    if (!user) {
        respondError(exchange, KubeStatus::unauthorized());
        return true;
    }
    const KubeAccess access {
        verbFor(request, *target), target->type->group, target->type->resource, target->ns, target->name, request.path};
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
        // Only v3, and only what kubectl needs to hand validation to the server; v2 answers 404.
        pattern = u"/openapi/{version}"_s;
        if (s == QStringList {u"openapi"_s, u"v3"_s}) {
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

void KubeApiHandler::serveResource(const HttpRequest &request, HttpExchange &exchange, const Target &target,
                                   const KubeUser &user)
{
    const KubeResourceType &type = *target.type;
    const QString verb = verbFor(request, target);
    if (type.group == u"authorization.k8s.io") {
        serveReview(request, exchange, target, user);
        return;
    }
    if (!target.subresource.isEmpty()) {
        respondError(exchange, pageNotFound()); // the aad-pod-identity CRDs declare no subresources
        return;
    }
    const bool collectionVerb = verb == u"list" || verb == u"watch" || verb == u"create" || verb == u"deletecollection";
    if (!type.hasVerb(verb) || collectionVerb != target.name.isEmpty()) {
        respondError(exchange, KubeStatus::methodNotAllowed());
        return;
    }
    if (verb == u"list" || verb == u"deletecollection") {
        serveCollection(request, exchange, target);
        return;
    }
    if (verb == u"watch") {
        serveWatch(request, exchange, target);
        return;
    }
    KubeResult result;
    int okStatus = 200;
    KubeError error;
    if (verb == u"get") {
        result = m_store->get(type, target.ns, target.name);
    } else if (verb == u"create" || verb == u"update") {
        const auto body = parseObject(request.body, &error);
        if (!body) {
            respondError(exchange, error);
            return;
        }
        okStatus = verb == u"create" ? 201 : 200;
        result = verb == u"create" ? m_store->create(type, target.ns, *body)
                                   : m_store->update(type, target.ns, target.name, *body);
    } else if (verb == u"patch") {
        const QByteArray contentType = request.header("content-type").split(';').constFirst().trimmed();
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
            respondError(exchange, KubeStatus::unsupportedMediaType());
            return;
        }
        result = m_store->patch(type, target.ns, target.name, patchType, request.body);
    } else {
        const QJsonObject options = QJsonDocument::fromJson(request.body).object();
        result = m_store->remove(type, target.ns, target.name, options);
    }
    if (!result.ok())
        respondError(exchange, result.error);
    else
        respondObject(exchange, okStatus, result.object);
}

} // namespace Amo::Sandbox
