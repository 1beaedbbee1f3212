// SPDX-License-Identifier: MIT
#include "listjob.h"

#include "kubeclient.h"
#include "requestjob.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

ListJob::ListJob(KubeClient *client, Resource resource, const QString &ns, const ListOptions &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_resource(resource)
    , m_ns(ns)
    , m_options(options)
{
    if (m_options.pageSize <= 0)
        m_options.pageSize = client->options().listPageSize;
}

void ListJob::start()
{
    requestPage();
}

void ListJob::requestPage()
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(m_options.pageSize));
    if (!m_continue.isEmpty())
        query.addQueryItem(u"continue"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_continue)));
    if (!m_options.labelSelector.isEmpty())
        query.addQueryItem(u"labelSelector"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_options.labelSelector)));
    if (!m_options.fieldSelector.isEmpty())
        query.addQueryItem(u"fieldSelector"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_options.fieldSelector)));
    auto *job = new RequestJob(m_client, "GET", m_resource, m_ns, {}, query, {}, {}, RequestJob::Retry::Safe, this);
    connect(job, &RequestJob::finished, this, [this](const KubeResponse &response) {
        if (response.error.type == KubeError::Type::Gone && !m_continue.isEmpty()
            && m_result.restarts < m_options.maxRestarts) {
            // The snapshot behind the continue token is gone; pages from it cannot be mixed with a new one.
            ++m_result.restarts;
            m_continue.clear();
            m_result.items = QJsonArray();
            m_result.itemCount = 0;
            Q_EMIT restarted();
            requestPage();
            return;
        }
        if (!response.ok()) {
            m_result.error = response.error;
            finish();
            return;
        }
        const QJsonObject metadata = response.object.value(u"metadata"_s).toObject();
        const QJsonArray items = response.object.value(u"items"_s).toArray();
        ++m_result.pages;
        m_result.itemCount += items.size();
        if (m_continue.isEmpty())
            m_result.resourceVersion = metadata.value(u"resourceVersion"_s).toString();
        if (m_options.keepItems) {
            for (const QJsonValue &item : items)
                m_result.items.append(item);
        }
        Q_EMIT page(items);
        m_continue = metadata.value(u"continue"_s).toString();
        if (m_continue.isEmpty())
            finish();
        else
            requestPage();
    });
    job->start();
}

void ListJob::finish()
{
    Q_EMIT finished(m_result);
    deleteLater();
}

} // namespace Amo::Kube
