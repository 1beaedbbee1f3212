// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Amo::Azure {

/** The end of one ARM request after its retries. `error` carries ARM's code, message and request ids. */
struct ArmResponse
{
    bool ok = false;
    int status = 0; // last HTTP status, 0 for a transport failure
    QJsonObject body;
    QString errorCode; // ARM's error.code, e.g. "AuthorizationFailed"
    QString error;
    QByteArray requestId; // x-ms-request-id of the last answer
    int attempts = 0;
};

} // namespace Amo::Azure
