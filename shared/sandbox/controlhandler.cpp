// SPDX-License-Identifier: MIT
#include "shared/sandbox/controlhandler.h"

#include "shared/sandbox/httpserver.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {
HttpResponse problem(int status, const QString &code, const QString &message)
{
    return HttpResponse::json(
        status, QJsonDocument(QJsonObject {{u"error"_s, QJsonObject {{u"code"_s, code}, {u"message"_s, message}}}}));
}
} // namespace

ControlHandler::ControlHandler(HttpServer *server, QByteArray adminToken)
    : m_server(server)
    , m_token(std::move(adminToken))
{
}

bool ControlHandler::handle(const HttpRequest &request, HttpExchange &exchange)
{
    if (!request.path.startsWith(u"/_sandbox/"_s))
        return false;
    const QString route = request.path.mid(10);
    exchange.setRoutePattern(request.path);
    if (route == u"health"_s) {
        exchange.respond(HttpResponse::json(200, QJsonDocument(QJsonObject {{u"status"_s, u"ok"_s}})));
        return true;
    }
    const QByteArray authorization = request.header("authorization");
    const QByteArray presented
        = authorization.startsWith("Bearer ") ? authorization.mid(7) : request.header("x-sandbox-admin-token");
    if (m_token.isEmpty() || presented != m_token) {
        exchange.respond(problem(401, u"Unauthorized"_s, u"The control API needs the sandbox admin token."_s));
        return true;
    }

    const QByteArray &method = request.method;
    if (route == u"requests"_s && method == "GET") {
        exchange.respond(HttpResponse::json(200, QJsonDocument(m_server->requestLog().toJson())));
    } else if (route == u"reset-log"_s && method == "POST") {
        m_server->requestLog().clear();
        exchange.respond(HttpResponse {204, {}, {}});
    } else if (route == u"faults"_s && method == "GET") {
        QJsonArray rules;
        for (const FaultRule &r : m_server->faults().rules())
            rules.append(r.toJson());
        exchange.respond(HttpResponse::json(200, QJsonDocument(QJsonObject {{u"rules"_s, rules}})));
    } else if (route == u"faults"_s && method == "POST") {
        postFaults(request, exchange);
    } else if (route == u"faults"_s && method == "DELETE") {
        m_server->faults().clear();
        exchange.respond(HttpResponse {204, {}, {}});
    } else if (route.startsWith(u"faults/"_s) && method == "DELETE") {
        const bool removed = m_server->faults().remove(route.mid(7));
        exchange.respond(removed ? HttpResponse {204, {}, {}}
                                 : problem(404, u"FaultNotFound"_s, u"No fault rule with that id."_s));
    } else if (!m_extension || !m_extension(request, exchange)) {
        exchange.respond(problem(404, u"NotFound"_s, u"Unknown control route."_s));
    }
    return true;
}

void ControlHandler::postFaults(const HttpRequest &request, HttpExchange &exchange)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        exchange.respond(problem(400, u"InvalidJson"_s, parseError.errorString()));
        return;
    }
    // accepted: one rule, an array of rules, or {"seed": n, "rules": [...]}
    QJsonArray list;
    if (doc.isArray()) {
        list = doc.array();
    } else if (doc.object().contains(u"rules"_s)) {
        list = doc.object().value(u"rules"_s).toArray();
        if (doc.object().contains(u"seed"_s))
            m_server->faults().setSeed(quint32(doc.object().value(u"seed"_s).toInteger()));
    } else {
        list.append(doc.object());
    }
    QList<FaultRule> rules;
    for (const QJsonValue &v : std::as_const(list)) {
        QString error;
        const auto rule = FaultRule::fromJson(v.toObject(), &error);
        if (!rule) {
            exchange.respond(problem(400, u"InvalidFault"_s, error));
            return;
        }
        rules.append(*rule);
    }
    QJsonArray ids;
    for (const FaultRule &r : std::as_const(rules))
        ids.append(m_server->faults().add(r));
    exchange.respond(HttpResponse::json(201, QJsonDocument(QJsonObject {{u"ids"_s, ids}})));
}

} // namespace Amo::Sandbox
