// SPDX-License-Identifier: MIT
#include "../kube/kubetestenv.h"
#include "plannerfixture.h"
#include "shared/sandbox/kuberesourcetype.h"
#include "shared/sync/applier.h"

#include <QSignalSpy>

using Amo::Sandbox::FaultRule;
using Amo::Sandbox::KubeResourceType;
using Outcome = Amo::Sync::ActionResult::Outcome;
using Sync::ActionResult;

namespace {

constexpr int kTimeoutMs = 30000;

const KubeResourceType &typeOf(const QString &plural)
{
    const QString group = plural == u"namespaces" ? QString() : u"aadpodidentity.k8s.io"_s;
    return *KubeResourceType::find(group, u"v1"_s, plural);
}

QByteArray scenario()
{
    return R"({"namespaces": ["test123", "team-b", "team-c"],
        "users": [{"name": "admin", "token": "t-admin", "groups": ["system:masters"]}]})";
}

} // namespace

class TestApplier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void createsLand();
    void updateKeepsForeignFields();
    void repointChangesOnlyTheIdentity();
    void subsetAppliesExactlyThoseItems();
    void conflictIsReplannedAndApplied();
    void existingCreateBecomesUnchanged();
    void conflictGivesUpAfterThreeAttempts();
    void deletedNamespaceWaits();
    void serverErrorFailsOneItemOnly();
    void cancelStopsNewItems();
    void abortStopsRetriesInFlight();
    void withoutRequestRetriesAFailureReturnsAtOnce();

private:
    Model::ClusterState snapshot();
    QJsonObject read(const QString &plural, const QString &ns, const QString &name);
    QList<ActionResult> run(Sync::Applier &applier, const QList<Action> &actions);
    Sync::Applier::Replan replanner(const Sync::PlannerOptions &options, const QList<Mapping::MsiMapping> &mappings);
    static QJsonObject bindingJson(const QString &ns, const QString &name, const QString &identity);

    std::unique_ptr<KubeTest::Env> m_env;
    std::unique_ptr<Kube::KubeClient> m_client;
    int m_replans = 0;
    QList<QJsonObject> m_fresh;
};

void TestApplier::init()
{
    m_env = std::make_unique<KubeTest::Env>(false, scenario());
    QVERIFY2(m_env->loadError.isEmpty(), qPrintable(m_env->loadError));
    m_client = m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s)));
    m_replans = 0;
    m_fresh.clear();
}

void TestApplier::cleanup()
{
    m_client.reset();
    m_env.reset();
}

Model::ClusterState TestApplier::snapshot()
{
    Model::ClusterState cluster;
    for (const auto &o : m_env->store().objects(typeOf(u"namespaces"_s)))
        cluster.insert(Model::ObservedNamespace::fromJson(o->json()));
    for (const auto &o : m_env->store().objects(typeOf(u"azureidentities"_s)))
        cluster.insert(Model::ObservedIdentity::fromJson(o->json()));
    for (const auto &o : m_env->store().objects(typeOf(u"azureidentitybindings"_s)))
        cluster.insert(Model::ObservedBinding::fromJson(o->json()));
    return cluster;
}

QJsonObject TestApplier::read(const QString &plural, const QString &ns, const QString &name)
{
    const auto object = m_env->store().object(typeOf(plural), ns, name);
    return object ? object->json() : QJsonObject();
}

QList<ActionResult> TestApplier::run(Sync::Applier &applier, const QList<Action> &actions)
{
    QSignalSpy finished(&applier, &Sync::Applier::finished);
    if (!applier.apply(actions))
        return {};
    if (!finished.wait(kTimeoutMs) && finished.isEmpty())
        return {};
    return finished.first().first().value<QList<ActionResult>>();
}

// What a caller does on a conflict: take the fresh object into its state and plan that one item again.
Sync::Applier::Replan TestApplier::replanner(const Sync::PlannerOptions &options,
                                             const QList<Mapping::MsiMapping> &mappings)
{
    return [this, options, mappings](const Action &stale, const QJsonObject &fresh) -> std::optional<Action> {
        ++m_replans;
        m_fresh << fresh;
        Model::ClusterState cluster = snapshot();
        if (stale.kind == Action::Kind::RepointBinding)
            cluster.insert(Model::ObservedBinding::fromJson(fresh));
        else if (!fresh.isEmpty())
            cluster.insert(Model::ObservedIdentity::fromJson(fresh));
        const Sync::Plan plan = Sync::Planner(options).plan(mappings, cluster, kNow);
        for (const Action &action : plan.actions) {
            if (action.namespaceName == stale.namespaceName && action.name == stale.name
                && action.resourceKind() == stale.resourceKind())
                return action;
        }
        return std::nullopt;
    };
}

QJsonObject TestApplier::bindingJson(const QString &ns, const QString &name, const QString &identity)
{
    QJsonObject labels;
    const Labels seed = seedLabels();
    for (auto it = seed.cbegin(); it != seed.cend(); ++it)
        labels.insert(it.key(), it.value());
    labels.insert(u"team"_s, u"blue"_s);
    return QJsonObject {
        {u"apiVersion"_s, u"aadpodidentity.k8s.io/v1"_s},
        {u"kind"_s, u"AzureIdentityBinding"_s},
        {u"metadata"_s, QJsonObject {{u"name"_s, name}, {u"namespace"_s, ns}, {u"labels"_s, labels}}},
        {u"spec"_s, QJsonObject {{u"azureIdentity"_s, identity}, {u"selector"_s, u"my-selector"_s}, {u"weight"_s, 3}}}};
}

void TestApplier::createsLand()
{
    const Sync::PlannerOptions options;
    const QList<Mapping::MsiMapping> mappings {mapMsi(options), mapMsi(options, otherMsi(u"api"_s, u"c1"_s, kNs))};
    const Sync::Plan plan = Sync::Planner(options).plan(mappings, snapshot(), kNow);
    QCOMPARE(plan.count(Action::Kind::CreateIdentity), 2);

    Sync::Applier applier(m_client.get());
    QSignalSpy items(&applier, &Sync::Applier::itemFinished);
    QSignalSpy finished(&applier, &Sync::Applier::finished);
    QVERIFY(applier.apply(plan));
    QVERIFY(applier.isRunning());
    QVERIFY(!applier.apply(plan)); // busy
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    QCOMPARE(items.size(), 2);
    const auto results = finished.first().first().value<QList<ActionResult>>();
    QCOMPARE(results.size(), 2);
    for (const ActionResult &r : results) {
        QCOMPARE(r.outcome, Outcome::Applied);
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.error.isEmpty());
        const QJsonObject stored = read(u"azureidentities"_s, kNs, r.action.name);
        QCOMPARE(stored.value(u"spec"_s).toObject(), r.action.object.value(u"spec"_s).toObject());
    }
    // Applied again from the world as it is now: nothing left to write.
    QCOMPARE(Sync::Planner(options).plan(mappings, snapshot(), kNow).writeCount(), 0);
}

void TestApplier::updateKeepsForeignFields()
{
    const Sync::PlannerOptions options;
    const Mapping::MsiMapping mapping = mapMsi(options);
    QJsonObject object = mapping.identities.first().toJson();
    QJsonObject metadata = object.value(u"metadata"_s).toObject();
    QJsonObject labels = metadata.value(u"labels"_s).toObject();
    labels.insert(u"team"_s, u"blue"_s);
    metadata.insert(u"labels"_s, labels);
    metadata.insert(u"annotations"_s, QJsonObject {{u"owner"_s, u"someone"_s}});
    object.insert(u"metadata"_s, metadata);
    QJsonObject spec = object.value(u"spec"_s).toObject();
    const QString wantedClientId = spec.value(u"clientID"_s).toString();
    spec.insert(u"clientID"_s, u"stale-client"_s);
    object.insert(u"spec"_s, spec);
    object.insert(u"status"_s, QJsonObject {{u"availableReplicas"_s, 1}});
    QVERIFY(m_env->store().put(object).ok());

    const Sync::Plan plan = Sync::Planner(options).plan({mapping}, snapshot(), kNow);
    QCOMPARE(plan.writeCount(), 1);
    QCOMPARE(plan.writes().first().kind, Action::Kind::UpdateIdentity);

    Sync::Applier applier(m_client.get());
    const QList<ActionResult> results = run(applier, plan.writes());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().outcome, Outcome::Applied);

    const QJsonObject stored = read(u"azureidentities"_s, kNs, kName);
    QCOMPARE(stored.value(u"spec"_s).toObject().value(u"clientID"_s).toString(), wantedClientId);
    const QJsonObject storedMeta = stored.value(u"metadata"_s).toObject();
    QCOMPARE(storedMeta.value(u"labels"_s).toObject().value(u"team"_s).toString(), u"blue"_s);
    QCOMPARE(storedMeta.value(u"annotations"_s).toObject().value(u"owner"_s).toString(), u"someone"_s);
    QCOMPARE(stored.value(u"status"_s).toObject(), (QJsonObject {{u"availableReplicas"_s, 1}}));
}

void TestApplier::repointChangesOnlyTheIdentity()
{
    Sync::PlannerOptions options;
    options.bindingSync = true;
    const Mapping::MsiMapping mapping = mapMsi(options);
    QVERIFY(m_env->store().put(mapping.identities.first().toJson()).ok());
    QVERIFY(m_env->store().put(bindingJson(kNs, u"foobar"_s, u"old-name"_s)).ok());
    const QJsonObject before = read(u"azureidentitybindings"_s, kNs, u"foobar"_s);

    const Sync::Plan plan = Sync::Planner(options).plan({mapping}, snapshot(), kNow);
    QCOMPARE(plan.writeCount(), 1);
    QCOMPARE(plan.writes().first().kind, Action::Kind::RepointBinding);

    Sync::Applier applier(m_client.get());
    const QList<ActionResult> results = run(applier, plan.writes());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().outcome, Outcome::Applied);

    const QJsonObject after = read(u"azureidentitybindings"_s, kNs, u"foobar"_s);
    QJsonObject expectedSpec = before.value(u"spec"_s).toObject();
    expectedSpec.insert(u"azureIdentity"_s, kName);
    QCOMPARE(after.value(u"spec"_s).toObject(), expectedSpec);
    QCOMPARE(after.value(u"metadata"_s).toObject().value(u"labels"_s),
             before.value(u"metadata"_s).toObject().value(u"labels"_s));
    QCOMPARE(after.value(u"status"_s), before.value(u"status"_s));
}

void TestApplier::subsetAppliesExactlyThoseItems()
{
    const Sync::PlannerOptions options;
    const QList<Mapping::MsiMapping> mappings {mapMsi(options), mapMsi(options, otherMsi(u"api"_s, u"c1"_s, kNs)),
                                               mapMsi(options, otherMsi(u"web"_s, u"c2"_s, u"team-b"_s))};
    const Sync::Plan plan = Sync::Planner(options).plan(mappings, snapshot(), kNow);
    const QList<Action> writes = plan.writes();
    QCOMPARE(writes.size(), 3);

    Sync::Applier applier(m_client.get());
    const QList<ActionResult> results = run(applier, {writes.at(2), writes.at(0)});
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).action, writes.at(2));
    QCOMPARE(results.at(1).action, writes.at(0));
    QCOMPARE(results.at(0).outcome, Outcome::Applied);
    QCOMPARE(results.at(1).outcome, Outcome::Applied);
    QVERIFY(!read(u"azureidentities"_s, writes.at(0).namespaceName, writes.at(0).name).isEmpty());
    QVERIFY(read(u"azureidentities"_s, writes.at(1).namespaceName, writes.at(1).name).isEmpty());
    QVERIFY(!read(u"azureidentities"_s, writes.at(2).namespaceName, writes.at(2).name).isEmpty());
    QCOMPARE(m_env->store().objects(typeOf(u"azureidentities"_s)).size(), 2);
}

void TestApplier::conflictIsReplannedAndApplied()
{
    const Sync::PlannerOptions options;
    const Mapping::MsiMapping mapping = mapMsi(options);
    QJsonObject object = mapping.identities.first().toJson();
    QJsonObject spec = object.value(u"spec"_s).toObject();
    const QString wantedClientId = spec.value(u"clientID"_s).toString();
    spec.insert(u"clientID"_s, u"stale-client"_s);
    object.insert(u"spec"_s, spec);
    QVERIFY(m_env->store().put(object).ok());
    const Sync::Plan plan = Sync::Planner(options).plan({mapping}, snapshot(), kNow);
    QCOMPARE(plan.writeCount(), 1);

    // Someone labels the object between plan and apply: the plan's resourceVersion is now stale.
    const QJsonObject foreign {{u"metadata"_s, QJsonObject {{u"labels"_s, QJsonObject {{u"team"_s, u"red"_s}}}}}};
    const Kube::KubeResponse edit
        = KubeTest::run(m_client->mergePatch(Kube::Resource::AzureIdentities, kNs, kName, foreign));
    QVERIFY2(edit.ok(), qPrintable(edit.error.message));

    Sync::Applier applier(m_client.get());
    applier.setReplan(replanner(options, {mapping}));
    const QList<ActionResult> results = run(applier, plan.writes());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().outcome, Outcome::Applied);
    QCOMPARE(results.first().attempts, 2);
    QCOMPARE(m_replans, 1);
    QCOMPARE(m_fresh.first().value(u"metadata"_s).toObject().value(u"labels"_s).toObject().value(u"team"_s),
             QJsonValue(u"red"_s));

    const QJsonObject stored = read(u"azureidentities"_s, kNs, kName);
    QCOMPARE(stored.value(u"spec"_s).toObject().value(u"clientID"_s).toString(), wantedClientId);
    QCOMPARE(stored.value(u"metadata"_s).toObject().value(u"labels"_s).toObject().value(u"team"_s).toString(),
             u"red"_s);
}

void TestApplier::existingCreateBecomesUnchanged()
{
    const Sync::PlannerOptions options;
    const Mapping::MsiMapping mapping = mapMsi(options);
    const Sync::Plan plan = Sync::Planner(options).plan({mapping}, snapshot(), kNow);
    QCOMPARE(plan.count(Action::Kind::CreateIdentity), 1);
    // Another writer creates exactly what we want before we do: the re-plan finds nothing left to do.
    QVERIFY(m_env->store().put(mapping.identities.first().toJson()).ok());

    Sync::Applier applier(m_client.get());
    applier.setReplan(replanner(options, {mapping}));
    const QList<ActionResult> results = run(applier, plan.writes());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().outcome, Outcome::Unchanged);
    QCOMPARE(results.first().attempts, 1);
    QCOMPARE(m_replans, 1);
    QVERIFY(!m_fresh.first().isEmpty());
}

void TestApplier::conflictGivesUpAfterThreeAttempts()
{
    const Sync::PlannerOptions options;
    const Mapping::MsiMapping mapping = mapMsi(options);
    QJsonObject object = mapping.identities.first().toJson();
    QJsonObject spec = object.value(u"spec"_s).toObject();
    spec.insert(u"clientID"_s, u"stale-client"_s);
    object.insert(u"spec"_s, spec);
    QVERIFY(m_env->store().put(object).ok());
    const Sync::Plan plan = Sync::Planner(options).plan({mapping}, snapshot(), kNow);
    QCOMPARE(plan.writeCount(), 1);
    const QJsonObject foreign {{u"metadata"_s, QJsonObject {{u"labels"_s, QJsonObject {{u"team"_s, u"red"_s}}}}}};
    QVERIFY(KubeTest::run(m_client->mergePatch(Kube::Resource::AzureIdentities, kNs, kName, foreign)).ok());

    // A caller that keeps handing back the stale action: the applier must stop after three writes.
    Sync::Applier applier(m_client.get());
    int replans = 0;
    applier.setReplan([&replans](const Action &stale, const QJsonObject &) -> std::optional<Action> {
        ++replans;
        return stale;
    });
    const QList<ActionResult> results = run(applier, plan.writes());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().outcome, Outcome::Failed);
    QCOMPARE(results.first().attempts, Sync::Applier::kMaxAttempts);
    QCOMPARE(replans, Sync::Applier::kMaxAttempts - 1);
    QVERIFY(!results.first().error.isEmpty());
    QCOMPARE(read(u"azureidentities"_s, kNs, kName).value(u"spec"_s).toObject().value(u"clientID"_s).toString(),
             u"stale-client"_s);
}

void TestApplier::deletedNamespaceWaits()
{
    const Sync::PlannerOptions options;
    const QList<Mapping::MsiMapping> mappings {mapMsi(options),
                                               mapMsi(options, otherMsi(u"web"_s, u"c2"_s, u"team-b"_s))};
    const Sync::Plan plan = Sync::Planner(options).plan(mappings, snapshot(), kNow);
    QCOMPARE(plan.writeCount(), 2);
    QVERIFY(m_env->store().remove(typeOf(u"namespaces"_s), {}, kNs).ok());

    Sync::Applier applier(m_client.get());
    const QList<ActionResult> results = run(applier, plan.writes());
    QCOMPARE(results.size(), 2);
    for (const ActionResult &r : results) {
        const Outcome expected = r.action.namespaceName == kNs ? Outcome::WaitingForNamespace : Outcome::Applied;
        QCOMPARE(r.outcome, expected);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    }
    QVERIFY(read(u"namespaces"_s, {}, kNs).isEmpty());
}

void TestApplier::serverErrorFailsOneItemOnly()
{
    const Sync::PlannerOptions options;
    const QList<Mapping::MsiMapping> mappings {mapMsi(options),
                                               mapMsi(options, otherMsi(u"web"_s, u"c2"_s, u"team-b"_s)),
                                               mapMsi(options, otherMsi(u"db"_s, u"c3"_s, u"team-c"_s))};
    const Sync::Plan plan = Sync::Planner(options).plan(mappings, snapshot(), kNow);
    QCOMPARE(plan.writeCount(), 3);
    FaultRule rule;
    rule.method = "POST";
    rule.path = u"*/namespaces/team-b/azureidentities"_s;
    rule.kind = Amo::Sandbox::FaultKind::Status;
    rule.status = 500;
    m_env->server.faults().add(rule);

    Sync::Applier applier(m_client.get());
    const QList<ActionResult> results = run(applier, plan.writes());
    QCOMPARE(results.size(), 3);
    for (const ActionResult &r : results) {
        if (r.action.namespaceName == u"team-b") {
            QCOMPARE(r.outcome, Outcome::Failed);
            QVERIFY(!r.error.isEmpty());
            QVERIFY(read(u"azureidentities"_s, r.action.namespaceName, r.action.name).isEmpty());
        } else {
            QCOMPARE(r.outcome, Outcome::Applied);
            QVERIFY(!read(u"azureidentities"_s, r.action.namespaceName, r.action.name).isEmpty());
        }
    }
}

void TestApplier::cancelStopsNewItems()
{
    const Sync::PlannerOptions options;
    QList<Mapping::MsiMapping> mappings;
    for (int i = 0; i < 6; ++i)
        mappings << mapMsi(options, otherMsi(u"app%1"_s.arg(i), u"c%1"_s.arg(i), kNs));
    const Sync::Plan plan = Sync::Planner(options).plan(mappings, snapshot(), kNow);
    QCOMPARE(plan.writeCount(), 6);

    Sync::Applier applier(m_client.get());
    applier.setConcurrency(2);
    QCOMPARE(applier.concurrency(), 2);
    // Cancel as the first item finishes: the second is then in flight (or done), the other four not started.
    QList<int> order;
    connect(&applier, &Sync::Applier::itemFinished, this, [&](int index, const ActionResult &) {
        order << index;
        if (order.size() == 1)
            applier.cancel();
    });
    const QList<ActionResult> results = run(applier, plan.writes());
    QCOMPARE(results.size(), 6);
    QCOMPARE(order.size(), 6);
    int applied = 0;
    for (int i = 0; i < results.size(); ++i) {
        const ActionResult &r = results.at(i);
        if (i < 2) {
            QCOMPARE(r.outcome, Outcome::Applied);
            ++applied;
        } else {
            QCOMPARE(r.outcome, Outcome::Cancelled);
            QCOMPARE(r.attempts, 0);
        }
    }
    QCOMPARE(applied, 2);
    QCOMPARE(m_env->store().objects(typeOf(u"azureidentities"_s)).size(), 2);
}

void TestApplier::abortStopsRetriesInFlight()
{
    // The create is answered 503 with Retry-After: 1 s, so its request job is waiting to send it
    // again when the replica loses the Lease: abort() must make that retry never happen.
    const Sync::PlannerOptions options;
    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, snapshot(), kNow);
    QCOMPARE(plan.writeCount(), 1);
    FaultRule rule;
    rule.method = "POST";
    rule.path = u"*/azureidentities"_s;
    rule.kind = Amo::Sandbox::FaultKind::Status;
    rule.status = 503;
    rule.retryAfterSeconds = 1;
    m_env->server.faults().add(rule);
    auto posts = [this] {
        int count = 0;
        for (const auto &entry : m_env->server.requestLog().entries())
            count += entry.method == "POST" && entry.path.endsWith(u"/azureidentities"_s) ? 1 : 0;
        return count;
    };

    Sync::Applier applier(m_client.get());
    QSignalSpy finished(&applier, &Sync::Applier::finished);
    QVERIFY(applier.apply(plan.writes()));
    QTRY_COMPARE_WITH_TIMEOUT(posts(), 1, kTimeoutMs);
    applier.abort(u"lost the Lease"_s);
    QCOMPARE(finished.count(), 1); // at once, not when the retry would have answered
    const QList<ActionResult> results = finished.first().first().value<QList<ActionResult>>();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().outcome, Outcome::Cancelled);
    QCOMPARE(results.first().error, u"lost the Lease"_s);
    QVERIFY(!applier.isRunning());
    m_env->server.faults().clear(); // a retry would now succeed: none may come
    QTest::qWait(2500);
    QCOMPARE(posts(), 1);
    QCOMPARE(m_env->store().objects(typeOf(u"azureidentities"_s)).size(), 0);
}

void TestApplier::withoutRequestRetriesAFailureReturnsAtOnce()
{
    const Sync::PlannerOptions options;
    const Sync::Plan plan = Sync::Planner(options).plan({mapMsi(options)}, snapshot(), kNow);
    FaultRule rule;
    rule.method = "POST";
    rule.path = u"*/azureidentities"_s;
    rule.kind = Amo::Sandbox::FaultKind::Status;
    rule.status = 500;
    rule.times = 1;
    m_env->server.faults().add(rule);
    Sync::Applier applier(m_client.get());
    applier.setRequestRetries(0); // the caller's work queue retries
    const QList<ActionResult> results = run(applier, plan.writes());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().outcome, Outcome::Failed);
    QCOMPARE(results.first().attempts, 1);
    int posts = 0;
    for (const auto &entry : m_env->server.requestLog().entries())
        posts += entry.method == "POST" ? 1 : 0;
    QCOMPARE(posts, 1);
    QCOMPARE(m_env->store().objects(typeOf(u"azureidentities"_s)).size(), 0);
}

QTEST_GUILESS_MAIN(TestApplier)
#include "tst_applier.moc"
