// SPDX-License-Identifier: MIT
// The planner's side of "no team gets another team's identity": which bindings are re-pointed, when,
// and which namespaces may hold an MSI at all.
#include "plannerfixture.h"

namespace {

const QString kForeignId = u"/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourcegroups/team/providers/"
                           "Microsoft.ManagedIdentity/userAssignedIdentities/intruder"_s;
const QString kForeignClient = u"0e0e0e0e-0000-4000-8000-000000000001"_s;

Sync::PlannerOptions bindingOptions()
{
    Sync::PlannerOptions options;
    options.bindingSync = true;
    return options;
}

Model::ClusterState withNamespace(const QString &name, const Labels &labels,
                                  const std::optional<QString> &allowedSources = std::nullopt)
{
    Model::ClusterState cluster;
    cluster.insert(
        Model::ObservedNamespace {name, Model::ObservedNamespace::Phase::Active, u"1"_s, labels, allowedSources});
    return cluster;
}

QList<Action> aboutBindings(const Sync::Plan &plan)
{
    QList<Action> result;
    for (const Action &action : plan.actions) {
        if (action.aboutBinding)
            result << action;
    }
    return result;
}

} // namespace

class TestPlannerSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void foreignObjectHoldsTheBinding();
    void handEditedIdentityIsRestored();
    void repointWaitsForTheWrite_data();
    void repointWaitsForTheWrite();
    void duplicateTargetHoldsTheBinding();
    void crossNamespaceBindingIsReported_data();
    void crossNamespaceBindingIsReported();
    void selectorGuardsNamespaces_data();
    void selectorGuardsNamespaces();
    void refusedNamespaceDoesNotRenew();
    void allowedSourcesAnnotation_data();
    void allowedSourcesAnnotation();
    void badSelectorPlansNothing();
};

void TestPlannerSafety::foreignObjectHoldsTheBinding()
{
    // A namespace admin pre-creates the name the operator will use, pointing at another team's MSI.
    const Sync::PlannerOptions options = bindingOptions();
    Model::ClusterState cluster = withNamespaces({kNs});
    Model::ObservedIdentity planted = seedObserved(options);
    planted.labels.clear();
    planted.resourceId = kForeignId;
    planted.clientId = kForeignClient;
    cluster.insert(planted);
    cluster.insert(binding(u"foobar"_s, u"foobar-old"_s, seedLabels()));

    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, cluster, kNow);
    QCOMPARE(plan.writeCount(), 0);
    QCOMPARE(plan.actions.size(), 2);
    const QList<Action> held_ = aboutBindings(plan);
    QCOMPARE(held_.size(), 1);
    const Action &identity = plan.actions.at(plan.actions.at(0).aboutBinding ? 1 : 0);
    QCOMPARE(identity.kind, Action::Kind::Conflict);
    QCOMPARE(identity.code, u"ForeignIdentity"_s);
    QVERIFY(!identity.aboutBinding);
    const Action &held = held_.first();
    QCOMPARE(held.kind, Action::Kind::Conflict);
    QVERIFY(held.aboutBinding);
    QCOMPARE(held.resourceKind(), u"AzureIdentityBinding"_s);
    QCOMPARE(held.code, u"IdentityNotOurs"_s);
    QCOMPARE(held.name, u"foobar"_s);
    QVERIFY2(held.reason.startsWith(u"not re-pointed to " + kName + u": "), qPrintable(held.reason));
    QVERIFY2(held.reason.contains(kForeignId), qPrintable(held.reason));
}

void TestPlannerSafety::handEditedIdentityIsRestored()
{
    // Our labels name the MSI, so the object is ours even though someone pointed its spec elsewhere.
    const Sync::PlannerOptions options = bindingOptions();
    Model::ClusterState cluster = withNamespaces({kNs});
    Model::ObservedIdentity edited = seedObserved(options);
    const QString wantedClient = edited.clientId;
    edited.resourceId = kForeignId;
    edited.clientId = kForeignClient;
    cluster.insert(edited);
    cluster.insert(binding(u"foobar"_s, u"foobar-old"_s, seedLabels()));

    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, cluster, kNow);
    QCOMPARE(plan.count(Action::Kind::Conflict), 0);
    const QList<Action> updates = ofKind(plan, Action::Kind::UpdateIdentity);
    QCOMPARE(updates.size(), 1);
    QCOMPARE(updates.first().code, u"Restored"_s);
    QVERIFY2(updates.first().reason.contains(kForeignId), qPrintable(updates.first().reason));
    QCOMPARE(fieldsOf(updates.first()), (QStringList {u"spec.resourceID"_s, u"spec.clientID"_s}));
    QCOMPARE(updates.first().patch.value(u"spec"_s).toObject().value(u"clientID"_s).toString(), wantedClient);
    const QList<Action> repoints = ofKind(plan, Action::Kind::RepointBinding);
    QCOMPARE(repoints.size(), 1);
    QCOMPARE(repoints.first().afterIdentity, kName);
}

void TestPlannerSafety::repointWaitsForTheWrite_data()
{
    QTest::addColumn<QString>("existing"); // how the identity looks before the plan
    QTest::addColumn<QString>("afterIdentity");
    QTest::newRow("missing: created first") << u"missing"_s << kName;
    QTest::newRow("ours and current") << u"current"_s << QString();
    QTest::newRow("without our labels") << u"unlabelled"_s << kName;
    QTest::newRow("stale client ID") << u"stale-client"_s << kName;
    QTest::newRow("only the expiry changes") << u"old-expiry"_s << QString();
}

void TestPlannerSafety::repointWaitsForTheWrite()
{
    QFETCH(QString, existing);
    QFETCH(QString, afterIdentity);
    Sync::PlannerOptions options = bindingOptions();
    options.expiry = true;
    Model::ClusterState cluster = withNamespaces({kNs});
    if (existing != u"missing") {
        Model::ObservedIdentity observed = seedObserved(options);
        if (existing == u"unlabelled")
            observed.labels.clear();
        else if (existing == u"stale-client")
            observed.clientId = u"stale"_s;
        else if (existing == u"old-expiry")
            observed.annotations.insert(kExpires, u"2021-08-30"_s);
        cluster.insert(observed);
    }
    cluster.insert(binding(u"foobar"_s, u"foobar-old"_s, seedLabels()));

    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, cluster, kNow);
    const QList<Action> repoints = ofKind(plan, Action::Kind::RepointBinding);
    QCOMPARE(repoints.size(), 1);
    QCOMPARE(repoints.first().afterIdentity, afterIdentity);
    QCOMPARE(repoints.first().toIdentity, kName);
    if (existing == u"old-expiry")
        QCOMPARE(plan.count(Action::Kind::UpdateIdentity), 1);
}

void TestPlannerSafety::duplicateTargetHoldsTheBinding()
{
    const Sync::PlannerOptions options = bindingOptions();
    Model::ClusterState cluster = withNamespaces({kNs});
    cluster.insert(binding(u"foobar"_s, u"foobar-old"_s, seedLabels()));
    Model::Msi twin = otherMsi(u"foobar"_s, seedMsi().clientId, kNs);
    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options), mapMsi(options, twin)}, cluster, kNow);
    QCOMPARE(plan.writeCount(), 0);
    const QList<Action> held = aboutBindings(plan);
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.first().code, u"IdentityNotOurs"_s);
    QVERIFY2(held.first().reason.contains(u"none of them is written"_s), qPrintable(held.first().reason));
}

void TestPlannerSafety::crossNamespaceBindingIsReported_data()
{
    QTest::addColumn<bool>("namespaced");
    QTest::addColumn<bool>("localTwin");
    QTest::addColumn<QString>("wording");
    QTest::newRow("not namespaced") << false << false << u"unless it is namespaced"_s;
    QTest::newRow("namespaced") << true << false << u"the binding matches no identity"_s;
    QTest::newRow("same name in its own namespace") << false << true << QString();
}

void TestPlannerSafety::crossNamespaceBindingIsReported()
{
    QFETCH(bool, namespaced);
    QFETCH(bool, localTwin);
    QFETCH(QString, wording);
    Sync::PlannerOptions options;
    options.namespaced = namespaced;
    Model::ClusterState cluster = withNamespaces({kNs, u"team-b"_s});
    cluster.insert(seedObserved(options));
    if (localTwin) {
        Model::ObservedIdentity own = seedObserved(options);
        own.namespaceName = u"team-b"_s;
        own.labels.clear();
        cluster.insert(own);
    }
    // team-b's binding names test123's identity.
    cluster.insert(binding(u"borrowed"_s, kName, {}, u"team-b"_s));

    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, cluster, kNow);
    QCOMPARE(plan.writeCount(), 0);
    const QList<Action> reports = aboutBindings(plan);
    if (wording.isEmpty()) {
        QCOMPARE(reports.size(), 0);
        return;
    }
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.first().kind, Action::Kind::Conflict);
    QCOMPARE(reports.first().code, u"CrossNamespaceBinding"_s);
    QCOMPARE(reports.first().namespaceName, u"team-b"_s);
    QCOMPARE(reports.first().name, u"borrowed"_s);
    QVERIFY2(reports.first().reason.contains(wording), qPrintable(reports.first().reason));
    QVERIFY2(reports.first().reason.contains(kNs), qPrintable(reports.first().reason));
}

void TestPlannerSafety::selectorGuardsNamespaces_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<bool>("admitted");
    const Labels allow {{u"msi.azure.k8s.io/allow"_s, u"true"_s}};
    QTest::newRow("no selector") << QString() << Labels() << true;
    QTest::newRow("label matches") << u"msi.azure.k8s.io/allow=true"_s << allow << true;
    QTest::newRow("label missing") << u"msi.azure.k8s.io/allow=true"_s << Labels() << false;
    QTest::newRow("label differs") << u"msi.azure.k8s.io/allow=true"_s << Labels {{allow.firstKey(), u"no"_s}} << false;
    QTest::newRow("set-based") << u"tier in (apps, data),!frozen"_s << Labels {{u"tier"_s, u"apps"_s}} << true;
    QTest::newRow("set-based, excluded") << u"tier in (apps, data),!frozen"_s
                                         << Labels {{u"tier"_s, u"apps"_s}, {u"frozen"_s, u"x"_s}} << false;
}

void TestPlannerSafety::selectorGuardsNamespaces()
{
    QFETCH(QString, selector);
    QFETCH(Labels, labels);
    QFETCH(bool, admitted);
    Sync::PlannerOptions options = bindingOptions();
    options.namespaceSelector = selector;
    Model::ClusterState cluster = withNamespace(kNs, labels);
    cluster.insert(binding(u"foobar"_s, u"foobar-old"_s, seedLabels()));
    const Sync::Planner planner(options);
    QVERIFY2(planner.isValid(), qPrintable(planner.error()));
    const Sync::Plan plan = planner.plan({mapMsi(options)}, cluster, kNow);
    if (admitted) {
        QCOMPARE(plan.count(Action::Kind::CreateIdentity), 1);
        QCOMPARE(plan.count(Action::Kind::RepointBinding), 1);
        return;
    }
    QCOMPARE(plan.writeCount(), 0);
    QCOMPARE(plan.actions.size(), 1);
    QCOMPARE(plan.actions.first().kind, Action::Kind::Skip);
    QCOMPARE(plan.actions.first().code, u"NamespaceNotSelected"_s);
    QCOMPARE(plan.actions.first().reason,
             u"namespace \"test123\" does not match --kubernetes.namespace.selector \"%1\""_s.arg(selector));
}

void TestPlannerSafety::refusedNamespaceDoesNotRenew()
{
    // An identity the operator wrote earlier, in a namespace that no longer passes the guard: left alone and
    // reported as an orphan, never renewed or re-pointed to.
    Sync::PlannerOptions options = bindingOptions();
    options.namespaceSelector = u"msi.azure.k8s.io/allow=true"_s;
    Model::ClusterState cluster = withNamespace(kNs, {});
    Model::ObservedIdentity earlier = seedObserved(options);
    earlier.clientId = u"stale"_s;
    cluster.insert(earlier);
    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, cluster, kNow);
    QCOMPARE(plan.writeCount(), 0);
    QCOMPARE(plan.count(Action::Kind::Skip), 1);
    QCOMPARE(plan.count(Action::Kind::Orphan), 1);
}

void TestPlannerSafety::allowedSourcesAnnotation_data()
{
    QTest::addColumn<QString>("annotation");
    QTest::addColumn<bool>("admitted");
    QTest::addColumn<QString>("wording");
    QTest::newRow("its subscription") << kSub << true << QString();
    QTest::newRow("its resource group") << kSub + u"/barfoo"_s << true << QString();
    QTest::newRow("ARM ID prefix, other case")
        << u"/subscriptions/" + kSub.toUpper() + u"/resourceGroups/BarFoo" << true << QString();
    QTest::newRow("one of several") << u"0b1f6471-1bf0-4dda-aec3-111122223333, "_s + kSub << true << QString();
    QTest::newRow("another subscription")
        << u"0b1f6471-1bf0-4dda-aec3-111122223333"_s << false << u"accepts only MSIs of"_s;
    QTest::newRow("another resource group") << kSub + u"/elsewhere"_s << false << u"resource group barfoo"_s;
    QTest::newRow("empty: nothing") << QString() << false << u"accepts only MSIs of"_s;
    QTest::newRow("unreadable entry fails closed") << kSub + u", team blue!"_s << false << u"\"team\""_s;
}

void TestPlannerSafety::allowedSourcesAnnotation()
{
    QFETCH(QString, annotation);
    QFETCH(bool, admitted);
    QFETCH(QString, wording);
    Sync::PlannerOptions options;
    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, withNamespace(kNs, {}, annotation), kNow);
    if (admitted) {
        QCOMPARE(plan.count(Action::Kind::CreateIdentity), 1);
        return;
    }
    QCOMPARE(plan.writeCount(), 0);
    QCOMPARE(plan.actions.size(), 1);
    QCOMPARE(plan.actions.first().code, u"SourceNotAllowed"_s);
    QVERIFY2(plan.actions.first().reason.contains(wording), qPrintable(plan.actions.first().reason));
}

void TestPlannerSafety::badSelectorPlansNothing()
{
    Sync::PlannerOptions options;
    options.namespaceSelector = u"allow in (true"_s;
    const Sync::Planner planner(options);
    QVERIFY(!planner.isValid());
    QVERIFY2(planner.error().startsWith(u"--kubernetes.namespace.selector: "_s), qPrintable(planner.error()));
    QVERIFY(planner.plan({mapMsi(options)}, withNamespaces({kNs}), kNow).actions.isEmpty());
}

QTEST_GUILESS_MAIN(TestPlannerSafety)
#include "tst_plannersafety.moc"
