// SPDX-License-Identifier: MIT
#include "shared/mapping/msilistreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Amo::Mapping {

MsiListReader::Result MsiListReader::read(const QByteArray &json, const QString &source)
{
    Result result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errors << u"%1: not valid JSON at offset %2: %3"_s.arg(source)
                             .arg(parseError.offset)
                             .arg(parseError.errorString());
        return result;
    }

    QJsonArray items;
    if (document.isArray()) {
        items = document.array();
    } else {
        const QJsonObject root = document.object();
        const QJsonValue value = root.value(u"value"_s);
        if (!value.isArray()) {
            result.errors << u"%1: expected an ARM list ({\"value\": [...]}) or a JSON array of identities"_s.arg(
                source);
            return result;
        }
        items = value.toArray();
        const QString nextLink = root.value(u"nextLink"_s).toString();
        if (!nextLink.isEmpty())
            result.warnings << u"%1: nextLink is not followed offline; only the identities in this file are read"_s.arg(
                source);
    }

    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        const QString where = u"%1: item %2"_s.arg(source).arg(i);
        if (!item.isObject()) {
            result.errors << where + u": expected an object"_s;
            continue;
        }
        Model::Msi msi;
        QString error;
        if (!Model::Msi::fromArmJson(item.toObject(), &msi, &error)) {
            const QString id = item.toObject().value(u"id"_s).toString();
            result.errors << where + (id.isEmpty() ? QString() : u" (\"%1\")"_s.arg(id)) + u": "_s + error;
            continue;
        }
        result.msis << msi;
    }
    return result;
}

} // namespace Amo::Mapping
