// SPDX-License-Identifier: MIT
#pragma once

#include "shared/sandbox/httpexchange.h"

#include <functional>

namespace Amo::Sandbox {

class HttpServer;

/**
 * The sandbox's own control API under /_sandbox/, guarded by an admin token
 * (`Authorization: Bearer <token>` or `X-Sandbox-Admin-Token: <token>`):
 * GET /_sandbox/health (no token), GET /_sandbox/requests, POST /_sandbox/reset-log,
 * GET|POST|DELETE /_sandbox/faults, DELETE /_sandbox/faults/{id}.
 */
class ControlHandler final : public HttpHandler
{
public:
    /** Serves further control routes (already authenticated); returns false when not its route. */
    using Extension = std::function<bool(const HttpRequest &, HttpExchange &)>;

    ControlHandler(HttpServer *server, QByteArray adminToken);
    bool handle(const HttpRequest &request, HttpExchange &exchange) override;
    void setExtension(Extension extension) { m_extension = std::move(extension); }
    QByteArray adminToken() const { return m_token; }

private:
    void postFaults(const HttpRequest &request, HttpExchange &exchange);

    HttpServer *m_server;
    QByteArray m_token;
    Extension m_extension;
};

} // namespace Amo::Sandbox
