// SPDX-License-Identifier: MIT
#pragma once

#include "credentials.h"
#include "kubeerror.h"
#include "restconfig.h"

#include "shared/util/clock.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Amo {
class Logger;
}

namespace Amo::Kube {

/**
 * Supplies the credentials of one RestConfig: a static token, a token file (re-read when it
 * changes and at least every refresh interval, for rotating service-account tokens), basic
 * auth, a client certificate, or an exec plugin (cached until its expirationTimestamp; one run
 * serves all waiting requests). invalidate() after a 401 forces a fresh read or run.
 */
class Authenticator : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Credentials &, const KubeError &)>;

    Authenticator(const RestConfig &config, const Clock &clock, const Logger *logger, QObject *parent = nullptr);

    /** Calls @p done (possibly at once) unless @p context is destroyed first. */
    void credentials(QObject *context, Callback done);
    void invalidate();

    void setTokenRefreshIntervalMs(qint64 ms) { m_refreshMs = ms; }
    void setExecTimeoutMs(int ms) { m_execTimeoutMs = ms; }
    /** How often the exec plugin ran; for tests and logs. */
    int execRuns() const { return m_execRuns; }
    int tokenFileReads() const { return m_tokenReads; }

private:
    KubeError readTokenFile(bool force);
    void onExecFinished(const Credentials &credentials, const KubeError &error);

    RestConfig m_config;
    const Clock &m_clock;
    const Logger *m_logger;
    Credentials m_static;
    Credentials m_cached; // from the token file or the plugin
    bool m_cacheValid = false;
    QDateTime m_tokenReadAt;
    QDateTime m_tokenModified;
    qint64 m_tokenSize = -1;
    qint64 m_refreshMs = 60 * 1000;
    int m_execTimeoutMs = 120 * 1000;
    int m_execRuns = 0;
    int m_tokenReads = 0;
    bool m_execRunning = false;
    QList<std::pair<QPointer<QObject>, Callback>> m_waiters;
};

} // namespace Amo::Kube
