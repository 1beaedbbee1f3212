// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace Amo::Sandbox {

/**
 * A request's query parameters decoded as the API server decodes them: Go's url.ParseQuery
 * ('+' is a space, then percent-decoding) and apimachinery's string-to-bool conversion.
 */
class KubeQuery
{
public:
    explicit KubeQuery(const QUrlQuery &query);

    /** The first value of @p key, empty when absent. */
    QString value(const QString &key) const;
    bool contains(const QString &key) const { return m_values.contains(key); }
    QStringList values(const QString &key) const { return m_values.value(key); }
    /**
     * apimachinery's Convert_Slice_string_To_bool: absent, "0" or "false" (any case) is false,
     * anything else, even an empty value, is true.
     */
    bool flag(const QString &key) const;

    /** Go's url.QueryUnescape: '+' becomes a space, then %XX is decoded. */
    static QString unescape(const QByteArray &encoded);

private:
    QHash<QString, QStringList> m_values;
};

} // namespace Amo::Sandbox
