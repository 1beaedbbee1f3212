// SPDX-License-Identifier: MIT
#pragma once

#include "shared/config/operatorconfig.h"

#include <QtGlobal>

#include <algorithm>
#include <chrono>

namespace Amo::Agent {

/**
 * The limits the agent's HTTP server enforces on every connection, as Go's http.Server does with
 * ReadTimeout and WriteTimeout, plus a cap on the size of one request (head and body).
 */
struct HttpLimits
{
    /** From accepting a connection (or finishing the previous response) until the whole request is in. */
    std::chrono::milliseconds readTimeout {5000};
    /** From the end of the request until the whole response has been handed to the kernel. */
    std::chrono::milliseconds writeTimeout {10000};
    /** Request line, headers and body together. */
    qint64 maxRequestBytes = 64 * 1024;

    static HttpLimits fromConfig(const Config::OperatorConfig &config)
    {
        HttpLimits limits;
        // Sub-millisecond values are legal Go durations; a timer needs at least 1 ms.
        limits.readTimeout = std::chrono::milliseconds(std::max<qint64>(1, config.serverTimeoutRead.milliseconds()));
        limits.writeTimeout = std::chrono::milliseconds(std::max<qint64>(1, config.serverTimeoutWrite.milliseconds()));
        return limits;
    }
};

} // namespace Amo::Agent
