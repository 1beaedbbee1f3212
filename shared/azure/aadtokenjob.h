// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/aadendpoint.h"
#include "shared/azure/tokenjob.h"

#include <functional>
#include <optional>

namespace Amo::Azure {

struct HttpResult;

/**
 * POSTs one form to Azure AD's v2 token endpoint. The form is built for every attempt, so
 * assertions are signed fresh and federated token files are read again for every request.
 * Transient answers (5xx, 429, 408, no answer) are retried with the endpoint's RetryPolicy,
 * honouring Retry-After, as the SDKs' pipelines do.
 */
class AadTokenJob : public TokenJob
{
    Q_OBJECT
public:
    using Form = QList<std::pair<QString, QString>>;
    /** Builds the form for @p tokenUrl (the assertion audience); nullopt with *error when it cannot. */
    using FormBuilder = std::function<std::optional<Form>(const QString &tokenUrl, QString *error)>;

    AadTokenJob(const AadEndpoint &endpoint, const QString &credential, FormBuilder form, QObject *parent);
    void start() override;

    /** application/x-www-form-urlencoded, every reserved character escaped (a '+' in a secret stays a '+'). */
    static QByteArray encode(const Form &form);
    /** Azure AD tenant ids and domains: letters, digits, '-' and '.'. */
    static bool isValidTenant(const QString &tenantId);

private:
    void send();
    void onAnswer(const HttpResult &http);

    AadEndpoint m_endpoint;
    QString m_credential;
    FormBuilder m_form;
    int m_retries = 0;
};

} // namespace Amo::Azure
