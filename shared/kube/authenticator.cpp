// SPDX-License-Identifier: MIT
#include "authenticator.h"

#include "execpluginjob.h"

#include "shared/util/logger.h"

#include "shared/util/boundedfile.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Amo::Kube {

Authenticator::Authenticator(const RestConfig &config, const Clock &clock, const Logger *logger, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
    , m_logger(logger)
{
    if (!config.token.isEmpty())
        m_static.authorization = "Bearer " + config.token.toUtf8();
    else if (!config.username.isEmpty() || !config.password.isEmpty())
        m_static.authorization = "Basic " + (config.username + u':' + config.password).toUtf8().toBase64();
    if (!config.clientCertificatePem.isEmpty()) {
        m_static.certificate = QSslCertificate(config.clientCertificatePem, QSsl::Pem);
        m_static.key = Credentials::keyFromPem(config.clientKeyPem);
    }
}

KubeError Authenticator::readTokenFile(bool force)
{
    const QFileInfo info(m_config.tokenFile);
    const QDateTime now = m_clock.nowUtc();
    const bool changed = info.lastModified() != m_tokenModified || info.size() != m_tokenSize;
    if (!force && m_cacheValid && !changed && m_tokenReadAt.msecsTo(now) < m_refreshMs)
        return {};
    const Util::BoundedFile::Result read = Util::BoundedFile::read(m_config.tokenFile);
    const QByteArray token = read.data.trimmed();
    ++m_tokenReads;
    if (token.isEmpty()) {
        // Keep using the last good token: kubelet swaps the file atomically, so this is a real failure.
        if (m_cacheValid)
            return {};
        return KubeError::make(KubeError::Type::Configuration,
                               read.ok ? u"the bearer token file %1 is empty"_s.arg(m_config.tokenFile)
                                       : u"cannot read the bearer token file: %1"_s.arg(read.error));
    }
    m_cached = m_static;
    m_cached.authorization = "Bearer " + token;
    m_cacheValid = true;
    m_tokenReadAt = now;
    m_tokenModified = info.lastModified();
    m_tokenSize = info.size();
    return {};
}

void Authenticator::credentials(QObject *context, Callback done)
{
    if (!m_config.tokenFile.isEmpty()) {
        const KubeError error = readTokenFile(false);
        done(m_cacheValid ? m_cached : m_static, error);
        return;
    }
    if (!m_config.exec) {
        done(m_static, {});
        return;
    }
    // A credential is renewed shortly before it expires, so a request never leaves with a dying token.
    if (m_cacheValid && (!m_cached.expiry.isValid() || m_clock.nowUtc().secsTo(m_cached.expiry) > 10)) {
        done(m_cached, {});
        return;
    }
    m_waiters.append({QPointer<QObject>(context), std::move(done)});
    if (m_execRunning)
        return;
    m_execRunning = true;
    ++m_execRuns;
    auto *job = new ExecPluginJob(m_config, m_execTimeoutMs, this);
    connect(job, &ExecPluginJob::finished, this,
            [this](const ExecResult &result) { onExecFinished(result.credentials, result.error); });
    job->start();
}

void Authenticator::onExecFinished(const Credentials &credentials, const KubeError &error)
{
    m_execRunning = false;
    if (!error) {
        m_cached = credentials;
        if (m_cached.certificate.isNull()) {
            m_cached.certificate = m_static.certificate;
            m_cached.key = m_static.key;
        }
        m_cacheValid = true;
    } else if (m_logger) {
        m_logger->error(u"Kubernetes credential plugin failed"_s, {{u"error"_s, error.message}});
    }
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &[context, callback] : waiters) {
        if (context)
            callback(error ? Credentials() : m_cached, error);
    }
}

void Authenticator::invalidate()
{
    if (!m_config.tokenFile.isEmpty()) {
        readTokenFile(true);
        return;
    }
    m_cacheValid = false;
}

} // namespace Amo::Kube
