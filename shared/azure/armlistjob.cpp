// SPDX-License-Identifier: MIT
#include "shared/azure/armlistjob.h"

#include "shared/azure/armclient.h"
#include "shared/azure/armrequestjob.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

ArmListJob::ArmListJob(ArmClient *client, const QUrl &firstPage, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_first(firstPage)
{
}

void ArmListJob::start()
{
    fetch(m_first);
}

void ArmListJob::fetch(const QUrl &url)
{
    m_seen.insert(url.toString());
    ArmRequestJob *job = m_client->get(url, this);
    connect(job, &ArmRequestJob::finished, this, &ArmListJob::onPage);
    job->start();
}

void ArmListJob::onPage(const ArmResponse &response)
{
    if (!response.ok)
        return fail(u"page %1 failed: %2"_s.arg(QString::number(m_result.pages + 1), response.error), response);
    const QJsonValue value = response.body.value(u"value"_s);
    if (!value.isArray())
        return fail(u"page %1 has no \"value\" array"_s.arg(m_result.pages + 1), response);
    ++m_result.pages;
    for (const QJsonValue &item : value.toArray()) {
        if (m_sink)
            m_sink(item.toObject());
        else
            m_result.items.append(item.toObject());
    }
    const QString nextLink = response.body.value(u"nextLink"_s).toString();
    if (nextLink.isEmpty()) {
        m_result.ok = true;
        Q_EMIT finished(m_result);
        deleteLater();
        return;
    }
    const QUrl next = QUrl::fromEncoded(nextLink.toUtf8(), QUrl::StrictMode);
    if (!m_client || !m_client->isArmUrl(next))
        return fail(u"nextLink \"%1\" does not point at the ARM endpoint"_s.arg(nextLink), response);
    if (m_seen.contains(next.toString()))
        return fail(u"nextLink \"%1\" repeats an earlier page"_s.arg(nextLink), response);
    if (m_result.pages >= m_client->options().maxPages)
        return fail(u"more than %1 pages"_s.arg(m_client->options().maxPages), response);
    fetch(next);
}

void ArmListJob::fail(const QString &error, const ArmResponse &response)
{
    // a partial list would make the missing MSIs look deleted: hand out nothing
    m_result.ok = false;
    m_result.items.clear();
    m_result.error = error;
    m_result.failure = response;
    Q_EMIT finished(m_result);
    deleteLater();
}

} // namespace Amo::Azure
