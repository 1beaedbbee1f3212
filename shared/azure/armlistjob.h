// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/armresponse.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <functional>

namespace Amo::Azure {

class ArmClient;

/** Every item of a paged ARM list, or a failure: never a truncated list. */
struct ArmListResult
{
    bool ok = false;
    QList<QJsonObject> items;
    int pages = 0;
    ArmResponse failure; // the failing page's response when !ok
    QString error;
};

/** Follows nextLink verbatim until the last page; a failing page fails the list as a whole. */
class ArmListJob : public QObject
{
    Q_OBJECT
public:
    using ItemSink = std::function<void(const QJsonObject &item)>;

    ArmListJob(ArmClient *client, const QUrl &firstPage, QObject *parent);
    /**
     * Hands each item to @p sink as its page arrives instead of collecting them in the result, so a
     * long list is never held as JSON. A later failing page still fails the list: the caller then
     * drops what its sink was given.
     */
    void setItemSink(ItemSink sink) { m_sink = std::move(sink); }
    void start();

Q_SIGNALS:
    void finished(const Amo::Azure::ArmListResult &result);

private:
    void fetch(const QUrl &url);
    void onPage(const ArmResponse &response);
    void fail(const QString &error, const ArmResponse &response = {});

    QPointer<ArmClient> m_client;
    QUrl m_first;
    QSet<QString> m_seen;
    ArmListResult m_result;
    ItemSink m_sink;
};

} // namespace Amo::Azure
