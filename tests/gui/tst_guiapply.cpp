// SPDX-License-Identifier: MIT
#include "guitestutil.h"
#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/faultrule.h"

#include <algorithm>

using namespace Amo;
using namespace Amo::Gui;
using namespace Qt::StringLiterals;
using Sync::Action;
using Outcome = Sync::ActionResult::Outcome;

/** Preview, then Approve & Sync of a ticked subset, against the embedded simulator. */
class TestGuiApply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void approveWritesExactlyTheTickedItems();
    void repointWithoutItsIdentityIsRefused();
    void stalePlanIsRefused();
    void cancelStopsMidApply();

private:
    DashboardDataPtr preview();
    static QString keyOf(const Action &action);

    std::unique_ptr<DashboardSession> m_session;
};

void TestGuiApply::init()
{
    m_session = GuiTest::openDemo();
    QVERIFY(m_session);
}

void TestGuiApply::cleanup()
{
    m_session.reset();
}

DashboardDataPtr TestGuiApply::preview()
{
    QSignalSpy ready(m_session.get(), &DashboardSession::previewReady);
    m_session->preview();
    if (!ready.wait(GuiTest::kTimeoutMs))
        return nullptr;
    return ready.first().first().value<DashboardDataPtr>();
}

QString TestGuiApply::keyOf(const Action &action)
{
    const QString plural
        = action.kind == Action::Kind::RepointBinding ? u"azureidentitybindings"_s : u"azureidentities"_s;
    return QString(plural + u' ' + action.namespaceName + u'/' + action.name);
}

void TestGuiApply::approveWritesExactlyTheTickedItems()
{
    const DashboardDataPtr basis = preview();
    QVERIFY(basis);
    QList<Action> ticked;
    int creates = 0;
    bool update = false, repoint = false;
    for (const Action &action : basis->plan.actions) {
        if ((action.kind == Action::Kind::CreateIdentity && creates++ < 2)
            || (action.kind == Action::Kind::UpdateIdentity && !std::exchange(update, true))
            || (action.kind == Action::Kind::RepointBinding && !std::exchange(repoint, true)))
            ticked << action;
    }
    // A re-point that waits for its identity's write needs that write ticked too.
    for (const Action &action : QList<Action>(ticked)) {
        if (action.afterIdentity.isEmpty())
            continue;
        const auto identityAction = [&](const Action &a) {
            return a.kind != Action::Kind::RepointBinding && a.namespaceName == action.namespaceName
                && a.name == action.afterIdentity;
        };
        if (std::none_of(ticked.cbegin(), ticked.cend(), identityAction)) {
            const auto it = std::find_if(basis->plan.actions.cbegin(), basis->plan.actions.cend(), identityAction);
            QVERIFY(it != basis->plan.actions.cend());
            ticked << *it;
        }
    }
    const auto tickedCreates = std::count_if(ticked.cbegin(), ticked.cend(),
                                             [](const Action &a) { return a.kind == Action::Kind::CreateIdentity; });
    QVERIFY(creates > 2); // some creates stay unticked
    QVERIFY(update);
    QVERIFY(repoint);
    QVERIFY(basis->plan.writeCount() > ticked.size());

    const QMap<QString, QString> before = GuiTest::versions(*m_session);
    QSignalSpy finished(m_session.get(), &DashboardSession::applyFinished);
    QSignalSpy refused(m_session.get(), &DashboardSession::applyRefused);
    m_session->approve(basis, ticked);
    QVERIFY(finished.wait(GuiTest::kTimeoutMs));
    QCOMPARE(refused.size(), 0);
    const auto results = finished.first().first().value<QList<Sync::ActionResult>>();
    QCOMPARE(results.size(), ticked.size());
    for (const Sync::ActionResult &result : results)
        QCOMPARE(int(result.outcome), int(Outcome::Applied));

    const QMap<QString, QString> after = GuiTest::versions(*m_session);
    QSet<QString> changed;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            changed.insert(it.key());
    }
    QSet<QString> expected;
    for (const Action &action : std::as_const(ticked))
        expected.insert(keyOf(action));
    QCOMPARE(changed, expected);
    QCOMPARE(after.size(), before.size() + tickedCreates); // the ticked creates, nothing deleted
}

void TestGuiApply::repointWithoutItsIdentityIsRefused()
{
    // A re-point that waits for an identity the user did not tick must not point the binding at nothing.
    const DashboardDataPtr basis = preview();
    QVERIFY(basis);
    const auto waiting = std::find_if(basis->plan.actions.cbegin(), basis->plan.actions.cend(), [](const Action &a) {
        return a.kind == Action::Kind::RepointBinding && !a.afterIdentity.isEmpty();
    });
    QVERIFY(waiting != basis->plan.actions.cend());

    const QMap<QString, QString> before = GuiTest::versions(*m_session);
    QSignalSpy finished(m_session.get(), &DashboardSession::applyFinished);
    m_session->approve(basis, {*waiting});
    QVERIFY(finished.wait(GuiTest::kTimeoutMs));
    const auto results = finished.first().first().value<QList<Sync::ActionResult>>();
    QCOMPARE(results.size(), 1);
    QCOMPARE(int(results.first().outcome), int(Outcome::Failed));
    QVERIFY2(results.first().error.contains(waiting->afterIdentity), qPrintable(results.first().error));
    QCOMPARE(GuiTest::versions(*m_session), before);
}

void TestGuiApply::stalePlanIsRefused()
{
    const DashboardDataPtr basis = preview();
    QVERIFY(basis);
    QList<Action> ticked;
    const Action *update = nullptr;
    for (const Action &action : basis->plan.actions) {
        if (action.isWrite())
            ticked << action;
        if (!update && action.kind == Action::Kind::UpdateIdentity)
            update = &action;
    }
    QVERIFY(update);
    // someone edits a targeted object between preview and approve
    bool edited = false;
    GuiTest::inSandbox(*m_session, [&] {
        Sandbox::KubeStore &store = GuiTest::store(*m_session);
        const auto &type = GuiTest::typeOf(u"azureidentities"_s);
        QJsonObject object = store.object(type, update->namespaceName, update->name)->json();
        QJsonObject meta = object.value(u"metadata"_s).toObject();
        QJsonObject labels = meta.value(u"labels"_s).toObject();
        labels.insert(u"edited-by"_s, u"someone-else"_s);
        meta.insert(u"labels"_s, labels);
        object.insert(u"metadata"_s, meta);
        edited = store.update(type, update->namespaceName, update->name, object).ok();
    });
    QVERIFY(edited);
    const QMap<QString, QString> before = GuiTest::versions(*m_session);

    QSignalSpy refused(m_session.get(), &DashboardSession::applyRefused);
    QSignalSpy started(m_session.get(), &DashboardSession::applyStarted);
    m_session->approve(basis, ticked);
    QVERIFY(refused.wait(GuiTest::kTimeoutMs));
    const QStringList reasons = refused.first().first().toStringList();
    QCOMPARE(reasons.size(), 1);
    QVERIFY2(reasons.first().contains(update->name), qPrintable(reasons.first()));
    QCOMPARE(started.size(), 0);
    QVERIFY(!m_session->isApplying());
    QCOMPARE(GuiTest::versions(*m_session), before);

    // a changed MSI list refuses too
    const DashboardDataPtr fresh = preview();
    QVERIFY(fresh);
    auto changed = std::make_shared<DashboardData>(*fresh);
    changed->snapshot.catalog = Sync::MsiCatalog();
    m_session->approve(changed, {});
    QVERIFY(refused.wait(GuiTest::kTimeoutMs));
    QVERIFY(refused.last().first().toStringList().join(u' ').contains(u"managed identities"_s));
}

void TestGuiApply::cancelStopsMidApply()
{
    const DashboardDataPtr basis = preview();
    QVERIFY(basis);
    QList<Action> creates;
    for (const Action &action : basis->plan.actions) {
        if (action.kind == Action::Kind::CreateIdentity)
            creates << action;
    }
    QVERIFY(creates.size() > 8);
    QString error;
    auto rule = Sandbox::FaultRule::fromJson(QJsonObject {{u"method"_s, u"POST"_s},
                                                          {u"path"_s, u"*azureidentities*"_s},
                                                          {u"kind"_s, u"latency"_s},
                                                          {u"minDelayMs"_s, 300},
                                                          {u"maxDelayMs"_s, 300}},
                                             &error);
    QVERIFY2(rule, qPrintable(error));
    int identitiesBefore = 0;
    GuiTest::inSandbox(*m_session, [&] {
        m_session->demoHost()->sandbox().faults().add(*rule);
        identitiesBefore = int(GuiTest::store(*m_session).objects(GuiTest::typeOf(u"azureidentities"_s)).size());
    });

    QSignalSpy finished(m_session.get(), &DashboardSession::applyFinished);
    connect(m_session.get(), &DashboardSession::applyItemFinished, this, [this] { m_session->cancelApply(); });
    m_session->approve(basis, creates);
    QVERIFY(finished.wait(GuiTest::kTimeoutMs));
    const auto results = finished.first().first().value<QList<Sync::ActionResult>>();
    QCOMPARE(results.size(), creates.size());
    int applied = 0, cancelled = 0;
    for (const Sync::ActionResult &result : results) {
        applied += result.outcome == Outcome::Applied;
        cancelled += result.outcome == Outcome::Cancelled;
    }
    QVERIFY(applied >= 1);
    QVERIFY(cancelled >= 1);
    QCOMPARE(applied + cancelled, int(creates.size()));
    int identitiesAfter = 0;
    GuiTest::inSandbox(*m_session, [&] {
        identitiesAfter = int(GuiTest::store(*m_session).objects(GuiTest::typeOf(u"azureidentities"_s)).size());
    });
    QCOMPARE(identitiesAfter - identitiesBefore, applied);
}

QTEST_MAIN(TestGuiApply)
#include "tst_guiapply.moc"
