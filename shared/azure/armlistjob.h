// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/armresponse.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

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
    ArmListJob(ArmClient *client, const QUrl &firstPage, QObject *parent);
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
};

} // namespace Amo::Azure
