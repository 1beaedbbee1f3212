// SPDX-License-Identifier: MIT
// --dry-run's exit codes and output formats, in-process against the simulator: 2 with changes pending,
// 0 once they are applied, 1 when the plan is incomplete (a subscription cannot be listed) or the
// cluster cannot be read.
#include "agentrun.h"

#include "agent/demoenvironment.h"
#include "shared/sandbox/clusterbridge.h"
#include "shared/sandbox/kubeapihandler.h"
#include "shared/sandbox/kuberesourcetype.h"
#include "shared/sandbox/kubestore.h"
#include "shared/sandbox/sandbox.h"
#include "shared/util/yamlreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString kDemoScenario = QStringLiteral(AMO_SOURCE_DIR "/resources/sandbox/demo-scenario.json");
const QString kForbidden = u"9759b033-491a-5eaa-af94-3c8721bf83d2"_s; // contoso-finance
const QStringList kListable {u"34aba136-51c8-5f3e-90fa-769b41bec319"_s, u"fda44ca2-f3d2-5ae6-bf6f-20a52f3b1b7c"_s,
                             u"9bc9f69c-79c6-53cc-b5be-68d40b347e2d"_s};

/** The demo scenario without the forbidden subscription's 403, so every listing succeeds. */
QString allowedScenario(const QTemporaryDir &dir)
{
    QFile demo(kDemoScenario);
    if (!demo.open(QIODevice::ReadOnly))
        return {};
    QJsonObject scenario = QJsonDocument::fromJson(demo.readAll()).object();
    QJsonArray subscriptions = scenario.value(u"subscriptions"_s).toArray();
    for (QJsonValueRef entry : subscriptions) {
        QJsonObject subscription = entry.toObject();
        subscription.remove(u"forbidden"_s);
        entry = subscription;
    }
    scenario.insert(u"subscriptions"_s, subscriptions);
    QFile out(dir.filePath(u"allowed-scenario.json"_s));
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(QJsonDocument(scenario).toJson());
    return out.fileName();
}

AgentRun timedRun(const char *what, const QStringList &args, const QHash<QString, QString> &env)
{
    QElapsedTimer timer;
    timer.start();
    AgentRun run = AgentRun::exec(args, env);
    qInfo("%s: exit %d after %lld ms", what, run.exitCode, timer.elapsed());
    return run;
}

const QRegularExpression &summaryLine()
{
    static const QRegularExpression line(u"(^|\\n)Plan: [^\\n]*\\.\\n$"_s);
    return line;
}

} // namespace

class TestDryRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void pendingThenApplied();
    void planFormats();
    void incompletePlan();
    void subscriptionFilterCompletesPlan();
    void unreachableCluster();
    void syncOnceRecordsEvents();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Amo::Agent::DemoEnvironment> m_simulator;
    QString m_allowed;
};

void TestDryRun::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_allowed = allowedScenario(*m_dir);
    QVERIFY(!m_allowed.isEmpty());
    m_simulator = std::make_unique<Amo::Agent::DemoEnvironment>();
}

void TestDryRun::pendingThenApplied()
{
    QString error;
    QVERIFY2(m_simulator->start(&error, m_allowed), qPrintable(error));
    const QHash<QString, QString> env = m_simulator->environment();

    const AgentRun pending = timedRun("--dry-run on a fresh cluster", {u"--dry-run"_s}, env);
    QVERIFY2(pending.exitCode == 2, qPrintable(pending.err));
    QVERIFY2(pending.out.contains(summaryLine()), qPrintable(pending.out));
    QVERIFY2(pending.out.contains(u"\n+ identity "_s) || pending.out.startsWith(u"+ identity "_s),
             qPrintable(pending.out));
    QVERIFY2(pending.out.contains(u" to create"_s), qPrintable(pending.out));

    // --dry-run writes nothing: the same plan again.
    const AgentRun again = timedRun("--dry-run a second time", {u"--dry-run"_s}, env);
    QCOMPARE(again.exitCode, 2);
    QCOMPARE(again.out, pending.out);

    const AgentRun once = timedRun("--sync.once", {u"--sync.once"_s}, env);
    QVERIFY2(once.exitCode == 0, qPrintable(once.err));

    const AgentRun applied = timedRun("--dry-run after --sync.once", {u"--dry-run"_s}, env);
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
    QVERIFY2(applied.out.contains(summaryLine()), qPrintable(applied.out));
    for (const QString &symbol : {u"+ "_s, u"~ "_s, u"> "_s}) {
        const bool hasWrite = applied.out.startsWith(symbol) || applied.out.contains(u'\n' + symbol);
        QVERIFY2(!hasWrite, qPrintable(applied.out));
    }
}

void TestDryRun::planFormats()
{
    QString error;
    QVERIFY2(m_simulator->start(&error, m_allowed), qPrintable(error));
    const QHash<QString, QString> env = m_simulator->environment();

    const AgentRun json = timedRun("--dry-run --plan.output=json", {u"--dry-run"_s, u"--plan.output=json"_s}, env);
    QVERIFY2(json.exitCode == 2, qPrintable(json.err));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.out.toUtf8(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString() + u'\n' + json.out));
    const QJsonObject plan = document.object();
    QStringList keys = plan.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList {u"actions"_s, u"formatVersion"_s, u"generatedAt"_s, u"summary"_s}));
    QCOMPARE(plan.value(u"formatVersion"_s).toInt(), 1);
    const QDateTime generatedAt = QDateTime::fromString(plan.value(u"generatedAt"_s).toString(), Qt::ISODate);
    QVERIFY(generatedAt.isValid());
    QVERIFY(qAbs(generatedAt.secsTo(QDateTime::currentDateTimeUtc())) < 600);
    const QJsonObject summary = plan.value(u"summary"_s).toObject();
    QVERIFY(summary.value(u"writes"_s).toInt() > 0);
    QCOMPARE(summary.value(u"writes"_s).toInt(),
             summary.value(u"create"_s).toInt() + summary.value(u"update"_s).toInt()
                 + summary.value(u"repoint"_s).toInt());
    const QJsonArray actions = plan.value(u"actions"_s).toArray();
    QVERIFY(!actions.isEmpty());
    int creates = 0;
    for (const QJsonValue &action : actions) {
        QVERIFY(!action.toObject().value(u"kind"_s).toString().isEmpty());
        QVERIFY(!action.toObject().value(u"msiId"_s).toString().isEmpty());
        creates += action.toObject().value(u"kind"_s).toString() == u"CreateIdentity"_s ? 1 : 0;
    }
    QCOMPARE(creates, summary.value(u"create"_s).toInt());

    const AgentRun yaml = timedRun("--dry-run --plan.output=yaml", {u"--dry-run"_s, u"--plan.output=yaml"_s}, env);
    QVERIFY2(yaml.exitCode == 2, qPrintable(yaml.err));
    const Amo::YamlReader::Result read = Amo::YamlReader::parse(yaml.out.toUtf8());
    QVERIFY2(read.ok(), qPrintable(read.error + u'\n' + yaml.out));
    // The same plan; only the moment it was made for may differ.
    QJsonObject fromYaml = read.value.toObject();
    QJsonObject fromJson = plan;
    QVERIFY(!fromYaml.value(u"generatedAt"_s).toString().isEmpty());
    fromYaml.remove(u"generatedAt"_s);
    fromJson.remove(u"generatedAt"_s);
    QCOMPARE(fromYaml, fromJson);
}

void TestDryRun::incompletePlan()
{
    // The demo as shipped: contoso-finance answers 403, so the plan leaves its MSIs out.
    QString error;
    QVERIFY2(m_simulator->start(&error, kDemoScenario), qPrintable(error));
    const QHash<QString, QString> env = m_simulator->environment();

    const AgentRun dry = timedRun("--dry-run with a forbidden subscription", {u"--dry-run"_s}, env);
    QCOMPARE(dry.exitCode, 1);
    QVERIFY2(dry.out.contains(summaryLine()), qPrintable(dry.out)); // the partial plan is still shown
    QVERIFY2(dry.err.contains(u"subscription listing failed"_s) && dry.err.contains(kForbidden), qPrintable(dry.err));

    const AgentRun once = timedRun("--sync.once with a forbidden subscription", {u"--sync.once"_s}, env);
    QCOMPARE(once.exitCode, 1);
}

void TestDryRun::subscriptionFilterCompletesPlan()
{
    // Leaving the forbidden subscription out makes the plan complete again.
    QString error;
    QVERIFY2(m_simulator->start(&error, kDemoScenario), qPrintable(error));
    const QHash<QString, QString> env = m_simulator->environment();
    QStringList args {u"--dry-run"_s};
    for (const QString &id : kListable)
        args.append(u"--azure.subscription="_s + id);

    const AgentRun dry = timedRun("--dry-run --azure.subscription (the three listable ones)", args, env);
    QVERIFY2(dry.exitCode == 2, qPrintable(dry.err));
    QVERIFY2(!dry.err.contains(kForbidden), qPrintable(dry.err));

    QStringList onceArgs = args;
    onceArgs.replace(0, u"--sync.once"_s);
    const AgentRun once = timedRun("--sync.once --azure.subscription", onceArgs, env);
    QVERIFY2(once.exitCode == 0, qPrintable(once.err));
    const AgentRun after = timedRun("--dry-run --azure.subscription after --sync.once", args, env);
    QVERIFY2(after.exitCode == 0, qPrintable(after.out + after.err));
}

void TestDryRun::unreachableCluster()
{
    QString error;
    QVERIFY2(m_simulator->start(&error, m_allowed), qPrintable(error));
    QHash<QString, QString> env = m_simulator->environment();

    // A port that was free a moment ago and that nobody listens on now.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    QFile kubeconfig(m_dir->filePath(u"closed-kubeconfig"_s));
    QVERIFY(kubeconfig.open(QIODevice::WriteOnly));
    kubeconfig.write(u"apiVersion: v1\nkind: Config\nclusters:\n- name: closed\n  cluster:\n"
                     "    server: \"http://127.0.0.1:%1\"\n"
                     "users:\n- name: user\n  user:\n    token: \"t\"\n"
                     "contexts:\n- name: closed\n  context:\n    cluster: closed\n    user: user\n"
                     "current-context: closed\n"_s.arg(closedPort)
                         .toUtf8());
    kubeconfig.close();
    env.insert(u"KUBECONFIG"_s, kubeconfig.fileName());

    const AgentRun dry = timedRun("--dry-run against a closed port", {u"--dry-run"_s}, env);
    qInfo("stderr: %s", qPrintable(dry.err.trimmed()));
    QCOMPARE(dry.exitCode, 1);
    QVERIFY2(dry.err.contains(u"cannot read the cluster"_s), qPrintable(dry.err));
    QVERIFY2(dry.err.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(dry.err)); // names the cause
    QVERIFY2(dry.out.isEmpty(), qPrintable(dry.out)); // no plan from half the facts
}

void TestDryRun::syncOnceRecordsEvents()
{
    QString error;
    QVERIFY2(m_simulator->start(&error, m_allowed), qPrintable(error));
    const QHash<QString, QString> env = m_simulator->environment();
    const AgentRun json = timedRun("--dry-run --plan.output=json", {u"--dry-run"_s, u"--plan.output=json"_s}, env);
    QVERIFY2(json.exitCode == 2, qPrintable(json.err));
    const int creates
        = QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"summary"_s).toObject().value(u"create"_s).toInt();
    QVERIFY(creates > 0);

    const AgentRun once = timedRun("--sync.once", {u"--sync.once"_s}, env);
    QVERIFY2(once.exitCode == 0, qPrintable(once.err));

    // The run returned: its Events are written already, one Normal "Created" per identity it created.
    using Amo::Sandbox::KubeResourceType;
    const KubeResourceType *events = KubeResourceType::find(u"events.k8s.io"_s, u"v1"_s, u"events"_s);
    QVERIFY(events);
    auto &store = static_cast<Amo::Sandbox::KubeApiHandler *>(m_simulator->sandbox().cluster().native())->store();
    int created = 0;
    for (const auto &event : store.objects(*events)) {
        const QJsonObject object = event->json();
        created += object.value(u"reason"_s).toString() == u"Created"_s
                && object.value(u"type"_s).toString() == u"Normal"_s
                && object.value(u"regarding"_s).toObject().value(u"kind"_s).toString() == u"AzureIdentity"_s
            ? 1
            : 0;
    }
    QCOMPARE(created, creates);
}

QTEST_GUILESS_MAIN(TestDryRun)
#include "tst_dryrun.moc"
