// SPDX-License-Identifier: MIT
#include "shared/azure/managedidentityjob.h"

#include "shared/azure/httpjob.h"
#include "shared/azure/managedidentitycredential.h"
#include "shared/azure/tokenresponse.h"
#include "shared/util/useragent.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

namespace {

// Microsoft's IMDS guidance: these mean "updating" or "busy"; other 4xx are design-time errors
bool retryable(int status)
{
    return status == 404 || status == 408 || status == 410 || status == 429 || status >= 500;
}

} // namespace

ManagedIdentityJob::ManagedIdentityJob(ManagedIdentityCredential *credential, const QString &scope, QObject *parent)
    : TokenJob(parent)
    , m_credential(credential)
    , m_resource(scope.endsWith(u"/.default"_s) ? scope.chopped(9) : scope)
{
}

void ManagedIdentityJob::start()
{
    attempt();
}

void ManagedIdentityJob::attempt()
{
    if (!m_credential) {
        finishLater(TokenResult::failure(u"ManagedIdentityCredential"_s, u"the credential was destroyed"_s));
        return;
    }
    const ManagedIdentityOptions &o = m_credential->m_options;
    const bool probe = !m_credential->isAppService() && !m_credential->m_imdsAnswered;
    QNetworkRequest request(m_credential->tokenUrl(m_resource));
    request.setHeader(QNetworkRequest::UserAgentHeader, UserAgent::value());
    if (m_credential->isAppService())
        request.setRawHeader("X-IDENTITY-HEADER", o.appServiceHeader);
    else
        request.setRawHeader("Metadata", "true");
    auto *job = new HttpJob(m_credential->m_nam, request, "GET"_ba, {}, probe ? o.probeTimeoutMs : o.timeoutMs, this);
    connect(job, &HttpJob::finished, this, [this, probe](const HttpResult &http) { onAnswer(http, probe); });
    job->start();
}

void ManagedIdentityJob::onAnswer(const HttpResult &http, bool probe)
{
    if (!m_credential) {
        finish(TokenResult::failure(u"ManagedIdentityCredential"_s, u"the credential was destroyed"_s));
        return;
    }
    const QString name = m_credential->name();
    const QString where = m_credential->isAppService() ? u"App Service identity endpoint"_s : u"IMDS"_s;
    if (probe && http.status == 0) {
        finish(TokenResult::failure(name,
                                    u"no managed identity endpoint: %1 at %2 did not answer (%3)"_s.arg(
                                        where, m_credential->m_options.imdsHost.toString(), http.transportError()),
                                    TokenResult::Status::Unavailable));
        return;
    }
    if (!m_credential->isAppService())
        m_credential->m_imdsAnswered = true;
    const ManagedIdentityOptions &o = m_credential->m_options;
    if ((http.status == 0 || retryable(http.status)) && m_retries < o.maxRetries) {
        const qint64 delay = std::min<qint64>(qint64(o.retryDelayMs) << m_retries, o.maxRetryDelayMs);
        ++m_retries;
        QTimer::singleShot(int(delay), this, &ManagedIdentityJob::attempt);
        return;
    }
    TokenResult result = TokenResponse::fromHttp(http, name, m_credential->m_clock);
    if (!result.ok())
        result.error = u"%1: %2 answered: %3"_s.arg(name, where, result.error.mid(name.size() + 2));
    finish(result);
}

} // namespace Amo::Azure
