// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/httpjob.h"

namespace Amo::Azure {

/** Turns ARM error answers into one readable line. */
class ArmError
{
public:
    /** ARM's error.code, or an empty string. */
    static QString code(const HttpResult &http);
    /**
     * "HTTP 403 AuthorizationFailed: The client … (x-ms-request-id: …, x-ms-correlation-request-id: …)";
     * transport failures say what broke instead.
     */
    static QString message(const HttpResult &http);
};

} // namespace Amo::Azure
