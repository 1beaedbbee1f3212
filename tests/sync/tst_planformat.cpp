// SPDX-License-Identifier: MIT
#include "shared/sync/planjson.h"
#include "shared/sync/plantext.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo;
using Sync::Action;

Q_DECLARE_METATYPE(Amo::Sync::Action)

namespace {
const QDateTime kNow = QDateTime(QDate(2021, 8, 29), QTime(0, 0), Qt::UTC);
const QString kSeedId = u"/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/resourcegroups/barfoo/providers/"
                        "Microsoft.ManagedIdentity/userAssignedIdentities/foobar"_s;

Action action(Action::Kind kind, const QString &ns, const QString &name)
{
    Action a;
    a.kind = kind;
    a.namespaceName = ns;
    a.name = name;
    a.msiId = kSeedId;
    return a;
}

Action create()
{
    Action a = action(Action::Kind::CreateIdentity, u"test123"_s, u"foobar-df39"_s);
    a.object = QJsonObject {{u"kind"_s, u"AzureIdentity"_s}};
    return a;
}

Action update()
{
    Action a = action(Action::Kind::UpdateIdentity, u"test123"_s, u"foobar-df39"_s);
    a.changes = {{u"metadata.annotations[janitor/expires]"_s, QJsonValue(QJsonValue::Null), u"2021-11-28"_s},
                 {u"spec.clientID"_s, u"old"_s, u"df39"_s}};
    a.patch = QJsonObject {{u"metadata"_s,
                            QJsonObject {{u"resourceVersion"_s, u"7"_s},
                                         {u"annotations"_s, QJsonObject {{u"janitor/expires"_s, u"2021-11-28"_s}}}}},
                           {u"spec"_s, QJsonObject {{u"clientID"_s, u"df39"_s}}}};
    return a;
}

Action repoint()
{
    Action a = action(Action::Kind::RepointBinding, u"test123"_s, u"foobar"_s);
    a.fromIdentity = u"foobar-old"_s;
    a.toIdentity = u"foobar-df39"_s;
    a.patch = QJsonObject {{u"metadata"_s, QJsonObject {{u"resourceVersion"_s, u"42"_s}}},
                           {u"spec"_s, QJsonObject {{u"azureIdentity"_s, u"foobar-df39"_s}}}};
    return a;
}

Action report(Action::Kind kind, const QString &ns, const QString &name, const QString &code, const QString &reason)
{
    Action a = action(kind, ns, name);
    a.code = code;
    a.reason = reason;
    return a;
}

Action orphan(const QString &expires)
{
    Action a = report(Action::Kind::Orphan, u"team-a"_s, u"gone-1234"_s, QString(),
                      u"no MSI maps to this AzureIdentity any more"_s);
    a.expires = expires;
    return a;
}

Sync::Plan everyKind()
{
    Sync::Plan plan;
    plan.generatedAt = kNow;
    plan.actions = {create(),
                    update(),
                    repoint(),
                    report(Action::Kind::WaitForNamespace, u"team-x"_s, u"foobar-df39"_s, u"NamespaceMissing"_s,
                           u"namespace \"team-x\" does not exist"_s),
                    report(Action::Kind::Conflict, u"team-b"_s, u"foobar-df39"_s, u"ForeignIdentity"_s,
                           u"an AzureIdentity of this name exists for another identity (/x); it is not overwritten"_s),
                    orphan(u"2021-10-01"_s),
                    report(Action::Kind::Skip, u"kube-system"_s, QString(), u"IgnoredNamespace"_s,
                           u"namespace \"kube-system\" is on the ignore list"_s)};
    return plan;
}
} // namespace

class TestPlanFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lines_data();
    void lines();
    void emptyPlan();
    void renderGolden();
    void actionJson_data();
    void actionJson();
    void planJsonGolden();
    void roundTrip();
    void rejectsBadJson_data();
    void rejectsBadJson();
};

void TestPlanFormat::lines_data()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("line");
    QTest::newRow("create") << create() << u"+ identity test123/foobar-df39"_s;
    QTest::newRow("update")
        << update() << u"~ identity test123/foobar-df39: metadata.annotations[janitor/expires], spec.clientID"_s;
    QTest::newRow("re-point") << repoint() << u"> binding test123/foobar: foobar-old → foobar-df39"_s;
    QTest::newRow("wait") << report(Action::Kind::WaitForNamespace, u"team-x"_s, u"a"_s, u"NamespaceMissing"_s,
                                    u"namespace \"team-x\" does not exist"_s)
                          << u"… identity team-x/a: namespace \"team-x\" does not exist"_s;
    QTest::newRow("conflict") << report(Action::Kind::Conflict, u"team-b"_s, u"a"_s, u"DuplicateTarget"_s, u"why"_s)
                              << u"! identity team-b/a: why"_s;
    QTest::newRow("orphan") << orphan(QString())
                            << u"? identity team-a/gone-1234: no MSI maps to this AzureIdentity any more"_s;
    QTest::newRow("orphan with expiry")
        << orphan(u"2021-10-01"_s)
        << u"? identity team-a/gone-1234: no MSI maps to this AzureIdentity any more; expires 2021-10-01"_s;
    QTest::newRow("skip of a namespace") << report(Action::Kind::Skip, u"kube-system"_s, QString(),
                                                   u"IgnoredNamespace"_s, u"ignored"_s)
                                         << u"# msi foobar → kube-system: ignored"_s;
    QTest::newRow("skip of an MSI") << report(Action::Kind::Skip, QString(), QString(), u"NoNamespace"_s, u"no tag"_s)
                                    << u"# msi foobar: no tag"_s;
}

void TestPlanFormat::lines()
{
    QFETCH(Action, action);
    QFETCH(QString, line);
    QCOMPARE(Sync::PlanText::line(action), line);
}

void TestPlanFormat::emptyPlan()
{
    QCOMPARE(Sync::PlanText::render(Sync::Plan()),
             u"Plan: 0 to create, 0 to update, 0 to re-point. "
             "Not written: 0 waiting for a namespace, 0 in conflict, 0 orphaned, 0 skipped.\n"_s);
}

void TestPlanFormat::renderGolden()
{
    QCOMPARE(Sync::PlanText::render(everyKind()),
             u"+ identity test123/foobar-df39\n"
             "~ identity test123/foobar-df39: metadata.annotations[janitor/expires], spec.clientID\n"
             "> binding test123/foobar: foobar-old → foobar-df39\n"
             "… identity team-x/foobar-df39: namespace \"team-x\" does not exist\n"
             "! identity team-b/foobar-df39: an AzureIdentity of this name exists for another identity (/x); "
             "it is not overwritten\n"
             "? identity team-a/gone-1234: no MSI maps to this AzureIdentity any more; expires 2021-10-01\n"
             "# msi foobar → kube-system: namespace \"kube-system\" is on the ignore list\n"
             "\n"
             "Plan: 1 to create, 1 to update, 1 to re-point. "
             "Not written: 1 waiting for a namespace, 1 in conflict, 1 orphaned, 1 skipped.\n"_s);
}

void TestPlanFormat::actionJson_data()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<QByteArray>("json");
    const QByteArray msi = R"("msiId":")" + kSeedId.toUtf8() + '"';
    QTest::newRow("create") << create()
                            << R"({"kind":"CreateIdentity",)" + msi
            + R"(,"name":"foobar-df39","namespace":"test123","object":{"kind":"AzureIdentity"},)"
              R"("resource":"AzureIdentity"})";
    QTest::newRow("update") << update()
                            << R"({"fields":[{"field":"metadata.annotations[janitor/expires]","from":null,)"
                               R"("to":"2021-11-28"},{"field":"spec.clientID","from":"old","to":"df39"}],)"
                               R"("kind":"UpdateIdentity",)"
            + msi
            + R"(,"name":"foobar-df39","namespace":"test123","patch":{"metadata":{"annotations":)"
              R"({"janitor/expires":"2021-11-28"},"resourceVersion":"7"},"spec":{"clientID":"df39"}},)"
              R"("resource":"AzureIdentity"})";
    QTest::newRow("re-point") << repoint()
                              << R"({"fields":[{"field":"spec.azureIdentity","from":"foobar-old","to":"foobar-df39"}],)"
                                 R"("kind":"RepointBinding",)"
            + msi
            + R"(,"name":"foobar","namespace":"test123","patch":{"metadata":{"resourceVersion":"42"},)"
              R"("spec":{"azureIdentity":"foobar-df39"}},"resource":"AzureIdentityBinding"})";
    QTest::newRow("orphan") << orphan(u"2021-10-01"_s)
                            << R"({"expires":"2021-10-01","kind":"Orphan",)" + msi
            + R"(,"name":"gone-1234","namespace":"team-a",)"
              R"("reason":"no MSI maps to this AzureIdentity any more","resource":"AzureIdentity"})";
    QTest::newRow("skip") << report(Action::Kind::Skip, QString(), QString(), u"NoNamespace"_s, u"no tag"_s)
                          << R"({"code":"NoNamespace","kind":"Skip",)" + msi + R"(,"reason":"no tag"})";
}

void TestPlanFormat::actionJson()
{
    QFETCH(Action, action);
    QFETCH(QByteArray, json);
    QCOMPARE(QJsonDocument(Sync::PlanJson::actionToJson(action)).toJson(QJsonDocument::Compact), json);
}

void TestPlanFormat::planJsonGolden()
{
    Sync::Plan plan;
    plan.generatedAt = kNow;
    plan.actions = {create()};
    QCOMPARE(Sync::PlanJson::toBytes(plan),
             QByteArray("{\n"
                        "    \"actions\": [\n"
                        "        {\n"
                        "            \"kind\": \"CreateIdentity\",\n"
                        "            \"msiId\": \""
                        + kSeedId.toUtf8()
                        + "\",\n"
                          "            \"name\": \"foobar-df39\",\n"
                          "            \"namespace\": \"test123\",\n"
                          "            \"object\": {\n"
                          "                \"kind\": \"AzureIdentity\"\n"
                          "            },\n"
                          "            \"resource\": \"AzureIdentity\"\n"
                          "        }\n"
                          "    ],\n"
                          "    \"formatVersion\": 1,\n"
                          "    \"generatedAt\": \"2021-08-29T00:00:00Z\",\n"
                          "    \"summary\": {\n"
                          "        \"conflict\": 0,\n"
                          "        \"create\": 1,\n"
                          "        \"orphan\": 0,\n"
                          "        \"repoint\": 0,\n"
                          "        \"skip\": 0,\n"
                          "        \"update\": 0,\n"
                          "        \"wait\": 0,\n"
                          "        \"writes\": 1\n"
                          "    }\n"
                          "}\n"));
}

void TestPlanFormat::roundTrip()
{
    const Sync::Plan plan = everyKind();
    Sync::Plan back;
    QString error;
    QVERIFY2(Sync::PlanJson::fromBytes(Sync::PlanJson::toBytes(plan), &back, &error), qPrintable(error));
    QCOMPARE(back, plan);
    QCOMPARE(Sync::PlanText::render(back), Sync::PlanText::render(plan));
}

void TestPlanFormat::rejectsBadJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not JSON") << QByteArray("plan?") << u"not a JSON plan: "_s;
    QTest::newRow("array") << QByteArray("[]") << u"not a JSON plan: "_s;
    QTest::newRow("no version") << QByteArray("{}") << u"unsupported plan format version -1 (expected 1)"_s;
    QTest::newRow("future version") << QByteArray(R"({"formatVersion":2})")
                                    << u"unsupported plan format version 2 (expected 1)"_s;
    QTest::newRow("unknown kind") << QByteArray(R"({"formatVersion":1,"actions":[{"kind":"DeleteIdentity"}]})")
                                  << u"action 0 has an unknown kind \"DeleteIdentity\""_s;
    QTest::newRow("write without body") << QByteArray(R"({"formatVersion":1,"actions":[{"kind":"UpdateIdentity"}]})")
                                        << u"action 0 (UpdateIdentity) carries neither an object nor a patch"_s;
    QTest::newRow("bad time") << QByteArray(R"({"formatVersion":1,"generatedAt":"yesterday"})")
                              << u"generatedAt \"yesterday\" is not an ISO 8601 time"_s;
}

void TestPlanFormat::rejectsBadJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    Sync::Plan plan;
    QString message;
    QVERIFY(!Sync::PlanJson::fromBytes(json, &plan, &message));
    QVERIFY2(message.startsWith(error), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestPlanFormat)
#include "tst_planformat.moc"
