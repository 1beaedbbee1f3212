// SPDX-License-Identifier: MIT
// Helpers for tests that run the real azure-msi-operator executable against a simulator that lives in the
// test process. The simulator only answers while the test spins its event loop, so nothing here blocks it:
// waits go through QSignalSpy::wait and QTRY_*.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QUrl>

#include <memory>
#include <optional>

namespace AgentTest {

struct Answer
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
};

/** One GET, waiting with a spinning event loop. */
inline Answer httpGet(const QUrl &url, const QByteArray &bearer = {}, int timeoutMs = 10000)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(timeoutMs + 5000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

inline quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

/** The bearer token of the sandbox's kubeconfig (`token: "…"`). */
inline QByteArray kubeconfigToken(const QString &kubeconfigPath)
{
    QFile file(kubeconfigPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression token(QStringLiteral("^\\s*token:\\s*\"([^\"]*)\"\\s*$"),
                                          QRegularExpression::MultilineOption);
    return token.match(QString::fromUtf8(file.readAll())).captured(1).toUtf8();
}

/** The value of the one sample of @p body whose name and labels match @p series (a regular expression). */
inline std::optional<double> metricValue(const QByteArray &body, const QString &series)
{
    const QRegularExpression line(u'^' + series + QStringLiteral(" (\\S+)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(body));
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = match.captured(match.lastCapturedIndex()).toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

/** One agent process; stderr (the log) is collected as it comes. Killed when destroyed. */
class AgentProcess
{
public:
    AgentProcess(const QString &name, quint16 port)
        : m_name(name)
        , m_port(port)
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { m_err += m_process.readAllStandardError(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { m_out += m_process.readAllStandardOutput(); });
    }
    ~AgentProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000); // SIGKILL needs no answer from the simulator
        }
    }
    AgentProcess(const AgentProcess &) = delete;
    AgentProcess &operator=(const AgentProcess &) = delete;

    bool start(const QString &program, const QStringList &args, const QHash<QString, QString> &env)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (auto it = env.begin(); it != env.end(); ++it)
            environment.insert(it.key(), it.value());
        m_process.setProcessEnvironment(environment);
        m_process.start(program, args);
        return m_process.waitForStarted(10000);
    }

    /** Waits with a spinning event loop; true once the process has exited. */
    bool waitExited(int timeoutMs)
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        QSignalSpy finished(&m_process, &QProcess::finished);
        return finished.wait(timeoutMs) || m_process.state() == QProcess::NotRunning;
    }

    Answer get(const QString &path) const
    {
        return httpGet(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    }
    std::optional<double> metric(const QString &series) const
    {
        return metricValue(get(QStringLiteral("/metrics")).body, series);
    }

    QString name() const { return m_name; }
    quint16 port() const { return m_port; }
    QProcess &process() { return m_process; }
    QString log()
    {
        m_err += m_process.readAllStandardError();
        return QString::fromUtf8(m_err);
    }
    QString out()
    {
        m_out += m_process.readAllStandardOutput();
        return QString::fromUtf8(m_out);
    }

private:
    QString m_name;
    quint16 m_port;
    QProcess m_process;
    QByteArray m_err;
    QByteArray m_out;
};

} // namespace AgentTest
