// SPDX-License-Identifier: MIT
#include "shared/azure/managedidentityjob.h"

#include "shared/azure/httpjob.h"
#include "shared/azure/managedidentitycredential.h"
#include "shared/azure/tokenresponse.h"
#include "shared/util/useragent.h"

#include <QJsonDocument>
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
    if (m_credential && !m_credential->isAppService() && !m_credential->m_imdsAnswered)
        probe();
    else
        attempt();
}

void ManagedIdentityJob::probe()
{
    const ManagedIdentityOptions &o = m_credential->m_options;
    QNetworkRequest request(m_credential->tokenUrl(m_resource));
    request.setHeader(QNetworkRequest::UserAgentHeader, UserAgent::value());
    // deliberately without "Metadata: true": IMDS answers 400 at once, without issuing a token
    auto *job = new HttpJob(m_credential->m_nam, request, "GET"_ba, {}, o.probeTimeoutMs, this);
    connect(job, &HttpJob::finished, this, [this](const HttpResult &http) {
        if (!m_credential) {
            finish(TokenResult::failure(u"ManagedIdentityCredential"_s, u"the credential was destroyed"_s));
            return;
        }
        if (http.status == 0) {
            const QString why = http.timedOut ? u"managed identity timed out"_s : http.transportError();
            finish(TokenResult::failure(m_credential->name(),
                                        u"no managed identity endpoint: IMDS at %1 did not answer (%2)"_s.arg(
                                            m_credential->m_options.imdsHost.toString(), why),
                                        TokenResult::Status::Unavailable));
            return;
        }
        m_credential->m_imdsAnswered = true;
        attempt();
    });
    job->start();
}

void ManagedIdentityJob::attempt()
{
    if (!m_credential) {
        finishLater(TokenResult::failure(u"ManagedIdentityCredential"_s, u"the credential was destroyed"_s));
        return;
    }
    const ManagedIdentityOptions &o = m_credential->m_options;
    QNetworkRequest request(m_credential->tokenUrl(m_resource));
    request.setHeader(QNetworkRequest::UserAgentHeader, UserAgent::value());
    if (m_credential->isAppService())
        request.setRawHeader("X-IDENTITY-HEADER", o.appServiceHeader);
    else
        request.setRawHeader("Metadata", "true");
    auto *job = new HttpJob(m_credential->m_nam, request, "GET"_ba, {}, o.timeoutMs, this);
    connect(job, &HttpJob::finished, this, &ManagedIdentityJob::onAnswer);
    job->start();
}

void ManagedIdentityJob::onAnswer(const HttpResult &http)
{
    if (!m_credential) {
        finish(TokenResult::failure(u"ManagedIdentityCredential"_s, u"the credential was destroyed"_s));
        return;
    }
    const QString name = m_credential->name();
    const QString where = m_credential->isAppService() ? u"App Service identity endpoint"_s : u"IMDS"_s;
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
    if (!m_credential->isAppService())
        result = judgeImds(http, result);
    finish(result);
}

TokenResult ManagedIdentityJob::judgeImds(const HttpResult &http, TokenResult result) const
{
    if (result.ok() || http.status == 0)
        return result;
    const ManagedIdentityOptions &o = m_credential->m_options;
    const bool userAssigned = !o.clientId.isEmpty() || !o.resourceId.isEmpty();
    const QString body = QString::fromUtf8(http.body.left(512)).simplified();
    auto unavailable = [&](const QString &why) {
        result.status = TokenResult::Status::Unavailable;
        result.error = m_credential->name() + u": "_s + why;
        return result;
    };
    // azidentity's rules (managed_identity_client.go): a 400 for the system-assigned identity means this
    // machine has none; Docker Desktop's proxy answers 403 "... unreachable ..."; a 200 that is not JSON
    // comes from something else listening at the IMDS address
    if (http.status == 400 && !userAssigned)
        return unavailable(
            u"failed to authenticate a system assigned identity. The endpoint responded with %1"_s.arg(body));
    if (http.status == 400)
        result.error = u"%1: the requested identity isn't assigned to this resource (%2)"_s.arg(
            m_credential->name(), result.error.mid(m_credential->name().size() + 2));
    if (http.status == 403 && body.contains(u"unreachable"_s))
        return unavailable(u"unexpected response \"%1\""_s.arg(body));
    if (http.status == 200 && !QJsonDocument::fromJson(http.body).isObject())
        return unavailable(u"IMDS answered with something that is not JSON: \"%1\""_s.arg(body));
    return result;
}

} // namespace Amo::Azure
