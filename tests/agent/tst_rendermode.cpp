// SPDX-License-Identifier: MIT
#include "agentrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {
const QString kExample = QStringLiteral(AMO_SOURCE_DIR "/resources/examples/msis.json");
}

class TestRenderMode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void yamlHasOneDocumentPerIdentity();
    void skipsGoToStderr();
    void jsonReportsTemplatesObjectsAndSkips();
    void honoursEveryMappingOption();
    void badItemsAreNamedAndTheRestIsPrinted();
    void unreadableFileFails();
    void endlessInputIsRefused();
    void endlessStdinIsCutOff();
};

void TestRenderMode::yamlHasOneDocumentPerIdentity()
{
    const AgentRun run = AgentRun::exec({u"--render"_s, kExample});
    QCOMPARE(run.exitCode, 0);
    // foobar -> test123, payments-api -> payments + payments-canary; the other three are skipped.
    QCOMPARE(run.out.count(u"---\n"_s), 3);
    QCOMPARE(run.out.count(u"kind: AzureIdentity\n"_s), 3);
    QVERIFY(run.out.contains(u"  namespace: payments-canary\n"_s));
    QVERIFY(run.out.startsWith(u"---\napiVersion: aadpodidentity.k8s.io/v1\n"_s));
}

void TestRenderMode::skipsGoToStderr()
{
    const AgentRun run = AgentRun::exec({u"--render"_s, kExample});
    QVERIFY(!run.out.contains(u"skip "_s));
    QStringList skips = run.err.split(u'\n').filter(u"skip /subscriptions/"_s);
    QCOMPARE(skips.size(), 4);
    QVERIFY(run.err.contains(u"namespace \"kube-system\" is on the ignore list"_s));
    QVERIFY(run.err.contains(u"\"search_team!\" is not a valid namespace name"_s));
    QVERIFY(run.err.contains(u"{{ lower .Name }}"_s));
    QVERIFY(run.err.contains(u"etl-untagged: the namespace template produced no namespace"_s));
}

void TestRenderMode::jsonReportsTemplatesObjectsAndSkips()
{
    const AgentRun run = AgentRun::exec({u"--render"_s, kExample, u"--render.output=json"_s});
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray msis = report.value(u"msis"_s).toArray();
    QCOMPARE(msis.size(), 6);
    const QJsonObject payments = msis.at(1).toObject();
    QVERIFY(payments.value(u"id"_s).toString().endsWith(u"/payments-api"_s));
    QCOMPARE(payments[u"templates"_s][u"namespace"_s][u"output"_s].toString(), u"payments, payments-canary"_s);
    QCOMPARE(payments[u"templates"_s][u"resourcename"_s][u"output"_s].toString(),
             u"payments-api-0c7e4b1a-2f3d-4e5a-8b6c-9d0e1f2a3b4c"_s);
    QCOMPARE(payments.value(u"objects"_s).toArray().size(), 2);
    const QJsonObject search = msis.at(3).toObject();
    QCOMPARE(search.value(u"objects"_s).toArray().size(), 0);
    const QJsonObject skip = search.value(u"skips"_s).toArray().first().toObject();
    QCOMPARE(skip.value(u"kind"_s).toString(), u"InvalidNamespace"_s);
    QCOMPARE(skip.value(u"namespace"_s).toString(), u"search_team!"_s);
}

void TestRenderMode::honoursEveryMappingOption()
{
    const QHash<QString, QString> env {
        {u"AZUREIDENTITY_TEMPLATE_RESOURCENAME"_s, u"{{ lower .Name }}"_s},
        {u"AZUREIDENTITY_TEMPLATE_NAMESPACE"_s, u"{{ index .Tags \"owner\" }}"_s},
        {u"KUBERNETES_NAMESPACE_IGNORE"_s, u"nobody"_s},
        {u"KUBERNETES_LABEL_FORMAT"_s, u"example.com/msi-%s"_s},
        {u"AZUREIDENTITY_NAMESPACED"_s, u""_s}, // set but empty means true
        {u"AZUREIDENTITY_EXPIRY"_s, u"1"_s},
        {u"AZUREIDENTITY_EXPIRY_ANNOTATION"_s, u"example.com/expires"_s},
        {u"AZUREIDENTITY_EXPIRY_DURATION"_s, u"1h"_s},
        {u"AZUREIDENTITY_EXPIRY_TIMEFORMAT"_s, u"Jan 2, 2006"_s},
    };
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(3600);
    const AgentRun run = AgentRun::exec({u"--render"_s, kExample}, env);
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(3600);
    QCOMPARE(run.exitCode, 0);
    // Only payments-api has an "owner" tag.
    QCOMPARE(run.out.count(u"---\n"_s), 1);
    QVERIFY(run.out.contains(u"  name: payments-api\n  namespace: team-payments\n"_s));
    QVERIFY(run.out.contains(u"    example.com/msi-name: payments-api\n"_s));
    QVERIFY(run.out.contains(u"    aadpodidentity.k8s.io/Behavior: namespaced\n"_s));
    // Go's "Jan 2, 2006" layout, one hour from now (either side of the run, in case midnight passed).
    const auto expected = [](const QDateTime &t) -> QString {
        return u"    example.com/expires: \""_s + QLocale::c().toString(t.date(), u"MMM d, yyyy"_s) + u"\"\n"_s;
    };
    QVERIFY2(run.out.contains(expected(before)) || run.out.contains(expected(after)), qPrintable(run.out));
}

void TestRenderMode::badItemsAreNamedAndTheRestIsPrinted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"msis.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"value":[
        {"id":"/subscriptions/s1/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/good",
         "tags":{"k8snamespace":"team-a"},"properties":{"clientId":"c1"}},
        {"id":"/subscriptions/s1/oops"}]})");
    file.close();
    const AgentRun run = AgentRun::exec({u"--render"_s, path});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out.count(u"kind: AzureIdentity"_s), 1);
    QVERIFY2(run.err.contains(path + u": item 1 (\\\"/subscriptions/s1/oops\\\")"_s)
                 || run.err.contains(path + u": item 1 (\"/subscriptions/s1/oops\")"_s),
             qPrintable(run.err));
}

void TestRenderMode::unreadableFileFails()
{
    // A runtime error (exit status 1, as the README says) that names the file and why.
    const AgentRun run = AgentRun::exec({u"--render"_s, u"/nonexistent/file.json"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(u"/nonexistent/file.json"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"No such file"_s), qPrintable(run.err));
}

void TestRenderMode::endlessInputIsRefused()
{
    // /dev/zero never ends and a FIFO without a writer never opens: both fail at once, naming the path.
    const AgentRun zero = AgentRun::exec({u"--render"_s, u"/dev/zero"_s});
    QCOMPARE(zero.exitCode, 1);
    QVERIFY2(zero.err.contains(u"/dev/zero is not a regular file"_s), qPrintable(zero.err));
    QTemporaryDir dir;
    const QString fifo = dir.filePath(u"fifo"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const AgentRun pipe = AgentRun::exec({u"--render"_s, fifo});
    QCOMPARE(pipe.exitCode, 1);
    QVERIFY2(pipe.err.contains(fifo + u" is not a regular file"_s), qPrintable(pipe.err));
}

void TestRenderMode::endlessStdinIsCutOff()
{
    // `--render -` from a stream without end stops at the bound with an error instead of growing to gigabytes.
    QProcess agent;
    agent.setProgram(QStringLiteral(AMO_AGENT_BINARY));
    agent.setArguments({u"--render"_s, u"-"_s});
    agent.setStandardInputFile(u"/dev/zero"_s);
    agent.start();
    QVERIFY(agent.waitForFinished(120000));
    QCOMPARE(agent.exitCode(), 1);
    QVERIFY2(agent.readAllStandardError().contains("stdin is larger than 134217728 bytes"), "no size error");
}

QTEST_GUILESS_MAIN(TestRenderMode)
#include "tst_rendermode.moc"
