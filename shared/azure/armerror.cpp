// SPDX-License-Identifier: MIT
#include "shared/azure/armerror.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

namespace {

QJsonObject errorObject(const HttpResult &http)
{
    const QJsonObject body = QJsonDocument::fromJson(http.body).object();
    // ARM wraps it in "error"; a few RPs answer with the bare object
    return body.contains(u"error"_s) ? body.value(u"error"_s).toObject() : body;
}

} // namespace

QString ArmError::code(const HttpResult &http)
{
    return errorObject(http).value(u"code"_s).toString();
}

QString ArmError::message(const HttpResult &http)
{
    if (http.status == 0)
        return http.transportError();
    const QJsonObject error = errorObject(http);
    QString text = u"HTTP %1"_s.arg(http.status);
    const QString code = error.value(u"code"_s).toString();
    const QString message = error.value(u"message"_s).toString();
    if (!code.isEmpty())
        text += u' ' + code;
    if (!message.isEmpty())
        text += u": "_s + message;
    QStringList ids;
    for (const char *name : {"x-ms-request-id", "x-ms-correlation-request-id", "x-ms-client-request-id"}) {
        const QByteArray value = http.header(name);
        if (!value.isEmpty())
            ids << QString::fromLatin1(name) + u": "_s + QString::fromLatin1(value);
    }
    if (!ids.isEmpty())
        text += u" ("_s + ids.join(u", "_s) + u')';
    return text;
}

} // namespace Amo::Azure
