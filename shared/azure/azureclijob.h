// SPDX-License-Identifier: MIT
#pragma once

#include "shared/azure/azureclicredential.h"
#include "shared/azure/tokenjob.h"

#include <QProcess>
#include <QTimer>

namespace Amo::Azure {

/** One `az account get-access-token` run. */
class AzureCliJob final : public TokenJob
{
    Q_OBJECT
public:
    AzureCliJob(const Clock &clock, const AzureCliOptions &options, const QString &scope, QObject *parent);
    void start() override;

    /** Reads the CLI's JSON: accessToken plus expires_on (POSIX) or expiresOn (local wall clock). */
    static TokenResult parse(const QByteArray &json, const Clock &clock);

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void done(const TokenResult &result);

    const Clock &m_clock;
    AzureCliOptions m_options;
    QString m_resource;
    QProcess m_process;
    QTimer m_timer;
    bool m_done = false;
    bool m_timedOut = false;
};

} // namespace Amo::Azure
