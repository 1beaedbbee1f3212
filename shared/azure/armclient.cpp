// SPDX-License-Identifier: MIT
#include "shared/azure/armclient.h"

#include "shared/azure/armlistjob.h"
#include "shared/azure/armrequestjob.h"
#include "shared/azure/armtracing.h"
#include "shared/azure/httpjob.h"
#include "shared/azure/msiinventoryjob.h"

#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

ArmClient::ArmClient(QNetworkAccessManager *nam, const CloudEnvironment &cloud, TokenCache *tokens, const Clock &clock,
                     const Logger &logger, const ArmClientOptions &options, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_cloud(cloud)
    , m_tokens(tokens)
    , m_clock(clock)
    , m_logger(logger)
    , m_options(options)
{
}

QUrl ArmClient::url(const QString &path, const QString &apiVersion) const
{
    QUrl url = m_cloud.resourceManagerEndpoint;
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + (path.startsWith(u'/') ? path : u'/' + path));
    url.setQuery(QUrlQuery {{u"api-version"_s, apiVersion}});
    return url;
}

bool ArmClient::isArmUrl(const QUrl &next) const
{
    const QUrl &arm = m_cloud.resourceManagerEndpoint;
    return next.isValid() && next.scheme() == arm.scheme() && next.host().compare(arm.host(), Qt::CaseInsensitive) == 0
        && next.port(next.scheme() == u"https"_s ? 443 : 80) == arm.port(arm.scheme() == u"https"_s ? 443 : 80);
}

ArmRequestJob *ArmClient::get(const QUrl &url, QObject *parent)
{
    return new ArmRequestJob(this, url, parent);
}

ArmRequestJob *ArmClient::put(const QUrl &url, const QJsonObject &body, QObject *parent)
{
    return new ArmRequestJob(this, "PUT"_ba, url, QJsonDocument(body).toJson(QJsonDocument::Compact), parent);
}

QUrl ArmClient::federatedCredentialsUrl(const QString &identityId, const QString &name) const
{
    QString path = identityId.startsWith(u'/') ? identityId.mid(1) : identityId;
    path += u"/federatedIdentityCredentials"_s;
    if (!name.isEmpty())
        path += u'/' + QString::fromUtf8(QUrl::toPercentEncoding(name));
    return url(path, m_options.identityApiVersion);
}

ArmListJob *ArmClient::list(const QUrl &firstPage, QObject *parent)
{
    return new ArmListJob(this, firstPage, parent);
}

ArmListJob *ArmClient::listSubscriptions(QObject *parent)
{
    return list(url(u"subscriptions"_s, m_options.subscriptionApiVersion), parent);
}

ArmRequestJob *ArmClient::getSubscription(const QString &subscriptionId, QObject *parent)
{
    return get(url(u"subscriptions/"_s + subscriptionId, m_options.subscriptionApiVersion), parent);
}

ArmListJob *ArmClient::listUserAssignedIdentities(const QString &subscriptionId, QObject *parent)
{
    return list(
        url(u"subscriptions/%1/providers/Microsoft.ManagedIdentity/userAssignedIdentities"_s.arg(subscriptionId),
            m_options.identityApiVersion),
        parent);
}

MsiInventoryJob *ArmClient::listMsis(const QStringList &subscriptionIds, QObject *parent)
{
    return new MsiInventoryJob(this, subscriptionIds, parent);
}

void ArmClient::onAnswer(const QByteArray &method, const QUrl &url, const QByteArray &token, const HttpResult &http)
{
    ++m_requests;
    static const QByteArray prefix = "x-ms-ratelimit-remaining-";
    for (const auto &[name, value] : http.headers) {
        if (!name.toLower().startsWith(prefix))
            continue;
        bool ok = false;
        const qint64 remaining = value.trimmed().toLongLong(&ok);
        if (ok)
            m_remaining.insert(QString::fromLatin1(name.mid(prefix.size()).toLower()), remaining);
    }
    if (m_tracing)
        m_tracing->record(method, url, token, http);
}

} // namespace Amo::Azure
