// SPDX-License-Identifier: MIT
#include "plannerfixture.h"
#include "shared/sync/expiryrule.h"
#include "shared/util/mergepatch.h"

class TestPlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsWhenAbsent();
    void unchangedWorldPlansZeroWrites_data();
    void unchangedWorldPlansZeroWrites();
    void updateListsFieldsThatDiffer_data();
    void updateListsFieldsThatDiffer();
    void updateKeepsWhatWeDoNotOwn();
    void expiryRenewal_data();
    void expiryRenewal();
    void expiryThreshold_data();
    void expiryThreshold();
    void createSetsOwnedAnnotations_data();
    void createSetsOwnedAnnotations();
    void repointsBindings_data();
    void repointsBindings();
};

void TestPlanner::createsWhenAbsent()
{
    const Sync::PlannerOptions options;
    const Mapping::MsiMapping mapping = mapMsi(options);
    const Sync::Plan plan = Sync::Planner(options).plan({mapping}, withNamespaces({kNs}), kNow);
    QCOMPARE(plan.actions.size(), 1);
    const Action &create = plan.actions.first();
    QCOMPARE(create.kind, Action::Kind::CreateIdentity);
    QCOMPARE(create.namespaceName, kNs);
    QCOMPARE(create.name, kName);
    QCOMPARE(create.msiId, kSeedId);
    QCOMPARE(create.object, mapping.identities.first().toJson());
    QVERIFY(create.patch.isEmpty());
    QCOMPARE(plan.writeCount(), 1);
    QCOMPARE(plan.generatedAt, kNow);
}

void TestPlanner::unchangedWorldPlansZeroWrites_data()
{
    QTest::addColumn<bool>("namespaced");
    QTest::addColumn<bool>("expiry");
    QTest::addColumn<bool>("bindingSync");
    QTest::addColumn<QString>("labelFormat");
    QTest::addColumn<QString>("layout");
    QTest::newRow("defaults") << false << false << false << u"msi.azure.k8s.io/%s"_s << u"2006-01-02"_s;
    QTest::newRow("namespaced") << true << false << false << u"msi.azure.k8s.io/%s"_s << u"2006-01-02"_s;
    QTest::newRow("expiry") << false << true << false << u"msi.azure.k8s.io/%s"_s << u"2006-01-02"_s;
    QTest::newRow("expiry RFC 3339") << false << true << false << u"msi.azure.k8s.io/%s"_s
                                     << u"2006-01-02T15:04:05Z07:00"_s;
    QTest::newRow("everything on") << true << true << true << u"msi.azure.k8s.io/%s"_s << u"2006-01-02"_s;
    QTest::newRow("no lookup labels") << true << true << true << QString() << u"2006-01-02"_s;
}

void TestPlanner::unchangedWorldPlansZeroWrites()
{
    QFETCH(bool, namespaced);
    QFETCH(bool, expiry);
    QFETCH(bool, bindingSync);
    QFETCH(QString, labelFormat);
    QFETCH(QString, layout);
    Sync::PlannerOptions options;
    options.namespaced = namespaced;
    options.expiry = expiry;
    options.bindingSync = bindingSync;
    options.labelFormat = labelFormat;
    options.expiryTimeFormat = layout;
    const QList<Mapping::MsiMapping> mappings {mapMsi(options), mapMsi(options, otherMsi(u"api"_s, u"c1"_s, kNs))};
    const Sync::Planner planner(options);

    // First sync: apply what it plans to an empty cluster.
    Model::ClusterState cluster = withNamespaces({kNs});
    cluster.insert(binding(u"foobar"_s, u"old-name"_s, seedLabels()));
    const Sync::Plan first = planner.plan(mappings, cluster, kNow);
    QCOMPARE(first.count(Action::Kind::CreateIdentity), 2);
    for (const Action &action : first.actions) {
        if (action.kind == Action::Kind::CreateIdentity) {
            cluster.insert(observe(action.object));
        } else if (action.kind == Action::Kind::RepointBinding) {
            Model::ObservedBinding moved = *cluster.findBinding(action.namespaceName, action.name);
            moved.azureIdentity = action.toIdentity;
            cluster.insert(moved);
        }
    }

    // Resyncs an hour and a day later find nothing to do.
    for (const QDateTime &later : {kNow.addSecs(3600), kNow.addDays(1)}) {
        const Sync::Plan again = planner.plan(mappings, cluster, later);
        QCOMPARE(again.writeCount(), 0);
        QVERIFY2(again.actions.isEmpty(), qPrintable(Action::kindName(again.actions.value(0).kind)));
    }
}

void TestPlanner::updateListsFieldsThatDiffer_data()
{
    QTest::addColumn<bool>("namespaced");
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QByteArray>("patch");

    QTest::newRow("clientID changed") << false << Mutation([](Model::ObservedIdentity &o) { o.clientId = u"old"_s; })
                                      << QStringList {u"spec.clientID"_s}
                                      << QByteArray(R"({"metadata":{"resourceVersion":"7"},)"
                                                    R"("spec":{"clientID":"df398181-f42f-41b4-b791-b1d4572be315"}})");
    QTest::newRow("type missing") << false << Mutation([](Model::ObservedIdentity &o) { o.type.reset(); })
                                  << QStringList {u"spec.type"_s}
                                  << QByteArray(R"({"metadata":{"resourceVersion":"7"},"spec":{"type":0}})");
    QTest::newRow("type service principal")
        << false << Mutation([](Model::ObservedIdentity &o) { o.type = 1; }) << QStringList {u"spec.type"_s}
        << QByteArray(R"({"metadata":{"resourceVersion":"7"},"spec":{"type":0}})");
    QTest::newRow("resourceID letter case")
        << false << Mutation([](Model::ObservedIdentity &o) { o.resourceId = kSeedId; })
        << QStringList {u"spec.resourceID"_s}
        << QByteArray(R"({"metadata":{"resourceVersion":"7"},"spec":{"resourceID":")" + kSeedId.toLower().toUtf8()
                      + R"("}})");
    QTest::newRow("label missing") << false << Mutation([](Model::ObservedIdentity &o) { o.labels.remove(kLabelName); })
                                   << QStringList {u"metadata.labels[msi.azure.k8s.io/name]"_s}
                                   << QByteArray(R"({"metadata":{"labels":{"msi.azure.k8s.io/name":"foobar"},)"
                                                 R"("resourceVersion":"7"}})");
    QTest::newRow("label wrong") << false
                                 << Mutation([](Model::ObservedIdentity &o) { o.labels[kLabelGroup] = u"other"_s; })
                                 << QStringList {u"metadata.labels[msi.azure.k8s.io/resourcegroup]"_s}
                                 << QByteArray(R"({"metadata":{"labels":{"msi.azure.k8s.io/resourcegroup":"barfoo"},)"
                                               R"("resourceVersion":"7"}})");
    QTest::newRow("Behavior missing, namespaced")
        << true << Mutation([](Model::ObservedIdentity &o) { o.annotations.remove(kBehavior); })
        << QStringList {u"metadata.annotations[aadpodidentity.k8s.io/Behavior]"_s}
        << QByteArray(R"({"metadata":{"annotations":{"aadpodidentity.k8s.io/Behavior":"namespaced"},)"
                      R"("resourceVersion":"7"}})");
    QTest::newRow("Behavior removed, not namespaced")
        << false << Mutation([](Model::ObservedIdentity &o) { o.annotations.insert(kBehavior, u"namespaced"_s); })
        << QStringList {u"metadata.annotations[aadpodidentity.k8s.io/Behavior]"_s}
        << QByteArray(R"({"metadata":{"annotations":{"aadpodidentity.k8s.io/Behavior":null},)"
                      R"("resourceVersion":"7"}})");
    QTest::newRow("Behavior value wrong")
        << true << Mutation([](Model::ObservedIdentity &o) { o.annotations.insert(kBehavior, u"cluster"_s); })
        << QStringList {u"metadata.annotations[aadpodidentity.k8s.io/Behavior]"_s}
        << QByteArray(R"({"metadata":{"annotations":{"aadpodidentity.k8s.io/Behavior":"namespaced"},)"
                      R"("resourceVersion":"7"}})");
    QTest::newRow("several") << false << Mutation([](Model::ObservedIdentity &o) {
        o.clientId.clear();
        o.labels.clear();
    })
                             << QStringList {u"metadata.labels[msi.azure.k8s.io/name]"_s,
                                             u"metadata.labels[msi.azure.k8s.io/resourcegroup]"_s,
                                             u"metadata.labels[msi.azure.k8s.io/subscription]"_s, u"spec.clientID"_s}
                             << QByteArray(R"({"metadata":{"labels":{"msi.azure.k8s.io/name":"foobar",)"
                                           R"("msi.azure.k8s.io/resourcegroup":"barfoo",)"
                                           R"("msi.azure.k8s.io/subscription":"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"},)"
                                           R"("resourceVersion":"7"},)"
                                           R"("spec":{"clientID":"df398181-f42f-41b4-b791-b1d4572be315"}})");
    QTest::newRow("foreign label and annotation only") << false << Mutation([](Model::ObservedIdentity &o) {
        o.labels.insert(u"team"_s, u"a"_s);
        o.annotations.insert(u"note"_s, u"hand-made"_s);
    }) << QStringList() << QByteArray("{}");
}

void TestPlanner::updateListsFieldsThatDiffer()
{
    QFETCH(bool, namespaced);
    QFETCH(Mutation, mutate);
    QFETCH(QStringList, fields);
    QFETCH(QByteArray, patch);
    Sync::PlannerOptions options;
    options.namespaced = namespaced;
    Model::ClusterState cluster = withNamespaces({kNs});
    Model::ObservedIdentity observed = seedObserved(options);
    mutate(observed);
    cluster.insert(observed);

    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, cluster, kNow);
    if (fields.isEmpty()) {
        QVERIFY(plan.actions.isEmpty());
        return;
    }
    QCOMPARE(plan.actions.size(), 1);
    const Action &update = plan.actions.first();
    QCOMPARE(update.kind, Action::Kind::UpdateIdentity);
    QCOMPARE(update.name, kName);
    QCOMPARE(fieldsOf(update), fields);
    QCOMPARE(compact(update.patch), patch);
}

void TestPlanner::updateKeepsWhatWeDoNotOwn()
{
    Sync::PlannerOptions options;
    options.namespaced = false;
    options.expiry = true;
    QJsonObject object = mapMsi(options).identities.first().toJson();
    QJsonObject metadata = object.value(u"metadata"_s).toObject();
    QJsonObject labels = metadata.value(u"labels"_s).toObject();
    labels.insert(u"app.kubernetes.io/part-of"_s, u"payments"_s);
    metadata.insert(u"labels"_s, labels);
    // A foreign annotation, the Behavior annotation (to be removed), and an expiry that is due.
    metadata.insert(u"annotations"_s,
                    QJsonObject {{u"owner"_s, u"team-a"_s}, {kBehavior, u"namespaced"_s}, {kExpires, u"2021-09-01"_s}});
    metadata.insert(u"resourceVersion"_s, u"314"_s);
    metadata.insert(u"uid"_s, u"5b3e0b9c-1111-2222-3333-444455556666"_s);
    object.insert(u"metadata"_s, metadata);
    QJsonObject spec = object.value(u"spec"_s).toObject();
    spec.insert(u"clientID"_s, u"stale"_s);
    spec.insert(u"adResourceID"_s, u"https://example.invalid"_s);
    object.insert(u"spec"_s, spec);
    object.insert(u"status"_s, QJsonObject {{u"availableReplicas"_s, 2}});

    Model::ClusterState cluster = withNamespaces({kNs});
    cluster.insert(Model::ObservedIdentity::fromJson(object));
    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, cluster, kNow);
    QCOMPARE(plan.actions.size(), 1);
    const Action &update = plan.actions.first();
    QCOMPARE(fieldsOf(update),
             (QStringList {u"metadata.annotations[aadpodidentity.k8s.io/Behavior]"_s,
                           u"metadata.annotations[janitor/expires]"_s, u"spec.clientID"_s}));
    QCOMPARE(compact(update.patch),
             QByteArray(R"({"metadata":{"annotations":{"aadpodidentity.k8s.io/Behavior":null,)"
                        R"("janitor/expires":"2021-11-28"},"resourceVersion":"314"},)"
                        R"("spec":{"clientID":"df398181-f42f-41b4-b791-b1d4572be315"}})"));

    // What the API server would store: ours fixed, everything else untouched.
    const QJsonObject after = Amo::MergePatch::apply(object, update.patch);
    QCOMPARE(after.value(u"status"_s), object.value(u"status"_s));
    QCOMPARE(after[u"spec"_s][u"adResourceID"_s].toString(), u"https://example.invalid"_s);
    QCOMPARE(after[u"metadata"_s][u"labels"_s], object[u"metadata"_s][u"labels"_s]);
    QCOMPARE(after[u"metadata"_s][u"uid"_s], object[u"metadata"_s][u"uid"_s]);
    QCOMPARE(after[u"metadata"_s][u"annotations"_s].toObject(),
             (QJsonObject {{u"owner"_s, u"team-a"_s}, {kExpires, u"2021-11-28"_s}}));
    QCOMPARE(after[u"spec"_s][u"clientID"_s].toString(), u"df398181-f42f-41b4-b791-b1d4572be315"_s);
}

void TestPlanner::expiryRenewal_data()
{
    QTest::addColumn<bool>("expiry");
    QTest::addColumn<QString>("existing"); // null: no annotation
    QTest::addColumn<bool>("renewed");

    // 2190h is 91.25 days, so the value written on 2021-08-29 is "2021-11-28"; half of it is ~45.6 days.
    QTest::newRow("missing") << true << QString() << true;
    QTest::newRow("unparseable") << true << u"next spring"_s << true;
    QTest::newRow("empty") << true << u""_s << true;
    QTest::newRow("other layout") << true << u"2021-11-28T00:00:00Z"_s << true;
    QTest::newRow("fresh, all left") << true << u"2021-11-28"_s << false;
    QTest::newRow("more than half left") << true << u"2021-10-20"_s << false;
    QTest::newRow("less than half left") << true << u"2021-10-10"_s << true;
    QTest::newRow("expires today") << true << u"2021-08-29"_s << true;
    QTest::newRow("expired") << true << u"2021-01-01"_s << true;
    QTest::newRow("beyond one duration") << true << u"2030-01-01"_s << true;
    QTest::newRow("expiry off leaves missing") << false << QString() << false;
    QTest::newRow("expiry off leaves unparseable") << false << u"next spring"_s << false;
    QTest::newRow("expiry off leaves expired") << false << u"2021-01-01"_s << false;
}

void TestPlanner::expiryRenewal()
{
    QFETCH(bool, expiry);
    QFETCH(QString, existing);
    QFETCH(bool, renewed);
    Sync::PlannerOptions options;
    options.expiry = true;
    Model::ObservedIdentity observed = seedObserved(options);
    observed.annotations.remove(kExpires);
    if (!existing.isNull())
        observed.annotations.insert(kExpires, existing);
    Model::ClusterState cluster = withNamespaces({kNs});
    cluster.insert(observed);

    options.expiry = expiry;
    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, cluster, kNow);
    if (!renewed) {
        QVERIFY(plan.actions.isEmpty());
        return;
    }
    QCOMPARE(plan.actions.size(), 1);
    const Action &update = plan.actions.first();
    QCOMPARE(update.kind, Action::Kind::UpdateIdentity);
    QCOMPARE(fieldsOf(update), QStringList {u"metadata.annotations[janitor/expires]"_s});
    QCOMPARE(update.changes.first().from, existing.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(existing));
    QCOMPARE(update.changes.first().to, QJsonValue(u"2021-11-28"_s));
    QCOMPARE(update.patch[u"metadata"_s][u"annotations"_s][kExpires].toString(), u"2021-11-28"_s);
}

void TestPlanner::expiryThreshold_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("hoursLeft");
    QTest::addColumn<int>("verdict");
    const auto keep = int(Sync::ExpiryRule::Verdict::Keep);
    const auto due = int(Sync::ExpiryRule::Verdict::Due);
    QTest::newRow("0.5, 60 of 100 left") << 0.5 << 60 << keep;
    QTest::newRow("0.5, exactly half left") << 0.5 << 50 << keep;
    QTest::newRow("0.5, 49 of 100 left") << 0.5 << 49 << due;
    QTest::newRow("0.25, 30 left") << 0.25 << 30 << keep;
    QTest::newRow("0.25, 20 left") << 0.25 << 20 << due;
    QTest::newRow("0, expired") << 0.0 << -1 << due;
    QTest::newRow("0, 1 left") << 0.0 << 1 << keep;
    QTest::newRow("1, 99 left") << 1.0 << 99 << due;
    QTest::newRow("1, all left") << 1.0 << 100 << keep;
    QTest::newRow("101 left") << 0.5 << 101 << int(Sync::ExpiryRule::Verdict::TooFar);
}

void TestPlanner::expiryThreshold()
{
    QFETCH(double, threshold);
    QFETCH(int, hoursLeft);
    QFETCH(int, verdict);
    const Sync::ExpiryRule rule(u"2006-01-02T15:04:05Z07:00"_s, std::chrono::hours(100), threshold);
    const QString value = rule.valueFor(kNow.addSecs(qint64(hoursLeft - 100) * 3600));
    QCOMPARE(int(rule.judge(value, kNow)), verdict);
}

void TestPlanner::createSetsOwnedAnnotations_data()
{
    QTest::addColumn<bool>("namespaced");
    QTest::addColumn<bool>("expiry");
    QTest::addColumn<QJsonObject>("annotations");
    QTest::newRow("none") << false << false << QJsonObject();
    QTest::newRow("namespaced") << true << false << QJsonObject {{kBehavior, u"namespaced"_s}};
    QTest::newRow("expiry") << false << true << QJsonObject {{kExpires, u"2021-11-28"_s}};
    QTest::newRow("both") << true << true << QJsonObject {{kBehavior, u"namespaced"_s}, {kExpires, u"2021-11-28"_s}};
}

void TestPlanner::createSetsOwnedAnnotations()
{
    QFETCH(bool, namespaced);
    QFETCH(bool, expiry);
    QFETCH(QJsonObject, annotations);
    Sync::PlannerOptions options;
    options.namespaced = namespaced;
    options.expiry = expiry;
    // The mapping was made without either, as a caller with mismatched options would: the planner's options win.
    const Mapping::MsiMapping mapping = mapMsi(Sync::PlannerOptions());
    const Sync::Plan plan = Sync::Planner(options).plan({mapping}, withNamespaces({kNs}), kNow);
    QCOMPARE(plan.actions.size(), 1);
    QCOMPARE(plan.actions.first().object[u"metadata"_s][u"annotations"_s].toObject(), annotations);
}

void TestPlanner::repointsBindings_data()
{
    QTest::addColumn<bool>("bindingSync");
    QTest::addColumn<bool>("identityExists");
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<QString>("bindingNamespace");
    QTest::addColumn<QString>("current");
    QTest::addColumn<bool>("repointed");

    const QMap<QString, QString> all = seedLabels();
    QMap<QString, QString> twoOfThree = all;
    twoOfThree.remove(kLabelGroup);
    QMap<QString, QString> wrongValue = all;
    wrongValue[kLabelName] = u"foobaz"_s;
    QMap<QString, QString> extra = all;
    extra.insert(u"app"_s, u"web"_s);

    QTest::newRow("all three labels, differs") << true << true << all << kNs << u"foobar-old"_s << true;
    QTest::newRow("identity still to create") << true << false << all << kNs << u"foobar-old"_s << true;
    QTest::newRow("extra labels are fine") << true << true << extra << kNs << u"foobar-old"_s << true;
    QTest::newRow("empty azureIdentity") << true << true << all << kNs << QString() << true;
    QTest::newRow("already points at it") << true << true << all << kNs << kName << false;
    QTest::newRow("two of three labels") << true << true << twoOfThree << kNs << u"foobar-old"_s << false;
    QTest::newRow("label of another MSI") << true << true << wrongValue << kNs << u"foobar-old"_s << false;
    QTest::newRow("no labels") << true << true << QMap<QString, QString>() << kNs << u"foobar-old"_s << false;
    QTest::newRow("other namespace") << true << true << all << u"other"_s << u"foobar-old"_s << false;
    QTest::newRow("binding sync off") << false << true << all << kNs << u"foobar-old"_s << false;
}

void TestPlanner::repointsBindings()
{
    QFETCH(bool, bindingSync);
    QFETCH(bool, identityExists);
    QFETCH(Labels, labels);
    QFETCH(QString, bindingNamespace);
    QFETCH(QString, current);
    QFETCH(bool, repointed);
    Sync::PlannerOptions options;
    options.bindingSync = bindingSync;
    Model::ClusterState cluster = withNamespaces({kNs, u"other"_s});
    if (identityExists)
        cluster.insert(seedObserved(options));
    cluster.insert(binding(u"foobar"_s, current, labels, bindingNamespace));

    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, cluster, kNow);
    const QList<Action> repoints = ofKind(plan, Action::Kind::RepointBinding);
    QCOMPARE(plan.count(Action::Kind::CreateIdentity), identityExists ? 0 : 1);
    if (!repointed) {
        QVERIFY(repoints.isEmpty());
        return;
    }
    QCOMPARE(repoints.size(), 1);
    const Action &repoint = repoints.first();
    QCOMPARE(repoint.namespaceName, kNs);
    QCOMPARE(repoint.name, u"foobar"_s);
    QCOMPARE(repoint.msiId, kSeedId);
    QCOMPARE(repoint.fromIdentity, current);
    QCOMPARE(repoint.toIdentity, kName);
    QCOMPARE(compact(repoint.patch),
             QByteArray(R"({"metadata":{"resourceVersion":"42"},"spec":{"azureIdentity":")") + kName.toUtf8()
                 + QByteArray(R"("}})"));
    // Creates come first, so the identity exists before the binding points at it.
    QCOMPARE(plan.actions.last().kind, Action::Kind::RepointBinding);
}

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
