// SPDX-License-Identifier: MIT
#include "shared/azure/azureclijob.h"

#include "shared/azure/aadtokenjob.h"
#include "shared/azure/tokenresponse.h"
#include "shared/util/clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Amo::Azure {

namespace {
const QString kName = u"AzureCliCredential"_s;
}

AzureCliJob::AzureCliJob(const Clock &clock, const AzureCliOptions &options, const QString &scope, QObject *parent)
    : TokenJob(parent)
    , m_clock(clock)
    , m_options(options)
    , m_resource(scope.endsWith(u"/.default"_s) ? scope.chopped(9) : scope)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_process.kill();
        done(TokenResult::failure(
            kName, u"az account get-access-token did not finish within %1 ms"_s.arg(m_options.timeoutMs)));
    });
    connect(&m_process, &QProcess::finished, this, &AzureCliJob::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &AzureCliJob::onError);
}

void AzureCliJob::start()
{
    const QString program
        = m_options.program.contains(u'/') ? m_options.program : QStandardPaths::findExecutable(m_options.program);
    if (program.isEmpty()) {
        finishLater(TokenResult::failure(kName, u"Azure CLI not found: no \"%1\" on PATH"_s.arg(m_options.program),
                                         TokenResult::Status::Unavailable));
        return;
    }
    if (!m_options.tenantId.isEmpty() && !AadTokenJob::isValidTenant(m_options.tenantId)) {
        finishLater(TokenResult::failure(kName, u"invalid tenant id \"%1\""_s.arg(m_options.tenantId)));
        return;
    }
    QStringList args {u"account"_s, u"get-access-token"_s, u"--output"_s, u"json"_s, u"--resource"_s, m_resource};
    if (!m_options.tenantId.isEmpty())
        args << u"--tenant"_s << m_options.tenantId;
    m_timer.start(m_options.timeoutMs);
    m_process.start(program, args, QIODevice::ReadOnly);
}

void AzureCliJob::onError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart)
        done(TokenResult::failure(
            kName, u"cannot run the Azure CLI (%1): %2"_s.arg(m_options.program, m_process.errorString()),
            TokenResult::Status::Unavailable));
}

void AzureCliJob::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_done)
        return;
    if (m_timedOut) {
        done(TokenResult::failure(
            kName, u"az account get-access-token did not finish within %1 ms"_s.arg(m_options.timeoutMs)));
        return;
    }
    const QString stderrText = QString::fromUtf8(m_process.readAllStandardError()).trimmed();
    if (status != QProcess::NormalExit || exitCode != 0) {
        if (stderrText.contains(u"az login"_s) || stderrText.contains(u"az account set"_s)) {
            done(TokenResult::failure(
                kName, u"the Azure CLI is not logged in; run 'az login' (%1)"_s.arg(stderrText.section(u'\n', 0, 0)),
                TokenResult::Status::Unavailable));
            return;
        }
        done(TokenResult::failure(
            kName, u"az exited with code %1: %2"_s.arg(QString::number(exitCode), stderrText.section(u'\n', 0, 0))));
        return;
    }
    done(parse(m_process.readAllStandardOutput(), m_clock));
}

TokenResult AzureCliJob::parse(const QByteArray &json, const Clock &clock)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.isEmpty())
        return TokenResult::failure(kName, u"az printed no JSON object"_s);
    QJsonObject normalised = o;
    if (!o.contains(u"expires_on"_s)) {
        // older CLIs: local wall-clock time without a zone
        QDateTime local = QDateTime::fromString(o.value(u"expiresOn"_s).toString(), u"yyyy-MM-dd HH:mm:ss.zzzzzz"_s);
        if (!local.isValid())
            local = QDateTime::fromString(o.value(u"expiresOn"_s).toString().left(19), u"yyyy-MM-dd HH:mm:ss"_s);
        if (local.isValid())
            normalised.insert(u"expires_on"_s, local.toSecsSinceEpoch());
    }
    return TokenResponse::fromJson(normalised, kName, clock);
}

void AzureCliJob::done(const TokenResult &result)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    finish(result);
}

} // namespace Amo::Azure
