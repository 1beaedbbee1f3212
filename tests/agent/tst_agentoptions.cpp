// SPDX-License-Identifier: MIT
// Every option of the agent rejects bad values with exit status 2 and one line that names it.
#include "agentrun.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAgentOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badValueExitsWithUsageError_data();
    void badValueExitsWithUsageError();
    void helpListsEverySeedOption_data();
    void helpListsEverySeedOption();
    void versionPrintsVersion();
    void startupLogHasNoSecretsAndOneLine();
};

void TestAgentOptions::badValueExitsWithUsageError_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("envName");
    QTest::addColumn<QString>("envValue");
    QTest::addColumn<QString>("mentions");
    const auto flag = [](const char *tag, QStringList args, const QString &mentions) {
        QTest::newRow(tag) << args << QString() << QString() << mentions;
    };
    const auto env = [](const char *tag, const QString &name, const QString &value, const QString &mentions) {
        QTest::newRow(tag) << QStringList {} << name << value << mentions;
    };
    flag("unknown flag", {u"--nope"_s}, u"--nope"_s);
    flag("value missing", {u"--sync.interval"_s}, u"--sync.interval"_s);
    env("DEBUG not a bool", u"DEBUG"_s, u"yes"_s, u"DEBUG"_s);
    env("VERBOSE not a bool", u"VERBOSE"_s, u"2"_s, u"VERBOSE"_s);
    env("LOG_JSON not a bool", u"LOG_JSON"_s, u"on"_s, u"LOG_JSON"_s);
    env("LOG_DEBUG not a bool", u"LOG_DEBUG"_s, u"tRUE"_s, u"LOG_DEBUG"_s);
    env("LOG_DEVEL not a bool", u"LOG_DEVEL"_s, u"nein"_s, u"LOG_DEVEL"_s);
    env("LEASE_ENABLE not a bool", u"LEASE_ENABLE"_s, u"enabled"_s, u"LEASE_ENABLE"_s);
    flag("lease.name invalid", {u"--lease.name=Bad_Name"_s}, u"--lease.name"_s);
    flag("sync.interval unit", {u"--sync.interval=5x"_s}, u"--sync.interval"_s);
    flag("sync.interval zero", {u"--sync.interval=0"_s}, u"--sync.interval"_s);
    flag("sync.interval negative", {u"--sync.interval=-1h"_s}, u"--sync.interval"_s);
    env("SYNC_WATCH not a bool", u"SYNC_WATCH"_s, u"always"_s, u"SYNC_WATCH"_s);
    flag("sync.locktime negative", {u"--sync.locktime=-5m"_s}, u"--sync.locktime"_s);
    flag("sync.locktime no unit", {u"--sync.locktime=5"_s}, u"--sync.locktime"_s);
    flag("azure.environment unknown", {u"--azure.environment=MARS"_s}, u"--azure.environment"_s);
    flag("azure.subscription empty", {u"--azure.subscription="_s}, u"--azure.subscription"_s);
    flag("label.format bad key", {u"--kubernetes.label.format=bad key/%s"_s}, u"--kubernetes.label.format"_s);
    flag("namespace.ignore invalid", {u"--kubernetes.namespace.ignore=Not Valid!"_s},
         u"--kubernetes.namespace.ignore"_s);
    env("AZUREIDENTITY_NAMESPACED not a bool", u"AZUREIDENTITY_NAMESPACED"_s, u"x"_s, u"AZUREIDENTITY_NAMESPACED"_s);
    flag("template.namespace unparsable", {u"--azureidentity.template.namespace={{ index .Tags"_s},
         u"--azureidentity.template.namespace"_s);
    flag("template.resourcename unknown func", {u"--azureidentity.template.resourcename={{ nope }}"_s},
         u"--azureidentity.template.resourcename"_s);
    env("AZUREIDENTITY_BINDING_SYNC not a bool", u"AZUREIDENTITY_BINDING_SYNC"_s, u"sure"_s,
        u"AZUREIDENTITY_BINDING_SYNC"_s);
    env("AZUREIDENTITY_EXPIRY not a bool", u"AZUREIDENTITY_EXPIRY"_s, u"-1"_s, u"AZUREIDENTITY_EXPIRY"_s);
    flag("expiry.annotation invalid", {u"--azureidentity.expiry.annotation=a/b/c"_s},
         u"--azureidentity.expiry.annotation"_s);
    flag("expiry.duration zero", {u"--azureidentity.expiry.duration=0s"_s}, u"--azureidentity.expiry.duration"_s);
    flag("expiry.duration garbage", {u"--azureidentity.expiry.duration=three months"_s},
         u"--azureidentity.expiry.duration"_s);
    flag("expiry.timeformat empty", {u"--azureidentity.expiry.timeformat="_s}, u"--azureidentity.expiry.timeformat"_s);
    flag("server.bind no port", {u"--server.bind=localhost"_s}, u"--server.bind"_s);
    flag("server.bind port range", {u"--server.bind=:70000"_s}, u"--server.bind"_s);
    flag("server.timeout.read zero", {u"--server.timeout.read=0s"_s}, u"--server.timeout.read"_s);
    flag("server.timeout.write bad", {u"--server.timeout.write=10"_s}, u"--server.timeout.write"_s);
    // Azure settings from the environment are judged at start too.
    env("METRIC_AZURERM_API_REQUEST_BUCKETS not numbers", u"METRIC_AZURERM_API_REQUEST_BUCKETS"_s, u"1, soon"_s,
        u"METRIC_AZURERM_API_REQUEST_BUCKETS"_s);
    env("METRIC_AZURERM_API_REQUEST_LABELS unknown", u"METRIC_AZURERM_API_REQUEST_LABELS"_s, u"method, colour"_s,
        u"METRIC_AZURERM_API_REQUEST_LABELS"_s);
    env("METRIC_AZURERM_API_RATELIMIT_ENABLE not a bool", u"METRIC_AZURERM_API_RATELIMIT_ENABLE"_s, u"maybe"_s,
        u"METRIC_AZURERM_API_RATELIMIT_ENABLE"_s);
    flag("Azure Stack without its file", {u"--azure.environment=AzureStackCloud"_s}, u"AZURE_ENVIRONMENT_FILEPATH"_s);
    flag("render.output unknown", {u"--render=-"_s, u"--render.output=xml"_s}, u"--render.output"_s);
}

void TestAgentOptions::badValueExitsWithUsageError()
{
    QFETCH(QStringList, args);
    QFETCH(QString, envName);
    QFETCH(QString, envValue);
    QFETCH(QString, mentions);
    QHash<QString, QString> env;
    if (!envName.isEmpty())
        env.insert(envName, envValue);
    const AgentRun run = AgentRun::exec(args, env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.err.count(u'\n'), 1); // one line
    QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
    QVERIFY2(!run.err.contains(u"Abort"_s) && !run.err.contains(u"terminate"_s), qPrintable(run.err));
}

void TestAgentOptions::helpListsEverySeedOption_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("envVar");
    QTest::addColumn<QString>("defaultValue");
    // The original README's usage list.
    QTest::newRow("debug") << u"--debug"_s << u"$DEBUG"_s << QString();
    QTest::newRow("verbose") << u"-v, --verbose"_s << u"$VERBOSE"_s << QString();
    QTest::newRow("log.json") << u"--log.json"_s << u"$LOG_JSON"_s << QString();
    QTest::newRow("instance.nodename") << u"--instance.nodename="_s << u"$INSTANCE_NODENAME"_s << QString();
    QTest::newRow("instance.namespace") << u"--instance.namespace="_s << u"$INSTANCE_NAMESPACE"_s << QString();
    QTest::newRow("instance.pod") << u"--instance.pod="_s << u"$INSTANCE_POD"_s << QString();
    QTest::newRow("lease.enable") << u"--lease.enable"_s << u"$LEASE_ENABLE"_s << QString();
    QTest::newRow("lease.name") << u"--lease.name="_s << u"$LEASE_NAME"_s << u"azure-msi-operator-leader"_s;
    QTest::newRow("sync.interval") << u"--sync.interval="_s << u"$SYNC_INTERVAL"_s << u"1h"_s;
    QTest::newRow("sync.watch") << u"--sync.watch"_s << u"$SYNC_WATCH"_s << QString();
    QTest::newRow("sync.locktime") << u"--sync.locktime="_s << u"$SYNC_LOCKTIME"_s << u"5m"_s;
    QTest::newRow("azure.environment") << u"--azure.environment="_s << u"$AZURE_ENVIRONMENT"_s << u"AZUREPUBLICCLOUD"_s;
    QTest::newRow("azure.subscription") << u"--azure.subscription="_s << u"$AZURE_SUBSCRIPTION_ID"_s << QString();
    QTest::newRow("kubeconfig") << u"--kubeconfig="_s << u"$KUBECONFIG"_s << QString();
    QTest::newRow("kubernetes.label.format")
        << u"--kubernetes.label.format="_s << u"$KUBERNETES_LABEL_FORMAT"_s << u"msi.azure.k8s.io/%s"_s;
    QTest::newRow("kubernetes.namespace.ignore")
        << u"--kubernetes.namespace.ignore="_s << u"$KUBERNETES_NAMESPACE_IGNORE"_s << u"gatekeeper-system"_s;
    QTest::newRow("azureidentity.namespaced")
        << u"--azureidentity.namespaced"_s << u"$AZUREIDENTITY_NAMESPACED"_s << QString();
    QTest::newRow("template.namespace") << u"--azureidentity.template.namespace="_s
                                        << u"$AZUREIDENTITY_TEMPLATE_NAMESPACE"_s << u"k8snamespace"_s;
    QTest::newRow("template.resourcename")
        << u"--azureidentity.template.resourcename="_s << u"$AZUREIDENTITY_TEMPLATE_RESOURCENAME"_s << u".ClientId"_s;
    QTest::newRow("binding.sync") << u"--azureidentity.binding.sync"_s << u"$AZUREIDENTITY_BINDING_SYNC"_s << QString();
    QTest::newRow("expiry") << u"--azureidentity.expiry"_s << u"$AZUREIDENTITY_EXPIRY"_s << QString();
    QTest::newRow("expiry.annotation") << u"--azureidentity.expiry.annotation="_s
                                       << u"$AZUREIDENTITY_EXPIRY_ANNOTATION"_s << u"janitor/expires"_s;
    QTest::newRow("expiry.duration") << u"--azureidentity.expiry.duration="_s << u"$AZUREIDENTITY_EXPIRY_DURATION"_s
                                     << u"2190h"_s;
    QTest::newRow("expiry.timeformat") << u"--azureidentity.expiry.timeformat="_s
                                       << u"$AZUREIDENTITY_EXPIRY_TIMEFORMAT"_s << u"2006-01-02"_s;
    QTest::newRow("server.bind") << u"--server.bind="_s << u"$SERVER_BIND"_s << u":8080"_s;
    QTest::newRow("server.timeout.read") << u"--server.timeout.read="_s << u"$SERVER_TIMEOUT_READ"_s << u"5s"_s;
    QTest::newRow("server.timeout.write") << u"--server.timeout.write="_s << u"$SERVER_TIMEOUT_WRITE"_s << u"10s"_s;
    QTest::newRow("help") << u"-h, --help"_s << QString() << QString();
}

void TestAgentOptions::helpListsEverySeedOption()
{
    QFETCH(QString, option);
    QFETCH(QString, envVar);
    QFETCH(QString, defaultValue);
    const AgentRun run = AgentRun::exec({u"--help"_s});
    QCOMPARE(run.exitCode, 0);
    // Help entries wrap; judge each option by its whole entry (up to the next option line).
    const qsizetype at = run.out.indexOf(option);
    QVERIFY2(at >= 0, qPrintable(option));
    qsizetype end = run.out.indexOf(u"\n  -"_s, at);
    const QString entry = run.out.mid(at, end < 0 ? -1 : end - at).simplified();
    if (!envVar.isEmpty())
        QVERIFY2(entry.contains(u'[' + envVar + u']'), qPrintable(entry));
    if (!defaultValue.isEmpty())
        QVERIFY2(entry.contains(u"(default: "_s) && entry.contains(defaultValue), qPrintable(entry));
}

void TestAgentOptions::versionPrintsVersion()
{
    const AgentRun run = AgentRun::exec({u"--version"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, u"azure-msi-operator " AMO_VERSION "\n"_s);
}

void TestAgentOptions::startupLogHasNoSecretsAndOneLine()
{
    QHash<QString, QString> env {{u"AZURE_CLIENT_SECRET"_s, u"s3cr3t-value"_s},
                                 {u"AZURE_CLIENT_CERTIFICATE_PASSWORD"_s, u"pfx-pass"_s},
                                 {u"LOG_JSON"_s, u"true"_s}};
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{not json");
    file.close();
    const AgentRun run = AgentRun::exec({u"--render="_s + path}, env);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!run.err.contains(u"s3cr3t-value"_s));
    QVERIFY(!run.err.contains(u"pfx-pass"_s));
    const QStringList lines = run.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.filter(u"starting"_s).size(), 1); // the effective configuration, once
    const QJsonObject first = QJsonDocument::fromJson(lines.first().toUtf8()).object(); // JSON lines with --log.json
    QCOMPARE(first.value(u"level"_s).toString(), u"info"_s);
    QVERIFY(first.value(u"config"_s).toString().contains(u"sync.interval=1h0m0s"_s));
    QVERIFY2(run.err.contains(path), qPrintable(run.err)); // the culprit is named
}

QTEST_GUILESS_MAIN(TestAgentOptions)
#include "tst_agentoptions.moc"
