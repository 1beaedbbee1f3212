// SPDX-License-Identifier: MIT
#include "shared/azure/tokenresponse.h"

#include "shared/util/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

namespace {

qint64 seconds(const QJsonValue &v, bool *ok)
{
    if (v.isDouble()) {
        *ok = true;
        return qint64(v.toDouble());
    }
    return v.toString().trimmed().toLongLong(ok);
}

} // namespace

QDateTime TokenResponse::parseExpiresOn(const QJsonValue &value)
{
    bool ok = false;
    const qint64 epoch = seconds(value, &ok);
    if (ok)
        return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC);
    const QString text = value.toString().trimmed();
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid())
        return t.toUTC();
    // App Service 2017: "1/2/2006 3:04:05 PM +00:00"
    const qsizetype zone = text.lastIndexOf(u' ');
    if (zone > 0) {
        t = QLocale::c().toDateTime(text.left(zone), u"M/d/yyyy h:mm:ss AP"_s);
        const QString offset = text.mid(zone + 1);
        if (t.isValid() && offset.size() == 6) {
            const int sign = offset.startsWith(u'-') ? -1 : 1;
            const int secs = sign * (offset.mid(1, 2).toInt() * 3600 + offset.mid(4, 2).toInt() * 60);
            t.setTimeZone(QTimeZone(secs));
            return t.toUTC();
        }
    }
    return {};
}

QString TokenResponse::errorMessage(const QJsonObject &json)
{
    const QString description = json.value(u"error_description"_s).toString();
    // AAD appends "Trace ID: … Correlation ID: … Timestamp: …" on further lines; the first line is the reason
    const QString firstLine = description.section(u'\n', 0, 0).trimmed();
    const QString code = json.value(u"error"_s).toString();
    if (firstLine.startsWith(u"AADSTS"_s))
        return firstLine;
    const QJsonArray codes = json.value(u"error_codes"_s).toArray();
    QString message = code;
    if (!codes.isEmpty())
        message += u" (AADSTS%1)"_s.arg(codes.first().toInteger());
    if (!firstLine.isEmpty())
        message += (message.isEmpty() ? QString() : u": "_s) + firstLine;
    return message;
}

TokenResult TokenResponse::fromJson(const QJsonObject &json, const QString &credential, const Clock &clock)
{
    QString token = json.value(u"access_token"_s).toString();
    if (token.isEmpty())
        token = json.value(u"accessToken"_s).toString();
    if (token.isEmpty())
        return TokenResult::failure(credential, u"the token response has no access token"_s);
    const QDateTime now = clock.nowUtc();
    AccessToken result;
    result.token = token.toLatin1();
    bool ok = false;
    const qint64 expiresIn = seconds(json.value(u"expires_in"_s), &ok);
    if (ok && expiresIn > 0)
        result.expiresOn = now.addSecs(expiresIn);
    else if (json.contains(u"expires_on"_s))
        result.expiresOn = parseExpiresOn(json.value(u"expires_on"_s));
    if (!result.expiresOn.isValid())
        return TokenResult::failure(credential, u"the token response has no readable expiry"_s);
    result.refreshOn = AccessToken::refreshTime(now, result.expiresOn);
    result.tenantId = AccessToken::tenantOf(result.token);
    return TokenResult::success(credential, result);
}

TokenResult TokenResponse::fromHttp(const HttpResult &http, const QString &credential, const Clock &clock)
{
    if (http.status == 0)
        return TokenResult::failure(credential, http.transportError());
    const QJsonObject json = QJsonDocument::fromJson(http.body).object();
    if (http.status == 200)
        return fromJson(json, credential, clock);
    QString message = errorMessage(json);
    if (message.isEmpty())
        message = u"HTTP %1"_s.arg(http.status);
    else
        message = u"HTTP %1: %2"_s.arg(QString::number(http.status), message);
    return TokenResult::failure(credential, message);
}

} // namespace Amo::Azure
