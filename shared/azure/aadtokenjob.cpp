// SPDX-License-Identifier: MIT
#include "shared/azure/aadtokenjob.h"

#include "shared/azure/httpjob.h"
#include "shared/azure/tokenresponse.h"
#include "shared/util/useragent.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

AadTokenJob::AadTokenJob(const AadEndpoint &endpoint, const QString &credential, FormBuilder form, QObject *parent)
    : TokenJob(parent)
    , m_endpoint(endpoint)
    , m_credential(credential)
    , m_form(std::move(form))
{
}

bool AadTokenJob::isValidTenant(const QString &tenantId)
{
    static const QRegularExpression valid(u"^[0-9a-zA-Z.-]+$"_s);
    return valid.match(tenantId).hasMatch();
}

QByteArray AadTokenJob::encode(const Form &form)
{
    QByteArray out;
    for (const auto &[key, value] : form) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

void AadTokenJob::start()
{
    if (!isValidTenant(m_endpoint.tenantId)) {
        finishLater(TokenResult::failure(m_credential, u"invalid tenant id \"%1\""_s.arg(m_endpoint.tenantId)));
        return;
    }
    const QUrl url = m_endpoint.tokenUrl();
    QString error;
    const std::optional<Form> form = m_form(url.toString(), &error);
    if (!form) {
        finishLater(TokenResult::failure(m_credential, error));
        return;
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setHeader(QNetworkRequest::UserAgentHeader, UserAgent::value());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    auto *job = new HttpJob(m_endpoint.nam, request, "POST"_ba, encode(*form), m_endpoint.timeoutMs, this);
    connect(job, &HttpJob::finished, this,
            [this](const HttpResult &http) { finish(TokenResponse::fromHttp(http, m_credential, *m_endpoint.clock)); });
    job->start();
}

} // namespace Amo::Azure
