// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/tokenjob.h"

#include <QPointer>

namespace Amo::Azure {

class ManagedIdentityCredential;
struct HttpResult;

/**
 * One managed identity token request, with the probe and retry rules of its credential. Like azidentity's
 * DefaultAzureCredential, the first IMDS request of a credential is a probe without the Metadata header (a
 * short timeout, no retries): no answer means "no IMDS here"; any HTTP answer means IMDS exists.
 */
class ManagedIdentityJob final : public TokenJob
{
    Q_OBJECT
public:
    ManagedIdentityJob(ManagedIdentityCredential *credential, const QString &scope, QObject *parent);
    void start() override;

private:
    void probe();
    void attempt();
    void onAnswer(const HttpResult &http);
    /** Applies azidentity's rules for IMDS answers that mean "no managed identity here" (the chain moves on). */
    TokenResult judgeImds(const HttpResult &http, TokenResult result) const;

    QPointer<ManagedIdentityCredential> m_credential;
    QString m_resource;
    int m_retries = 0;
};

} // namespace Amo::Azure
