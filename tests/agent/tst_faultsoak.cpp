// SPDX-License-Identifier: MIT
// Fault soak: the standalone simulator with a generated world, two real operator processes with Lease,
// watch, binding sync and expiry, about 10% injected faults on ARM, AAD and Kubernetes routes, the
// world changing under them and the leader killed once and terminated once. After the faults stop the
// cluster must converge: nothing left to do, nothing deleted, no write from a replica that did not hold
// the Lease, and no exit the test did not cause.
#include "agentprocess.h"

#include "shared/sandbox/scenariogenerator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using AgentTest::AgentProcess;

namespace {

constexpr int kMsis = 300;
constexpr int kNamespaces = 30;
constexpr int kMissingNamespaces = 5; // targets of MSIs that the test creates during the faults
constexpr int kFaultMs = 60000;
const QString kLeaseNamespace = u"default"_s;
const QString kLeaseName = u"azure-msi-operator-leader"_s;

struct Reply
{
    int status = 0;
    QByteArray body;
};

/** One request with a spinning event loop (the agents and the simulator are other processes). */
Reply send(const QByteArray &verb, const QUrl &url, const QByteArray &token, const QByteArray &body = {},
           const QByteArray &contentType = "application/json")
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(15000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

/** KEY="VALUE" lines of sandbox.env. */
QHash<QString, QString> readEnvFile(const QString &path)
{
    QHash<QString, QString> env;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return env;
    static const QRegularExpression line(u"^([A-Z_]+)=\"(.*)\"$"_s);
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(raw));
        if (m.hasMatch())
            env.insert(m.captured(1), m.captured(2));
    }
    return env;
}

/** Who held the Lease when, as a watch saw it. */
class LeaseHistory
{
public:
    struct Term
    {
        QString holder;
        QDateTime from;
    };

    LeaseHistory(const QString &baseUrl, const QByteArray &token)
        : m_url(baseUrl)
        , m_token(token)
    {
        open();
    }

    /** The holder at @p t (UTC); empty when nobody held it. */
    QString holderAt(const QDateTime &t) const
    {
        QString holder;
        for (const Term &term : m_terms) {
            if (term.from > t)
                break;
            holder = term.holder;
        }
        return holder;
    }
    /** Whether @p who held the Lease at some time within @p slackMs of @p t. */
    bool heldNear(const QString &who, const QDateTime &t, int slackMs) const
    {
        for (int d = -slackMs; d <= slackMs; d += 50) {
            if (holderAt(t.addMSecs(d)) == who)
                return true;
        }
        return false;
    }
    const QList<Term> &terms() const { return m_terms; }
    int reopened() const { return m_reopened; }

private:
    void open()
    {
        QNetworkRequest request(QUrl(m_url + u"/apis/coordination.k8s.io/v1/namespaces/"_s + kLeaseNamespace
                                     + u"/leases?watch=true&fieldSelector=metadata.name%3D"_s + kLeaseName));
        request.setRawHeader("Authorization", "Bearer " + m_token);
        m_reply.reset(m_nam.get(request));
        QObject::connect(m_reply.get(), &QNetworkReply::readyRead, m_reply.get(), [this] { read(); });
        // A dropped watch (faults hit it too) is reopened; a re-list shows the current holder again.
        QObject::connect(m_reply.get(), &QNetworkReply::finished, m_reply.get(), [this] {
            ++m_reopened;
            QMetaObject::invokeMethod(
                &m_nam, [this] { open(); }, Qt::QueuedConnection);
        });
    }
    void read()
    {
        m_buffer += m_reply->readAll();
        qsizetype end = 0;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            const QJsonObject event = json(m_buffer.left(end));
            m_buffer.remove(0, end + 1);
            const QString type = event.value(u"type"_s).toString();
            if (type != u"ADDED"_s && type != u"MODIFIED"_s)
                continue;
            const QString holder
                = event.value(u"object"_s).toObject().value(u"spec"_s).toObject().value(u"holderIdentity"_s).toString();
            if (m_terms.isEmpty() || m_terms.constLast().holder != holder)
                m_terms.append({holder, QDateTime::currentDateTimeUtc()});
        }
    }

    QString m_url;
    QByteArray m_token;
    QNetworkAccessManager m_nam;
    std::unique_ptr<QNetworkReply> m_reply;
    QByteArray m_buffer;
    QList<Term> m_terms;
    int m_reopened = -1;
};

/** Times of the writes an agent logged ("… info applied CreateIdentity namespace=…"). */
QList<QDateTime> writeTimes(const QString &log)
{
    static const QRegularExpression applied(u"^(\\S+) info applied "_s, QRegularExpression::MultilineOption);
    QList<QDateTime> times;
    for (auto it = applied.globalMatch(log); it.hasNext();)
        times.append(QDateTime::fromString(it.next().captured(1), Qt::ISODateWithMs));
    return times;
}

} // namespace

class TestFaultSoak : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void convergesThroughFaults();

private:
    QUrl kube(const QString &path) const { return QUrl(m_url + path); }
    Reply control(const QByteArray &verb, const QString &route, const QByteArray &body = {}) const
    {
        return send(verb, QUrl(m_url + u"/_sandbox/"_s + route), m_adminToken, body);
    }
    /** Starts (or restarts) the agent of this name; its earlier log is kept. */
    void startAgent(const QString &name);
    AgentProcess *leader();
    QString holder() const
    {
        const Reply r = send(
            "GET", kube(u"/apis/coordination.k8s.io/v1/namespaces/"_s + kLeaseNamespace + u"/leases/"_s + kLeaseName),
            m_token);
        return json(r.body).value(u"spec"_s).toObject().value(u"holderIdentity"_s).toString();
    }
    QJsonArray list(const QString &path) const
    {
        return json(send("GET", kube(path), m_token).body).value(u"items"_s).toArray();
    }
    void mutateWorld(QRandomGenerator &random);
    /** Ends an agent the test's way and records that the exit was the test's doing. */
    void stopAgent(const QString &name, bool kill);

    QTemporaryDir m_dir;
    QProcess m_sandbox;
    QString m_url;
    QByteArray m_token;
    QByteArray m_adminToken;
    QHash<QString, QString> m_env;
    QStringList m_missing; // namespaces the test creates during the run
    std::map<QString, std::unique_ptr<AgentProcess>> m_agents;
    QMap<QString, QString> m_logs; // what earlier runs of each agent logged
    QStringList m_unexpectedExits;
    int m_deletesSent = 0;
    int m_mutations = 0;
};

void TestFaultSoak::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Amo::Sandbox::ScenarioGenerator::Parameters p;
    p.msis = kMsis;
    p.namespaces = kNamespaces;
    p.bindings = kMsis / 5;
    p.driftedFraction = 0.25;
    p.seed = 11;
    QJsonObject scenario = Amo::Sandbox::ScenarioGenerator::generate(p);
    // Some target namespaces do not exist yet (the test creates them under faults); the Lease lives in "default".
    QJsonObject kubernetes = scenario.value(u"kubernetes"_s).toObject();
    QJsonArray namespaces = kubernetes.value(u"namespaces"_s).toArray();
    QJsonArray bindings;
    for (int i = 0; i < kMissingNamespaces; ++i)
        m_missing.append(namespaces.takeAt(namespaces.size() - 1).toString());
    for (const QJsonValue &b : kubernetes.value(u"azureIdentityBindings"_s).toArray()) {
        if (!m_missing.contains(b.toObject().value(u"namespace"_s).toString()))
            bindings.append(b);
    }
    namespaces.append(kLeaseNamespace);
    kubernetes.insert(u"namespaces"_s, namespaces);
    kubernetes.insert(u"azureIdentityBindings"_s, bindings);
    scenario.insert(u"kubernetes"_s, kubernetes);
    // Faults hit the agents' retries hard; keep ARM's own throttling out of the way.
    scenario.insert(u"arm"_s,
                    QJsonObject {{u"pageSize"_s, 50},
                                 {u"throttle"_s, QJsonObject {{u"budget"_s, 100000}, {u"refillPerSecond"_s, 10000}}}});
    const QString scenarioPath = m_dir.filePath(u"scenario.json"_s);
    QFile file(scenarioPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(scenario).toJson());
    file.close();

    const QString out = m_dir.filePath(u"out"_s);
    m_sandbox.setProcessChannelMode(QProcess::MergedChannels);
    m_sandbox.start(QStringLiteral(AMO_SANDBOX_EXE), {u"--scenario"_s, scenarioPath, u"--out"_s, out});
    QVERIFY(m_sandbox.waitForStarted(10000));
    // It writes sandbox.env once it listens.
    QTRY_VERIFY_WITH_TIMEOUT(readEnvFile(out + u"/sandbox.env"_s).contains(u"SANDBOX_ADMIN_TOKEN"_s)
                                 || m_sandbox.state() != QProcess::Running,
                             30000);
    QVERIFY2(m_sandbox.state() == QProcess::Running, m_sandbox.readAll().constData());
    m_env = readEnvFile(out + u"/sandbox.env"_s);
    m_url = m_env.value(u"SANDBOX_URL"_s);
    m_adminToken = m_env.value(u"SANDBOX_ADMIN_TOKEN"_s).toUtf8();
    m_token = AgentTest::kubeconfigToken(m_env.value(u"KUBECONFIG"_s));
    QVERIFY2(!m_url.isEmpty() && !m_adminToken.isEmpty() && !m_token.isEmpty(), qPrintable(m_url));
}

void TestFaultSoak::cleanupTestCase()
{
    m_agents.clear();
    if (m_sandbox.state() != QProcess::NotRunning) {
        m_sandbox.terminate();
        if (!m_sandbox.waitForFinished(10000))
            m_sandbox.kill();
    }
}

void TestFaultSoak::startAgent(const QString &name)
{
    auto &slot = m_agents[name];
    if (slot)
        m_logs[name] += slot->log();
    const quint16 port = AgentTest::freePort();
    QVERIFY(port != 0);
    slot = std::make_unique<AgentProcess>(name, port);
    const QStringList args {u"--lease.enable"_s,
                            u"--lease.duration=3s"_s,
                            u"--lease.renewdeadline=2s"_s,
                            u"--lease.retryperiod=500ms"_s,
                            u"--instance.namespace="_s + kLeaseNamespace,
                            u"--instance.pod="_s + name,
                            u"--sync.watch"_s,
                            u"--azureidentity.binding.sync"_s,
                            u"--azureidentity.expiry"_s,
                            u"--sync.interval=10s"_s,
                            u"--sync.locktime=1s"_s,
                            u"--kubernetes.qps=200"_s,
                            u"--kubernetes.burst=400"_s,
                            u"--server.bind=127.0.0.1:%1"_s.arg(port)};
    QVERIFY2(slot->start(QStringLiteral(AMO_OPERATOR_EXE), args, m_env), qPrintable(slot->process().errorString()));
    AgentProcess *agent = slot.get();
    QObject::connect(&agent->process(), &QProcess::finished, &agent->process(),
                     [this, name, agent](int code, QProcess::ExitStatus status) {
                         if (!agent->process().property("expectedExit").toBool())
                             m_unexpectedExits.append(u"%1 exited with %2 (%3)"_s.arg(name).arg(code).arg(
                                 status == QProcess::CrashExit ? u"crash"_s : u"normal"_s));
                     });
}

void TestFaultSoak::stopAgent(const QString &name, bool kill)
{
    AgentProcess &agent = *m_agents.at(name);
    agent.process().setProperty("expectedExit", true);
    if (kill) {
        agent.process().kill();
        QVERIFY(agent.waitExited(10000));
        return;
    }
    agent.process().terminate();
    QVERIFY(agent.waitExited(20000));
    // SIGTERM is a clean stop: exit status 0 after handing the Lease back.
    if (agent.process().exitStatus() != QProcess::NormalExit || agent.process().exitCode() != 0)
        m_unexpectedExits.append(u"%1 exited with %2 after SIGTERM"_s.arg(name).arg(agent.process().exitCode()));
}

AgentProcess *TestFaultSoak::leader()
{
    const QString name = holder();
    const auto it = m_agents.find(name);
    return it == m_agents.end() ? nullptr : it->second.get();
}

void TestFaultSoak::mutateWorld(QRandomGenerator &random)
{
    // A managed AzureIdentity deleted or edited by hand, a binding drifted, or a missing namespace created.
    const QJsonArray identities = list(u"/apis/aadpodidentity.k8s.io/v1/azureidentities"_s);
    const QJsonArray bindings = list(u"/apis/aadpodidentity.k8s.io/v1/azureidentitybindings"_s);
    const auto pick = [&random](const QJsonArray &items) {
        return items.at(qsizetype(random.bounded(quint32(items.size())))).toObject().value(u"metadata"_s).toObject();
    };
    const int what = int(random.bounded(4u));
    if (what == 0 && !identities.isEmpty()) {
        const QJsonObject m = pick(identities);
        send("DELETE",
             kube(u"/apis/aadpodidentity.k8s.io/v1/namespaces/%1/azureidentities/%2"_s.arg(
                 m.value(u"namespace"_s).toString(), m.value(u"name"_s).toString())),
             m_token);
        ++m_deletesSent; // a faulted DELETE is in the request log too
    } else if (what == 1 && !identities.isEmpty()) {
        const QJsonObject m = pick(identities);
        send("PATCH",
             kube(u"/apis/aadpodidentity.k8s.io/v1/namespaces/%1/azureidentities/%2"_s.arg(
                 m.value(u"namespace"_s).toString(), m.value(u"name"_s).toString())),
             m_token, R"({"spec":{"clientID":"00000000-0000-0000-0000-00000000beef"}})",
             "application/merge-patch+json");
    } else if (what == 2 && !bindings.isEmpty()) {
        const QJsonObject m = pick(bindings);
        send("PATCH",
             kube(u"/apis/aadpodidentity.k8s.io/v1/namespaces/%1/azureidentitybindings/%2"_s.arg(
                 m.value(u"namespace"_s).toString(), m.value(u"name"_s).toString())),
             m_token, R"({"spec":{"azureIdentity":"drifted-by-hand"}})", "application/merge-patch+json");
    } else if (!m_missing.isEmpty()) {
        const QString ns = m_missing.takeFirst();
        const Reply r = send("POST", kube(u"/api/v1/namespaces"_s), m_token,
                             QJsonDocument(QJsonObject {{u"apiVersion"_s, u"v1"_s},
                                                        {u"kind"_s, u"Namespace"_s},
                                                        {u"metadata"_s, QJsonObject {{u"name"_s, ns}}}})
                                 .toJson(QJsonDocument::Compact));
        if (r.status != 201)
            m_missing.append(ns); // faulted: try again later
    }
    ++m_mutations;
}

void TestFaultSoak::convergesThroughFaults()
{
    QElapsedTimer total;
    total.start();
    LeaseHistory leases(m_url, m_token);
    startAgent(u"agent-a"_s);
    startAgent(u"agent-b"_s);
    QTRY_VERIFY_WITH_TIMEOUT(leader() != nullptr, 30000);

    // About 10% of ARM, AAD and Kubernetes requests fail, in every way the simulator can fail them. The
    // Lease itself is left alone: writes after a lost Lease are the partition test's subject.
    const QString kubeRoutes = u"^/(api/v1/namespaces|api/v1/events|apis/(aadpodidentity|events)).*"_s;
    const QJsonArray rules {
        QJsonObject {{u"id"_s, u"arm-500"_s},
                     {u"kind"_s, u"status"_s},
                     {u"path"_s, u"/subscriptions*"_s},
                     {u"status"_s, 500},
                     {u"fraction"_s, 0.03}},
        QJsonObject {{u"id"_s, u"arm-503"_s},
                     {u"kind"_s, u"status"_s},
                     {u"path"_s, u"/subscriptions*"_s},
                     {u"status"_s, 503},
                     {u"retryAfterSeconds"_s, 1},
                     {u"fraction"_s, 0.02}},
        QJsonObject {{u"id"_s, u"arm-429"_s},
                     {u"kind"_s, u"status"_s},
                     {u"path"_s, u"/subscriptions*"_s},
                     {u"status"_s, 429},
                     {u"retryAfterSeconds"_s, 1},
                     {u"fraction"_s, 0.02}},
        QJsonObject {{u"id"_s, u"arm-reset"_s},
                     {u"kind"_s, u"reset"_s},
                     {u"path"_s, u"/subscriptions*"_s},
                     {u"fraction"_s, 0.015}},
        QJsonObject {{u"id"_s, u"arm-truncate"_s},
                     {u"kind"_s, u"truncate"_s},
                     {u"path"_s, u"/subscriptions*"_s},
                     {u"fraction"_s, 0.015}},
        QJsonObject {{u"id"_s, u"aad-500"_s},
                     {u"kind"_s, u"status"_s},
                     {u"path"_s, u"*/oauth2/*"_s},
                     {u"status"_s, 500},
                     {u"fraction"_s, 0.05}},
        QJsonObject {
            {u"id"_s, u"aad-reset"_s}, {u"kind"_s, u"reset"_s}, {u"path"_s, u"*/oauth2/*"_s}, {u"fraction"_s, 0.05}},
        QJsonObject {{u"id"_s, u"kube-drop-watch"_s},
                     {u"kind"_s, u"drop-watch"_s},
                     {u"regex"_s, kubeRoutes},
                     {u"afterMs"_s, 3000},
                     {u"fraction"_s, 0.3}},
        QJsonObject {{u"id"_s, u"kube-500"_s},
                     {u"kind"_s, u"status"_s},
                     {u"regex"_s, kubeRoutes},
                     {u"status"_s, 500},
                     {u"fraction"_s, 0.03}},
        QJsonObject {{u"id"_s, u"kube-503"_s},
                     {u"kind"_s, u"status"_s},
                     {u"regex"_s, kubeRoutes},
                     {u"status"_s, 503},
                     {u"retryAfterSeconds"_s, 1},
                     {u"fraction"_s, 0.02}},
        QJsonObject {{u"id"_s, u"kube-429"_s},
                     {u"kind"_s, u"status"_s},
                     {u"regex"_s, kubeRoutes},
                     {u"status"_s, 429},
                     {u"retryAfterSeconds"_s, 1},
                     {u"fraction"_s, 0.02}},
        QJsonObject {
            {u"id"_s, u"kube-reset"_s}, {u"kind"_s, u"reset"_s}, {u"regex"_s, kubeRoutes}, {u"fraction"_s, 0.01}},
        QJsonObject {
            {u"id"_s, u"kube-truncate"_s}, {u"kind"_s, u"truncate"_s}, {u"regex"_s, kubeRoutes}, {u"fraction"_s, 0.01}},
        QJsonObject {{u"id"_s, u"kube-stall"_s},
                     {u"kind"_s, u"stall"_s},
                     {u"regex"_s, kubeRoutes},
                     {u"method"_s, u"POST"_s},
                     {u"fraction"_s, 0.005}},
    };
    const Reply added
        = control("POST", u"faults"_s, QJsonDocument(QJsonObject {{u"seed"_s, 7}, {u"rules"_s, rules}}).toJson());
    QVERIFY2(added.status == 200 || added.status == 201, added.body.constData());

    QRandomGenerator random(42);
    QElapsedTimer faults;
    faults.start();
    bool killed = false;
    bool terminated = false;
    while (faults.elapsed() < kFaultMs) {
        QTest::qWait(int(400 + random.bounded(400u)));
        mutateWorld(random);
        if (!killed && faults.elapsed() > kFaultMs / 4) {
            if (AgentProcess *l = leader()) {
                const QString name = l->name();
                stopAgent(name, true);
                qInfo("SIGKILL %s at %lld ms", qPrintable(name), faults.elapsed());
                startAgent(name);
                killed = true;
            }
        }
        if (!terminated && faults.elapsed() > kFaultMs / 2) {
            if (AgentProcess *l = leader()) {
                const QString name = l->name();
                stopAgent(name, false);
                qInfo("SIGTERM %s at %lld ms", qPrintable(name), faults.elapsed());
                startAgent(name);
                terminated = true;
            }
        }
    }
    QVERIFY(killed && terminated);
    const Reply fired = control("GET", u"faults"_s);
    QCOMPARE(control("DELETE", u"faults"_s).status, 204);
    const QDateTime faultsEnded = QDateTime::currentDateTimeUtc();
    QElapsedTimer converge;
    converge.start();
    while (!m_missing.isEmpty()) // the namespaces a fault kept the test from creating
        mutateWorld(random);

    // Converged: every MSI has its AzureIdentity, every labelled binding points at its MSI's identity,
    // and a dry run with the same options finds nothing to do.
    const auto identityNames = [this] {
        QSet<QString> names;
        for (const QJsonValue &item : list(u"/apis/aadpodidentity.k8s.io/v1/azureidentities"_s)) {
            const QJsonObject o = item.toObject();
            if (o.value(u"spec"_s).toObject().value(u"clientID"_s).toString()
                != u"00000000-0000-0000-0000-00000000beef"_s)
                names.insert(o.value(u"metadata"_s).toObject().value(u"namespace"_s).toString() + u'/'
                             + o.value(u"metadata"_s).toObject().value(u"name"_s).toString());
        }
        return names;
    };
    const auto driftedBindings = [this, &identityNames] {
        const QSet<QString> names = identityNames();
        int drifted = 0;
        for (const QJsonValue &item : list(u"/apis/aadpodidentity.k8s.io/v1/azureidentitybindings"_s)) {
            const QJsonObject o = item.toObject();
            const QString ns = o.value(u"metadata"_s).toObject().value(u"namespace"_s).toString();
            if (!names.contains(ns + u'/' + o.value(u"spec"_s).toObject().value(u"azureIdentity"_s).toString()))
                ++drifted;
        }
        return drifted;
    };
    QTRY_COMPARE_WITH_TIMEOUT(int(identityNames().size()), kMsis, 45000);
    QTRY_COMPARE_WITH_TIMEOUT(driftedBindings(), 0, 20000);
    const qint64 convergedMs = converge.elapsed();

    QProcess dryRun;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_env.begin(); it != m_env.end(); ++it)
        environment.insert(it.key(), it.value());
    dryRun.setProcessEnvironment(environment);
    dryRun.start(QStringLiteral(AMO_OPERATOR_EXE),
                 {u"--dry-run"_s, u"--azureidentity.binding.sync"_s, u"--azureidentity.expiry"_s,
                  u"--server.bind=127.0.0.1:0"_s});
    QTRY_VERIFY_WITH_TIMEOUT(dryRun.state() == QProcess::NotRunning, 60000);
    QVERIFY2(dryRun.exitCode() == 0, dryRun.readAllStandardOutput().right(2000).constData());

    // Nothing deleted but what the test deleted itself.
    const QJsonObject requests = json(control("GET", u"requests"_s).body);
    QMap<QString, int> byVerb;
    for (const QJsonValue &c : requests.value(u"counters"_s).toArray())
        byVerb[c.toObject().value(u"method"_s).toString()] += c.toObject().value(u"count"_s).toInt();
    QCOMPARE(byVerb.value(u"DELETE"_s), m_deletesSent);

    // No writes from a replica that did not hold the Lease (writes are logged after their answer, so a
    // little slack covers the log and the watch delays).
    int writes = 0;
    QStringList strayWrites;
    for (auto &[name, agent] : m_agents) {
        const QString log = m_logs.value(name) + agent->log();
        for (const QDateTime &t : writeTimes(log)) {
            ++writes;
            if (!leases.heldNear(name, t, 500))
                strayWrites.append(u"%1 at %2"_s.arg(name, t.toString(Qt::ISODateWithMs)));
        }
    }
    QVERIFY2(strayWrites.isEmpty(), qPrintable(strayWrites.join(u", "_s)));
    for (auto &[name, agent] : m_agents)
        stopAgent(name, false);
    QVERIFY2(m_unexpectedExits.isEmpty(), qPrintable(m_unexpectedExits.join(u"; "_s)));

    QMap<QString, int> faultsByKind;
    for (const QJsonValue &rule : json(fired.body).value(u"rules"_s).toArray())
        faultsByKind[rule.toObject().value(u"id"_s).toString()] += rule.toObject().value(u"fired"_s).toInt();
    int injected = 0;
    for (int n : std::as_const(faultsByKind))
        injected += n;
    qInfo() << "faults injected:" << injected << faultsByKind;
    qInfo() << "requests by verb:" << byVerb << "total" << requests.value(u"total"_s).toInt();
    qInfo("writes applied: %d; world changes by the test: %d (%d deletes); lease terms: %lld; converged %lld ms after "
          "the faults stopped (%s); whole run %lld s",
          writes, m_mutations, m_deletesSent, static_cast<long long>(leases.terms().size()), convergedMs,
          qPrintable(faultsEnded.toString(Qt::ISODateWithMs)), total.elapsed() / 1000);
    QVERIFY(injected > 0);
}

QTEST_GUILESS_MAIN(TestFaultSoak)
#include "tst_faultsoak.moc"
