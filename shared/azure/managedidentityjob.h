// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/tokenjob.h"

#include <QPointer>

namespace Amo::Azure {

class ManagedIdentityCredential;
struct HttpResult;

/** One managed identity token request, with the probe and retry rules of its credential. */
class ManagedIdentityJob final : public TokenJob
{
    Q_OBJECT
public:
    ManagedIdentityJob(ManagedIdentityCredential *credential, const QString &scope, QObject *parent);
    void start() override;

private:
    void attempt();
    void onAnswer(const HttpResult &http, bool probe);

    QPointer<ManagedIdentityCredential> m_credential;
    QString m_resource;
    int m_retries = 0;
};

} // namespace Amo::Azure
