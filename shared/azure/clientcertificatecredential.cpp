// SPDX-License-Identifier: MIT
#include "shared/azure/clientcertificatecredential.h"

#include "shared/azure/aadtokenjob.h"
#include "shared/azure/clientassertion.h"
#include "shared/util/clock.h"

using namespace Qt::StringLiterals;

namespace Amo::Azure {

ClientCertificateCredential::ClientCertificateCredential(const AadEndpoint &endpoint, const QString &clientId,
                                                         const QString &path, const QByteArray &password,
                                                         QObject *parent)
    : TokenCredential(parent)
    , m_endpoint(endpoint)
    , m_clientId(clientId)
    , m_path(path)
    , m_password(password)
{
}

TokenJob *ClientCertificateCredential::createJob(const QString &scope, QObject *parent)
{
    return new AadTokenJob(
        m_endpoint, name(),
        [this, scope](const QString &tokenUrl, QString *error) -> std::optional<AadTokenJob::Form> {
            const auto assertion = ClientAssertion::load(m_path, m_password, error);
            if (!assertion)
                return std::nullopt;
            const QByteArray jwt = assertion->sign(m_clientId, tokenUrl, m_endpoint.clock->nowUtc(), error);
            if (jwt.isEmpty())
                return std::nullopt;
            return AadTokenJob::Form {
                {u"grant_type"_s, u"client_credentials"_s},
                {u"client_id"_s, m_clientId},
                {u"client_assertion_type"_s, u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s},
                {u"client_assertion"_s, QString::fromLatin1(jwt)},
                {u"scope"_s, scope}};
        },
        parent);
}

} // namespace Amo::Azure
