// SPDX-License-Identifier: MIT
// Not a test: the agent as its own process against the standalone simulator (another process), so the
// figures are the agent's alone. Per size: a cold `--sync.once`, an unchanged one, and the continuous
// agent with --sync.watch after its first full sync and after a resync. Prints a Markdown table of peak
// and current resident size, CPU and wall seconds and Kubernetes requests by verb. See docs/benchmark.md.
#include "shared/sandbox/scenariogenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <cstdio>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace Qt::StringLiterals;

namespace {

// The simulator's counters have the route, not the query: a watch counts as a LIST (a GET of a collection).
const QStringList kVerbs {u"GET"_s, u"LIST"_s, u"POST"_s, u"PATCH"_s, u"PUT"_s, u"DELETE"_s};
const QStringList kSyncFlags {u"--azureidentity.binding.sync"_s, u"--azureidentity.expiry"_s,
                              u"--kubernetes.qps=100000"_s, u"--kubernetes.burst=100000"_s,
                              u"--server.bind=127.0.0.1:0"_s};

struct Row
{
    int msis = 0;
    QString phase;
    double wallS = 0;
    double cpuS = 0;
    double peakMiB = 0; // VmHWM, or ru_maxrss for a process that ran to its end
    double rssMiB = -1; // VmRSS at the measuring point, for the continuous agent
    QMap<QString, int> verbs;
    int exitCode = 0;
};

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QByteArray http(const QByteArray &verb, const QUrl &url, const QByteArray &token)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return reply->readAll();
}

/** The agent, spawned directly so that wait4 gives its own rusage. */
class Agent
{
public:
    bool start(const QString &program, const QStringList &args, const QHash<QString, QString> &env,
               const QString &logPath)
    {
        QList<QByteArray> argBytes {QFile::encodeName(program)};
        for (const QString &a : args)
            argBytes.append(a.toUtf8());
        QList<QByteArray> envBytes;
        for (char **e = environ; *e; ++e)
            envBytes.append(*e);
        for (auto it = env.begin(); it != env.end(); ++it)
            envBytes.append((it.key() + u'=' + it.value()).toUtf8());
        std::vector<char *> argv;
        for (QByteArray &a : argBytes)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<char *> envp;
        for (QByteArray &e : envBytes)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        const QByteArray log = QFile::encodeName(logPath);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, log.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int rc = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        m_log = logPath;
        m_timer.start();
        return rc == 0;
    }
    /** Waits (spinning, so nothing else starves) until the process ends; fills wall, CPU and peak RSS. */
    int wait(Row *row)
    {
        int status = 0;
        rusage usage {};
        while (wait4(m_pid, &status, WNOHANG, &usage) == 0)
            spin(20);
        row->wallS = double(m_timer.elapsed()) / 1000.0;
        row->cpuS = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        row->peakMiB = double(usage.ru_maxrss) / 1024.0;
        row->exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return row->exitCode;
    }
    /** VmHWM and VmRSS (MiB) and CPU seconds so far, from /proc. */
    void sample(Row *row) const
    {
        QFile status(u"/proc/%1/status"_s.arg(m_pid));
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : status.readAll().split('\n')) {
                if (line.startsWith("VmHWM:"))
                    row->peakMiB = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
                if (line.startsWith("VmRSS:"))
                    row->rssMiB = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
            }
        }
        QFile stat(u"/proc/%1/stat"_s.arg(m_pid));
        if (stat.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> f = stat.readAll().split(')').last().trimmed().split(' ');
            const double ticks = double(sysconf(_SC_CLK_TCK));
            row->cpuS = (f.value(11).toDouble() + f.value(12).toDouble()) / ticks;
        }
        row->wallS = double(m_timer.elapsed()) / 1000.0;
    }
    int countInLog(const QString &text) const
    {
        QFile file(m_log);
        return file.open(QIODevice::ReadOnly) ? int(file.readAll().count(text.toUtf8())) : 0;
    }
    void signal(int sig) const { ::kill(m_pid, sig); }

private:
    pid_t m_pid = 0;
    QString m_log;
    QElapsedTimer m_timer;
};

class Simulator
{
public:
    bool start(const QString &program, const QString &scenario, const QString &out)
    {
        m_process.start(program, {u"--scenario"_s, scenario, u"--out"_s, out});
        if (!m_process.waitForStarted(10000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 120000 && m_process.state() == QProcess::Running) {
            QFile file(out + u"/sandbox.env"_s);
            if (file.open(QIODevice::ReadOnly)) {
                static const QRegularExpression line(u"^([A-Z_]+)=\"(.*)\"$"_s);
                for (const QByteArray &raw : file.readAll().split('\n')) {
                    const QRegularExpressionMatch m = line.match(QString::fromUtf8(raw));
                    if (m.hasMatch())
                        env.insert(m.captured(1), m.captured(2));
                }
                if (env.contains(u"SANDBOX_ADMIN_TOKEN"_s))
                    return true;
            }
            spin(100);
        }
        return false;
    }
    ~Simulator()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }
    void resetLog() const { control("POST", u"reset-log"_s); }
    /** Kubernetes requests by verb since the last reset (a GET of a collection is a LIST or a WATCH). */
    QMap<QString, int> verbs() const
    {
        QMap<QString, int> counts;
        const QJsonObject log = QJsonDocument::fromJson(control("GET", u"requests"_s)).object();
        for (const QJsonValue &c : log.value(u"counters"_s).toArray()) {
            const QJsonObject o = c.toObject();
            const QString route = o.value(u"route"_s).toString();
            if (!route.startsWith(u"/api"_s))
                continue;
            QString verb = o.value(u"method"_s).toString();
            if (verb == u"GET"_s && !route.contains(u"{name}"_s))
                verb = u"LIST"_s;
            counts[verb] += o.value(u"count"_s).toInt();
        }
        return counts;
    }
    QHash<QString, QString> env;

private:
    QByteArray control(const QByteArray &verb, const QString &route) const
    {
        return http(verb, QUrl(env.value(u"SANDBOX_URL"_s) + u"/_sandbox/"_s + route),
                    env.value(u"SANDBOX_ADMIN_TOKEN"_s).toUtf8());
    }
    QProcess m_process;
};

QList<Row> runSize(int n, const QString &agentExe, const QString &sandboxExe)
{
    QList<Row> rows;
    QTemporaryDir dir;
    Amo::Sandbox::ScenarioGenerator::Parameters p;
    p.msis = n;
    p.namespaces = std::max(10, n / 20);
    p.bindings = n / 5;
    p.driftedFraction = 0.25;
    const QString scenario = dir.filePath(u"scenario.json"_s);
    QFile file(scenario);
    if (!file.open(QIODevice::WriteOnly))
        return rows;
    file.write(QJsonDocument(Amo::Sandbox::ScenarioGenerator::generate(p)).toJson(QJsonDocument::Compact));
    file.close();
    Simulator sim;
    if (!sim.start(sandboxExe, scenario, dir.filePath(u"out"_s))) {
        std::fprintf(stderr, "simulator did not start\n");
        return rows;
    }
    const auto once = [&](const QString &phase) {
        Row row;
        row.msis = n;
        row.phase = phase;
        sim.resetLog();
        Agent agent;
        agent.start(agentExe, QStringList {u"--sync.once"_s} + kSyncFlags, sim.env, dir.filePath(phase + u".log"_s));
        agent.wait(&row);
        row.verbs = sim.verbs();
        rows.append(row);
    };
    once(u"cold --sync.once"_s);
    once(u"unchanged --sync.once"_s);

    // The continuous agent: a full sync at start, the next one 20 s later (lock time below that).
    Agent agent;
    sim.resetLog();
    agent.start(agentExe,
                QStringList {u"--sync.watch"_s, u"--sync.interval=20s"_s, u"--sync.locktime=1s"_s} + kSyncFlags,
                sim.env, dir.filePath(u"watch.log"_s));
    const auto afterFullSyncs = [&](int count, const QString &phase) {
        QElapsedTimer timer;
        timer.start();
        while (agent.countInLog(u"sync finished kind=full"_s) < count && timer.elapsed() < 1800000)
            spin(100);
        spin(1000); // let the writes' watch events arrive
        Row row;
        row.msis = n;
        row.phase = phase;
        agent.sample(&row);
        row.verbs = sim.verbs();
        sim.resetLog();
        rows.append(row);
    };
    afterFullSyncs(1, u"watch: after first full sync"_s);
    afterFullSyncs(2, u"watch: after a resync"_s);
    agent.signal(SIGTERM);
    Row end;
    agent.wait(&end);
    rows.last().peakMiB = std::max(rows.last().peakMiB, end.peakMiB);
    return rows;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> sizes {1000, 10000};
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(u"--sizes"_s);
    if (at >= 0 && at + 1 < args.size()) {
        sizes.clear();
        for (const QString &s : args.at(at + 1).split(u','))
            sizes.append(s.toInt());
    }
    // --agent and --sandbox compare other builds, e.g. the same benchmark on an older commit's programs.
    const auto option = [&args](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const QString agentExe = option(u"--agent"_s, QStringLiteral(AMO_OPERATOR_EXE));
    const QString sandboxExe = option(u"--sandbox"_s, QStringLiteral(AMO_SANDBOX_EXE));
    std::printf("- build: %s; %d cores; Qt %s\n", AMO_BENCH_BUILD_TYPE, QThread::idealThreadCount(), qVersion());
    std::printf("- agent: %s with --azureidentity.binding.sync --azureidentity.expiry, no client-side limit\n",
                qPrintable(QFileInfo(agentExe).fileName()));
    std::printf("- world per N: 3 subscriptions, N/20 namespaces, N/5 labelled bindings, a quarter drifted\n\n");
    std::printf("| N | phase | wall s | CPU s | peak RSS MiB | RSS now MiB | exit | %s |\n",
                qPrintable(kVerbs.join(u" | "_s)));
    std::printf("|---:|---|---:|---:|---:|---:|---:|%s\n", qPrintable(QString(u"---:|"_s).repeated(kVerbs.size())));
    for (int n : std::as_const(sizes)) {
        for (const Row &r : runSize(n, agentExe, sandboxExe)) {
            QStringList verbs;
            for (const QString &v : kVerbs)
                verbs.append(QString::number(r.verbs.value(v)));
            std::printf("| %d | %s | %.2f | %.2f | %.1f | %s | %d | %s |\n", r.msis, qPrintable(r.phase), r.wallS,
                        r.cpuS, r.peakMiB, r.rssMiB < 0 ? "–" : qPrintable(QString::number(r.rssMiB, 'f', 1)),
                        r.exitCode, qPrintable(verbs.join(u" | "_s)));
            std::fflush(stdout);
        }
    }
    return 0;
}
