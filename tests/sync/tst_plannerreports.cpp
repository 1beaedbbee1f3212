// SPDX-License-Identifier: MIT
#include "plannerfixture.h"

#include <algorithm>

class TestPlannerReports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void waitsForNamespace_data();
    void waitsForNamespace();
    void conflicts_data();
    void conflicts();
    void orphans_data();
    void orphans();
    void skipsComeFromTheMapping();
    void sameMsiTwiceClaimsOnce();
    void orderDoesNotDependOnInput();
    void invalidOptionsPlanNothing_data();
    void invalidOptionsPlanNothing();
};

void TestPlannerReports::waitsForNamespace_data()
{
    QTest::addColumn<bool>("exists");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << false << u"NamespaceMissing"_s << u"namespace \"test123\" does not exist"_s;
    QTest::newRow("terminating") << true << u"NamespaceTerminating"_s << u"namespace \"test123\" is terminating"_s;
}

void TestPlannerReports::waitsForNamespace()
{
    QFETCH(bool, exists);
    QFETCH(QString, code);
    QFETCH(QString, reason);
    Sync::PlannerOptions options;
    options.bindingSync = true;
    Model::ClusterState cluster = withNamespaces({u"elsewhere"_s});
    if (exists) {
        cluster.insert(Model::ObservedNamespace {kNs, Model::ObservedNamespace::Phase::Terminating, {}, {}, {}});
        cluster.insert(binding(u"foobar"_s, u"old"_s, seedLabels()));
    }
    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, cluster, kNow);
    QCOMPARE(plan.actions.size(), 1);
    const Action &wait = plan.actions.first();
    QCOMPARE(wait.kind, Action::Kind::WaitForNamespace);
    QCOMPARE(wait.namespaceName, kNs);
    QCOMPARE(wait.name, kName);
    QCOMPARE(wait.code, code);
    QCOMPARE(wait.reason, reason);
    QCOMPARE(plan.writeCount(), 0);
}

void TestPlannerReports::conflicts_data()
{
    QTest::addColumn<QString>("existingResourceId"); // null: no existing object
    QTest::addColumn<bool>("secondMsiSameTarget");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("conflicts");
    QTest::addColumn<int>("writes");

    const QString foreign = u"/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourcegroups/team/providers/"
                            "Microsoft.ManagedIdentity/userAssignedIdentities/intruder"_s;
    QTest::newRow("another MSI's identity") << foreign << false << u"ForeignIdentity"_s << 1 << 0;
    QTest::newRow("no resourceID") << u""_s << false << u"ForeignIdentity"_s << 1 << 0;
    QTest::newRow("same MSI, other letter case") << kSeedId.toUpper() << false << QString() << 0 << 2;
    QTest::newRow("two MSIs, one name") << QString() << true << u"DuplicateTarget"_s << 2 << 0;
    QTest::newRow("two MSIs, one name, one exists") << kSeedId.toLower() << true << u"DuplicateTarget"_s << 2 << 0;
}

void TestPlannerReports::conflicts()
{
    QFETCH(QString, existingResourceId);
    QFETCH(bool, secondMsiSameTarget);
    QFETCH(QString, code);
    QFETCH(int, conflicts);
    QFETCH(int, writes);
    Sync::PlannerOptions options;
    options.bindingSync = true;
    Model::ClusterState cluster = withNamespaces({kNs});
    if (!existingResourceId.isNull()) {
        Model::ObservedIdentity existing = seedObserved(options);
        existing.resourceId = existingResourceId;
        // Someone else's object: our labels would make it ours and restored (tst_plannersafety).
        if (existingResourceId.compare(kSeedId, Qt::CaseInsensitive) != 0)
            existing.labels.clear();
        cluster.insert(existing);
    }
    // A labelled binding must never be pointed at an identity we do not own.
    cluster.insert(binding(u"foobar"_s, u"foobar-old"_s, seedLabels()));
    QList<Mapping::MsiMapping> mappings {mapMsi(options)};
    if (secondMsiSameTarget) {
        Model::Msi other = otherMsi(u"foobar"_s, u"df398181-f42f-41b4-b791-b1d4572be315"_s, kNs);
        mappings << mapMsi(options, other);
        QCOMPARE(mappings.last().identities.first().name, kName);
    }

    const Sync::Plan plan = Sync::Planner(options).plan(mappings, cluster, kNow);
    QList<Action> found = ofKind(plan, Action::Kind::Conflict);
    // The binding is held back with its own report whenever its identity is in conflict.
    const qsizetype held = std::count_if(found.cbegin(), found.cend(), [](const Action &a) { return a.aboutBinding; });
    QCOMPARE(held, conflicts ? 1 : 0);
    found.removeIf([](const Action &a) { return a.aboutBinding; });
    QCOMPARE(found.size(), conflicts);
    QCOMPARE(plan.writeCount(), writes);
    for (const Action &conflict : found) {
        QCOMPARE(conflict.code, code);
        QCOMPARE(conflict.name, kName);
        QVERIFY(conflict.patch.isEmpty() && conflict.object.isEmpty());
        QVERIFY(!conflict.reason.isEmpty());
    }
    if (writes) {
        QCOMPARE(plan.actions.first().kind, Action::Kind::UpdateIdentity);
        QCOMPARE(fieldsOf(plan.actions.first()), QStringList {u"spec.resourceID"_s});
    }
    QCOMPARE(plan.count(Action::Kind::Orphan), 0);
}

void TestPlannerReports::orphans_data()
{
    QTest::addColumn<QString>("labelFormat");
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<QStringList>("failedSubscriptions");
    QTest::addColumn<QString>("expires");
    QTest::addColumn<bool>("orphan");

    const Labels all = seedLabels();
    Labels two = all;
    two.remove(kLabelSub);
    const QString format = u"msi.azure.k8s.io/%s"_s;
    QTest::newRow("MSI gone") << format << all << QStringList() << QString() << true;
    QTest::newRow("MSI gone, with expiry") << format << all << QStringList() << u"2021-10-01"_s << true;
    QTest::newRow("other subscription failed")
        << format << all << QStringList {u"0b1f6471-1bf0-4dda-aec3-111122223333"_s} << QString() << true;
    QTest::newRow("its subscription failed") << format << all << QStringList {kSub} << QString() << false;
    QTest::newRow("its subscription failed, upper case")
        << format << all << QStringList {kSub.toUpper()} << QString() << false;
    QTest::newRow("without our labels") << format << Labels() << QStringList() << QString() << false;
    QTest::newRow("two of three labels") << format << two << QStringList() << QString() << false;
    QTest::newRow("lookup labels off") << QString() << all << QStringList() << QString() << false;
}

void TestPlannerReports::orphans()
{
    QFETCH(QString, labelFormat);
    QFETCH(Labels, labels);
    QFETCH(QStringList, failedSubscriptions);
    QFETCH(QString, expires);
    QFETCH(bool, orphan);
    Sync::PlannerOptions options;
    options.labelFormat = labelFormat;
    Model::ClusterState cluster = withNamespaces({kNs});
    Model::ObservedIdentity gone = seedObserved(Sync::PlannerOptions());
    gone.labels = labels;
    if (!expires.isEmpty())
        gone.annotations.insert(kExpires, expires);
    cluster.insert(gone);
    // A managed identity that is still wanted is never an orphan.
    const Mapping::MsiMapping kept = mapMsi(options, otherMsi(u"api"_s, u"c1"_s, kNs));
    cluster.insert(observe(kept.identities.first().toJson()));

    const Sync::Plan plan = Sync::Planner(options).plan({kept}, cluster, kNow, failedSubscriptions);
    QCOMPARE(plan.writeCount(), 0);
    const QList<Action> orphans = ofKind(plan, Action::Kind::Orphan);
    QCOMPARE(orphans.size(), orphan ? 1 : 0);
    QCOMPARE(plan.actions.size(), orphans.size());
    if (!orphan)
        return;
    QCOMPARE(orphans.first().namespaceName, kNs);
    QCOMPARE(orphans.first().name, kName);
    QCOMPARE(orphans.first().msiId, kSeedId.toLower());
    QCOMPARE(orphans.first().expires, expires);
}

void TestPlannerReports::skipsComeFromTheMapping()
{
    Sync::PlannerOptions options;
    Model::Msi msi = seedMsi();
    msi.tags[u"k8snamespace"_s] = u"test123, kube-system, Bad_Name"_s;
    const Mapping::MsiMapping mapping = mapMsi(options, msi, {u"kube-system"_s});
    const Sync::Plan plan = Sync::Planner(options).plan({mapping}, withNamespaces({kNs}), kNow);
    const QList<Action> skips = ofKind(plan, Action::Kind::Skip);
    QCOMPARE(skips.size(), 2);
    // Ordered by namespace: "bad_name" before "kube-system".
    QCOMPARE(skips.at(0).code, u"InvalidNamespace"_s);
    QCOMPARE(skips.at(0).namespaceName, u"bad_name"_s);
    QCOMPARE(skips.at(1).code, u"IgnoredNamespace"_s);
    QCOMPARE(skips.at(1).reason, u"namespace \"kube-system\" is on the ignore list"_s);
    QCOMPARE(skips.at(1).msiId, kSeedId);
    QCOMPARE(plan.count(Action::Kind::CreateIdentity), 1);

    msi.tags.clear();
    const Sync::Plan none = Sync::Planner(options).plan({mapMsi(options, msi)}, withNamespaces({kNs}), kNow);
    QCOMPARE(none.actions.size(), 1);
    QCOMPARE(none.actions.first().code, u"NoNamespace"_s);
    QVERIFY(none.actions.first().namespaceName.isEmpty());
}

void TestPlannerReports::sameMsiTwiceClaimsOnce()
{
    const Sync::PlannerOptions options;
    const Sync::Plan plan
        = Sync::Planner(options).plan({mapMsi(options), mapMsi(options)}, withNamespaces({kNs}), kNow);
    QCOMPARE(plan.actions.size(), 1);
    QCOMPARE(plan.actions.first().kind, Action::Kind::CreateIdentity);
}

void TestPlannerReports::orderDoesNotDependOnInput()
{
    Sync::PlannerOptions options;
    options.bindingSync = true;
    QList<Mapping::MsiMapping> mappings {mapMsi(options),
                                         mapMsi(options, otherMsi(u"b"_s, u"c2"_s, u"b-ns, test123"_s)),
                                         mapMsi(options, otherMsi(u"a"_s, u"c1"_s, u"gone, test123"_s))};
    Model::ClusterState cluster = withNamespaces({kNs, u"b-ns"_s});
    cluster.insert(binding(u"foobar"_s, u"old"_s, seedLabels()));
    const Sync::Planner planner(options);
    const Sync::Plan forward = planner.plan(mappings, cluster, kNow);
    std::reverse(mappings.begin(), mappings.end());
    QCOMPARE(planner.plan(mappings, cluster, kNow), forward);

    QStringList order;
    for (const Action &action : forward.actions)
        order << Action::kindName(action.kind) + u' ' + action.namespaceName + u'/' + action.name;
    QCOMPARE(order,
             (QStringList {u"CreateIdentity b-ns/b-c2"_s, u"CreateIdentity test123/a-c1"_s,
                           u"CreateIdentity test123/b-c2"_s, u"CreateIdentity test123/" + kName,
                           u"RepointBinding test123/foobar"_s, u"WaitForNamespace gone/a-c1"_s}));
}

void TestPlannerReports::invalidOptionsPlanNothing_data()
{
    QTest::addColumn<QString>("labelFormat");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QString>("error");
    QTest::newRow("threshold above 1") << u"msi.azure.k8s.io/%s"_s << 1.5
                                       << u"expiry renewal threshold 1.5 is not between 0 and 1"_s;
    QTest::newRow("negative threshold") << u"msi.azure.k8s.io/%s"_s << -0.1
                                        << u"expiry renewal threshold -0.1 is not between 0 and 1"_s;
    QTest::newRow("bad label format") << u"bad key %s!"_s << 0.5 << u"--kubernetes.label.format: "_s;
}

void TestPlannerReports::invalidOptionsPlanNothing()
{
    QFETCH(QString, labelFormat);
    QFETCH(double, threshold);
    QFETCH(QString, error);
    Sync::PlannerOptions options;
    options.labelFormat = labelFormat;
    options.renewalThreshold = threshold;
    const Sync::Planner planner(options);
    QVERIFY(!planner.isValid());
    QVERIFY2(planner.error().startsWith(error), qPrintable(planner.error()));
    QVERIFY(planner.plan({mapMsi(Sync::PlannerOptions())}, withNamespaces({kNs}), kNow).actions.isEmpty());
}

QTEST_GUILESS_MAIN(TestPlannerReports)
#include "tst_plannerreports.moc"
