// SPDX-License-Identifier: MIT
#include "shared/azure/usernamepasswordcredential.h"

#include "shared/azure/aadtokenjob.h"

using namespace Qt::StringLiterals;

namespace Amo::Azure {

UsernamePasswordCredential::UsernamePasswordCredential(const AadEndpoint &endpoint, const QString &clientId,
                                                       const QString &username, const QString &password,
                                                       QObject *parent)
    : TokenCredential(parent)
    , m_endpoint(endpoint)
    , m_clientId(clientId)
    , m_username(username)
    , m_password(password)
{
}

TokenJob *UsernamePasswordCredential::createJob(const QString &scope, QObject *parent)
{
    return new AadTokenJob(
        m_endpoint, name(),
        [this, scope](const QString &, QString *) -> std::optional<AadTokenJob::Form> {
            return AadTokenJob::Form {{u"grant_type"_s, u"password"_s},
                                      {u"client_id"_s, m_clientId},
                                      {u"username"_s, m_username},
                                      {u"password"_s, m_password},
                                      {u"scope"_s, scope}};
        },
        parent);
}

} // namespace Amo::Azure
