// SPDX-License-Identifier: MIT
#include "shared/azure/accesstoken.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

QDateTime AccessToken::refreshTime(const QDateTime &issued, const QDateTime &expiresOn)
{
    const qint64 lifetime = issued.secsTo(expiresOn);
    if (lifetime <= 0)
        return expiresOn;
    if (lifetime >= 2 * 3600)
        return issued.addSecs(lifetime / 2);
    return expiresOn.addSecs(-std::min<qint64>(300, lifetime / 2));
}

QString AccessToken::tenantOf(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return {};
    const QByteArray payload = QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payload).object().value(u"tid"_s).toString();
}

} // namespace Amo::Azure
