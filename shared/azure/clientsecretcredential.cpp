// SPDX-License-Identifier: MIT
#include "shared/azure/clientsecretcredential.h"

#include "shared/azure/aadtokenjob.h"

using namespace Qt::StringLiterals;

namespace Amo::Azure {

ClientSecretCredential::ClientSecretCredential(const AadEndpoint &endpoint, const QString &clientId,
                                               const QString &secret, QObject *parent)
    : TokenCredential(parent)
    , m_endpoint(endpoint)
    , m_clientId(clientId)
    , m_secret(secret)
{
}

TokenJob *ClientSecretCredential::createJob(const QString &scope, QObject *parent)
{
    return new AadTokenJob(
        m_endpoint, name(),
        [this, scope](const QString &, QString *) -> std::optional<AadTokenJob::Form> {
            return AadTokenJob::Form {{u"grant_type"_s, u"client_credentials"_s},
                                      {u"client_id"_s, m_clientId},
                                      {u"client_secret"_s, m_secret},
                                      {u"scope"_s, scope}};
        },
        parent);
}

} // namespace Amo::Azure
