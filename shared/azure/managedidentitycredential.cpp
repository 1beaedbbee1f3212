// SPDX-License-Identifier: MIT
#include "shared/azure/managedidentitycredential.h"

#include "shared/azure/managedidentityjob.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

ManagedIdentityCredential::ManagedIdentityCredential(QNetworkAccessManager *nam, const Clock &clock,
                                                     const ManagedIdentityOptions &options, QObject *parent)
    : TokenCredential(parent)
    , m_nam(nam)
    , m_clock(clock)
    , m_options(options)
{
}

TokenJob *ManagedIdentityCredential::createJob(const QString &scope, QObject *parent)
{
    return new ManagedIdentityJob(this, scope, parent);
}

QUrl ManagedIdentityCredential::tokenUrl(const QString &resource) const
{
    QUrl url;
    QUrlQuery query;
    if (isAppService()) {
        url = m_options.appServiceEndpoint;
        query = QUrlQuery(url);
        query.addQueryItem(u"api-version"_s, u"2019-08-01"_s);
        if (!m_options.clientId.isEmpty())
            query.addQueryItem(u"client_id"_s, m_options.clientId);
        else if (!m_options.resourceId.isEmpty())
            query.addQueryItem(u"mi_res_id"_s, m_options.resourceId); // App Service spells it mi_, IMDS msi_
    } else {
        url = m_options.imdsHost;
        url.setPath(u"/metadata/identity/oauth2/token"_s);
        query.addQueryItem(u"api-version"_s, u"2018-02-01"_s);
        if (!m_options.clientId.isEmpty())
            query.addQueryItem(u"client_id"_s, m_options.clientId);
        else if (!m_options.resourceId.isEmpty())
            query.addQueryItem(u"msi_res_id"_s, m_options.resourceId);
    }
    query.addQueryItem(u"resource"_s, QString::fromLatin1(QUrl::toPercentEncoding(resource)));
    url.setQuery(query);
    return url;
}

} // namespace Amo::Azure
