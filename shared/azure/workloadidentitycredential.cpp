// SPDX-License-Identifier: MIT
#include "shared/azure/workloadidentitycredential.h"

#include "shared/azure/aadtokenjob.h"

#include "shared/util/boundedfile.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

WorkloadIdentityCredential::WorkloadIdentityCredential(const AadEndpoint &endpoint, const QString &clientId,
                                                       const QString &tokenFile, QObject *parent)
    : TokenCredential(parent)
    , m_endpoint(endpoint)
    , m_clientId(clientId)
    , m_tokenFile(tokenFile)
{
}

TokenJob *WorkloadIdentityCredential::createJob(const QString &scope, QObject *parent)
{
    return new AadTokenJob(
        m_endpoint, name(),
        [this, scope](const QString &, QString *error) -> std::optional<AadTokenJob::Form> {
            QFile file(m_tokenFile);
            if (!file.exists()) {
                *error = u"federated token file %1 not found"_s.arg(m_tokenFile);
                return std::nullopt;
            }
            const Util::BoundedFile::Result read = Util::BoundedFile::read(m_tokenFile);
            if (!read.ok) {
                *error = u"cannot read federated token file: %1"_s.arg(read.error);
                return std::nullopt;
            }
            const QByteArray token = read.data.trimmed();
            if (token.isEmpty()) {
                *error = u"federated token file %1 is empty"_s.arg(m_tokenFile);
                return std::nullopt;
            }
            return AadTokenJob::Form {
                {u"grant_type"_s, u"client_credentials"_s},
                {u"client_id"_s, m_clientId},
                {u"client_assertion_type"_s, u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s},
                {u"client_assertion"_s, QString::fromLatin1(token)},
                {u"scope"_s, scope}};
        },
        parent);
}

} // namespace Amo::Azure
