// SPDX-License-Identifier: MIT
// KubeApiHandler: service-account issuer discovery and the TokenRequest subresource.
#include "kubeapihandler.h"

#include "kuberesourcetype.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

void KubeApiHandler::serveIssuerDiscovery(const HttpRequest &request, HttpExchange &exchange)
{
    const bool configuration = request.path == u"/.well-known/openid-configuration"_s;
    exchange.setRoutePattern(request.path);
    if (!m_access.authenticate(request.header("authorization"), request.clientCertificateCommonName,
                               request.clientCertificateOrganizations)) {
        respondError(exchange, KubeStatus::unauthorized());
        return;
    }
    if (!m_issuing.discovery || m_issuing.openIdConfiguration.isEmpty()) {
        respondError(exchange,
                     KubeStatus::make(404, u"NotFound"_s, u"the server could not find the requested resource"_s));
        return;
    }
    if (request.method != "GET" && request.method != "HEAD") {
        respondError(exchange, KubeStatus::methodNotAllowed());
        return;
    }
    // as pkg/serviceaccount/openidmetadata.go serves them: cacheable for an hour
    const QJsonObject body = configuration ? m_issuing.openIdConfiguration : m_issuing.jwks;
    exchange.respond(HttpResponse {200,
                                   {{"Content-Type", configuration ? "application/json" : "application/jwk-set+json"},
                                    {"Cache-Control", "public, max-age=3600"}},
                                   QJsonDocument(body).toJson(QJsonDocument::Compact)});
}

void KubeApiHandler::serveTokenRequest(const HttpRequest &request, HttpExchange &exchange, const Target &target)
{
    const KubeObjectPtr account = m_store->object(*target.type, target.ns, target.name);
    if (!account) {
        respondError(exchange, KubeStatus::notFound(*target.type, target.name));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (!request.body.trimmed().isEmpty() && !document.isObject()) {
        respondError(exchange,
                     KubeStatus::badRequest(u"the object provided is unrecognized: json parse error: "_s
                                            + parseError.errorString()));
        return;
    }
    const QJsonObject spec = document.object().value(u"spec"_s).toObject();
    ServiceAccountTokenRequest tokenRequest;
    tokenRequest.ns = target.ns;
    tokenRequest.serviceAccount = target.name;
    tokenRequest.serviceAccountUid = account->metadata().value(u"uid"_s).toString();
    tokenRequest.audiences.clear();
    for (const QJsonValue &a : spec.value(u"audiences"_s).toArray())
        tokenRequest.audiences.append(a.toString());
    if (tokenRequest.audiences.isEmpty())
        tokenRequest.audiences.append(m_issuing.issuer); // the API server's own audience
    tokenRequest.expirationSeconds = spec.value(u"expirationSeconds"_s).toInteger(3600);
    if (tokenRequest.expirationSeconds < 600) {
        respondError(
            exchange,
            KubeStatus::invalid(u"TokenRequest"_s, u"authentication.k8s.io"_s, target.name,
                                QJsonArray {QJsonObject {{u"reason"_s, u"FieldValueInvalid"_s},
                                                         {u"message"_s,
                                                          u"Invalid value: %1: may not specify a duration less "
                                                          "than 10 minutes"_s.arg(tokenRequest.expirationSeconds)},
                                                         {u"field"_s, u"spec.expirationSeconds"_s}}}));
        return;
    }
    const QJsonObject bound = spec.value(u"boundObjectRef"_s).toObject();
    if (bound.value(u"kind"_s).toString() == u"Pod"_s) {
        tokenRequest.podName = bound.value(u"name"_s).toString();
        tokenRequest.podUid = bound.value(u"uid"_s).toString();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray token = m_issuing.mint(tokenRequest);
    QJsonObject echoedSpec = spec;
    QJsonArray audiences;
    for (const QString &a : std::as_const(tokenRequest.audiences))
        audiences.append(a);
    echoedSpec.insert(u"audiences"_s, audiences);
    echoedSpec.insert(u"expirationSeconds"_s, tokenRequest.expirationSeconds);
    const QJsonObject body {
        {u"kind"_s, u"TokenRequest"_s},
        {u"apiVersion"_s, u"authentication.k8s.io/v1"_s},
        {u"metadata"_s,
         QJsonObject {
             {u"name"_s, target.name}, {u"namespace"_s, target.ns}, {u"creationTimestamp"_s, QJsonValue::Null}}},
        {u"spec"_s, echoedSpec},
        {u"status"_s,
         QJsonObject {{u"token"_s, QString::fromLatin1(token)},
                      {u"expirationTimestamp"_s, now.addSecs(tokenRequest.expirationSeconds).toString(Qt::ISODate)}}}};
    respondJson(exchange, 201, body);
}

} // namespace Amo::Sandbox
