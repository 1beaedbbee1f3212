// SPDX-License-Identifier: MIT
// A binding is re-pointed only to an AzureIdentity that is ours and was written in the same apply: the attacks of
// a namespace admin (a planted identity, a create that loses the race) and failed creates, against the simulator.
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
const QString kOldIdentity = u"foobar-old"_s;
const QString kForeignId = u"/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourcegroups/team/providers/"
                           "Microsoft.ManagedIdentity/userAssignedIdentities/intruder"_s;

const KubeResourceType &typeOf(const QString &plural)
{
    const QString group = plural == u"namespaces" ? QString() : u"aadpodidentity.k8s.io"_s;
    return *KubeResourceType::find(group, u"v1"_s, plural);
}

QJsonObject toJson(const Labels &labels)
{
    QJsonObject object;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

class TestBindingSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void createThenRepoint();
    void plantedIdentityIsNeverTheTarget();
    void raceLostToAPlantedIdentity();
    void failedCreateHoldsTheBinding_data();
    void failedCreateHoldsTheBinding();
    void repointAloneIsRefused();
    void cancelledCreateHoldsTheBinding();

private:
    Model::ClusterState snapshot();
    QString boundIdentity();
    QList<ActionResult> run(const QList<Action> &actions, bool withReplan = true);
    const ActionResult &resultOf(const QList<ActionResult> &results, Action::Kind kind);
    void plantForeignIdentity();

    Sync::PlannerOptions m_options;
    std::unique_ptr<KubeTest::Env> m_env;
    std::unique_ptr<Kube::KubeClient> m_client;
};

void TestBindingSafety::init()
{
    m_env = std::make_unique<KubeTest::Env>(false, QByteArray(R"({"namespaces": ["test123"],
        "users": [{"name": "admin", "token": "t-admin", "groups": ["system:masters"]}]})"));
    QVERIFY2(m_env->loadError.isEmpty(), qPrintable(m_env->loadError));
    m_client = m_env->client(m_env->load(m_env->kubeconfig(u"    token: t-admin\n"_s)));
    m_options = Sync::PlannerOptions();
    m_options.bindingSync = true;
    QJsonObject labels = toJson(seedLabels());
    const QJsonObject binding {
        {u"apiVersion"_s, u"aadpodidentity.k8s.io/v1"_s},
        {u"kind"_s, u"AzureIdentityBinding"_s},
        {u"metadata"_s, QJsonObject {{u"name"_s, u"foobar"_s}, {u"namespace"_s, kNs}, {u"labels"_s, labels}}},
        {u"spec"_s, QJsonObject {{u"azureIdentity"_s, kOldIdentity}, {u"selector"_s, u"my-selector"_s}}}};
    QVERIFY(m_env->store().put(binding).ok());
}

void TestBindingSafety::cleanup()
{
    m_client.reset();
    m_env.reset();
}

Model::ClusterState TestBindingSafety::snapshot()
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

QString TestBindingSafety::boundIdentity()
{
    const auto object = m_env->store().object(typeOf(u"azureidentitybindings"_s), kNs, u"foobar"_s);
    return object ? object->json().value(u"spec"_s).toObject().value(u"azureIdentity"_s).toString() : QString();
}

QList<ActionResult> TestBindingSafety::run(const QList<Action> &actions, bool withReplan)
{
    Sync::Applier applier(m_client.get());
    if (withReplan) {
        // What the agent does on a 409: read the object again and plan that one item from the fresh state.
        const Mapping::MsiMapping mapping = mapMsi(m_options);
        applier.setReplan([this, mapping](const Action &stale, const QJsonObject &fresh) -> std::optional<Action> {
            Model::ClusterState cluster = snapshot();
            if (!fresh.isEmpty() && stale.kind != Action::Kind::RepointBinding)
                cluster.insert(Model::ObservedIdentity::fromJson(fresh));
            for (const Action &a : Sync::Planner(m_options).plan({mapping}, cluster, kNow).actions) {
                if (a.namespaceName == stale.namespaceName && a.name == stale.name
                    && a.resourceKind() == stale.resourceKind())
                    return a;
            }
            return std::nullopt;
        });
    }
    QSignalSpy finished(&applier, &Sync::Applier::finished);
    if (!applier.apply(actions) || (!finished.wait(kTimeoutMs) && finished.isEmpty()))
        return {};
    return finished.first().first().value<QList<ActionResult>>();
}

const ActionResult &TestBindingSafety::resultOf(const QList<ActionResult> &results, Action::Kind kind)
{
    static const ActionResult none;
    for (const ActionResult &r : results) {
        if (r.action.kind == kind)
            return r;
    }
    return none;
}

void TestBindingSafety::plantForeignIdentity()
{
    // A namespace admin's object with exactly the operator's name, for another team's MSI and without our labels.
    QJsonObject planted = mapMsi(m_options).identities.first().toJson();
    QJsonObject metadata = planted.value(u"metadata"_s).toObject();
    metadata.remove(u"labels"_s);
    planted.insert(u"metadata"_s, metadata);
    planted.insert(u"spec"_s,
                   QJsonObject {{u"type"_s, 0},
                                {u"resourceID"_s, kForeignId},
                                {u"clientID"_s, u"0e0e0e0e-0000-4000-8000-000000000001"_s}});
    QVERIFY(m_env->store().put(planted).ok());
}

void TestBindingSafety::createThenRepoint()
{
    const Sync::Plan plan = Sync::Planner(m_options).plan({mapMsi(m_options)}, snapshot(), kNow);
    QCOMPARE(plan.writeCount(), 2);
    // The re-point comes first in this list on purpose: the applier still writes the identity first.
    QList<Action> writes = plan.writes();
    std::reverse(writes.begin(), writes.end());
    const QList<ActionResult> results = run(writes);
    QCOMPARE(results.size(), 2);
    QCOMPARE(resultOf(results, Action::Kind::CreateIdentity).outcome, Outcome::Applied);
    QCOMPARE(resultOf(results, Action::Kind::RepointBinding).outcome, Outcome::Applied);
    QCOMPARE(boundIdentity(), kName);

    // The simulator saw the create before the patch of the binding.
    QStringList writesSeen;
    for (const QString &request : std::as_const(m_env->recorder.requests)) {
        if (request.startsWith(u"POST "_s) || request.startsWith(u"PATCH "_s))
            writesSeen << request.section(u' ', 0, 0)
                    + (request.contains(u"/azureidentitybindings"_s) ? u" binding"_s : u" identity"_s);
    }
    QCOMPARE(writesSeen, (QStringList {u"POST identity"_s, u"PATCH binding"_s}));
}

void TestBindingSafety::plantedIdentityIsNeverTheTarget()
{
    plantForeignIdentity();
    const Sync::Plan plan = Sync::Planner(m_options).plan({mapMsi(m_options)}, snapshot(), kNow);
    QCOMPARE(plan.writeCount(), 0);
    const QList<ActionResult> results = run(plan.actions);
    QCOMPARE(results.size(), 2);
    for (const ActionResult &r : results) {
        QCOMPARE(r.outcome, Outcome::Failed);
        QCOMPARE(r.attempts, 0);
    }
    QCOMPARE(boundIdentity(), kOldIdentity);
}

void TestBindingSafety::raceLostToAPlantedIdentity()
{
    // Planned while the name was free; the attacker creates it before our create lands.
    const Sync::Plan plan = Sync::Planner(m_options).plan({mapMsi(m_options)}, snapshot(), kNow);
    QCOMPARE(plan.count(Action::Kind::CreateIdentity), 1);
    QCOMPARE(plan.count(Action::Kind::RepointBinding), 1);
    plantForeignIdentity();

    const QList<ActionResult> results = run(plan.writes());
    QCOMPARE(results.size(), 2);
    const ActionResult &create = resultOf(results, Action::Kind::CreateIdentity);
    QCOMPARE(create.outcome, Outcome::Failed);
    QVERIFY2(create.error.contains(kForeignId), qPrintable(create.error));
    const ActionResult &repoint = resultOf(results, Action::Kind::RepointBinding);
    QCOMPARE(repoint.outcome, Outcome::Failed);
    QCOMPARE(repoint.attempts, 0);
    QVERIFY2(repoint.error.startsWith(u"not re-pointed: the AzureIdentity " + kName), qPrintable(repoint.error));
    QCOMPARE(boundIdentity(), kOldIdentity);
    const auto stored = m_env->store().object(typeOf(u"azureidentities"_s), kNs, kName);
    QVERIFY(stored);
    QCOMPARE(stored->json().value(u"spec"_s).toObject().value(u"resourceID"_s).toString(), kForeignId);
}

void TestBindingSafety::failedCreateHoldsTheBinding_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("403 forbidden") << 403;
    QTest::newRow("500 internal error") << 500;
    QTest::newRow("422 invalid") << 422;
}

void TestBindingSafety::failedCreateHoldsTheBinding()
{
    QFETCH(int, status);
    FaultRule rule;
    rule.method = "POST";
    rule.path = u"*/namespaces/test123/azureidentities"_s;
    rule.kind = Amo::Sandbox::FaultKind::Status;
    rule.status = status;
    m_env->server.faults().add(rule);

    const Sync::Plan plan = Sync::Planner(m_options).plan({mapMsi(m_options)}, snapshot(), kNow);
    const QList<ActionResult> results = run(plan.writes());
    QCOMPARE(results.size(), 2);
    QCOMPARE(resultOf(results, Action::Kind::CreateIdentity).outcome, Outcome::Failed);
    const ActionResult &repoint = resultOf(results, Action::Kind::RepointBinding);
    QCOMPARE(repoint.outcome, Outcome::Failed);
    QCOMPARE(repoint.attempts, 0);
    QVERIFY2(repoint.error.contains(u"was not written"_s), qPrintable(repoint.error));
    QCOMPARE(boundIdentity(), kOldIdentity);
    QVERIFY(!m_env->store().object(typeOf(u"azureidentities"_s), kNs, kName));
}

void TestBindingSafety::repointAloneIsRefused()
{
    // The user ticks only the re-point in the dashboard: the identity it needs is not written, so neither is it.
    const Sync::Plan plan = Sync::Planner(m_options).plan({mapMsi(m_options)}, snapshot(), kNow);
    const QList<Action> repoints = ofKind(plan, Action::Kind::RepointBinding);
    QCOMPARE(repoints.size(), 1);
    const QList<ActionResult> results = run(repoints, false);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().outcome, Outcome::Failed);
    QCOMPARE(results.first().attempts, 0);
    QVERIFY2(results.first().error.contains(u"is not written in this run"_s), qPrintable(results.first().error));
    QCOMPARE(boundIdentity(), kOldIdentity);
}

void TestBindingSafety::cancelledCreateHoldsTheBinding()
{
    const Sync::Plan plan = Sync::Planner(m_options).plan({mapMsi(m_options)}, snapshot(), kNow);
    Sync::Applier applier(m_client.get());
    QSignalSpy finished(&applier, &Sync::Applier::finished);
    QVERIFY(applier.apply(plan.writes()));
    applier.cancel(); // before anything landed: the create is in flight, the re-point waits for it
    QVERIFY(finished.wait(kTimeoutMs) || !finished.isEmpty());
    const auto results = finished.first().first().value<QList<ActionResult>>();
    const ActionResult &repoint = resultOf(results, Action::Kind::RepointBinding);
    QCOMPARE(repoint.outcome, Outcome::Cancelled);
    QCOMPARE(repoint.attempts, 0);
    QCOMPARE(boundIdentity(), kOldIdentity);
}

QTEST_GUILESS_MAIN(TestBindingSafety)
#include "tst_bindingsafety.moc"
