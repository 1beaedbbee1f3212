// SPDX-License-Identifier: MIT
#include "azuretestsupport.h"

#include "shared/azure/tokencache.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Azure;
using namespace AzureTest;

namespace {

/** Answers every request from the event loop with the next scripted outcome. */
class ScriptedCredential final : public TokenCredential
{
public:
    explicit ScriptedCredential(const Amo::Clock &clock)
        : m_clock(clock)
    {
    }
    QString name() const override { return u"ScriptedCredential"_s; }
    TokenJob *createJob(const QString &, QObject *parent) override
    {
        ++requests;
        return new Job(this, parent);
    }
    int requests = 0;
    bool fail = false;
    int lifetimeSeconds = 3600;

private:
    class Job final : public TokenJob
    {
    public:
        Job(ScriptedCredential *owner, QObject *parent)
            : TokenJob(parent)
            , m_owner(owner)
        {
        }
        void start() override
        {
            if (m_owner->fail)
                return finishLater(TokenResult::failure(m_owner->name(), u"scripted failure"_s));
            const QDateTime now = m_owner->m_clock.nowUtc();
            AccessToken t {"token-" + QByteArray::number(m_owner->requests),
                           now.addSecs(m_owner->lifetimeSeconds),
                           AccessToken::refreshTime(now, now.addSecs(m_owner->lifetimeSeconds)),
                           {}};
            finishLater(TokenResult::success(m_owner->name(), t));
        }

    private:
        ScriptedCredential *m_owner;
    };
    const Amo::Clock &m_clock;
};

} // namespace

class TestTokenCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refreshTime_data();
    void refreshTime();
    void refreshesBeforeExpiry();
    void concurrentCallersShareOneRequest();
    void failedRefreshKeepsValidToken();
    void invalidateOnlyDropsTheRejectedToken();

private:
    TokenResult get(TokenCache &cache, const QString &scope = u"s/.default"_s)
    {
        return run<TokenResult>(cache.createJob(scope, this), &TokenJob::finished);
    }
};

void TestTokenCache::refreshTime_data()
{
    QTest::addColumn<int>("lifetime");
    QTest::addColumn<int>("refreshAfter");
    QTest::newRow("1 h: 5 min early") << 3600 << 3300;
    QTest::newRow("24 h: half-life") << 86400 << 43200;
    QTest::newRow("2 h: half-life") << 7200 << 3600;
    QTest::newRow("6 min: half-life") << 360 << 180;
}

void TestTokenCache::refreshTime()
{
    QFETCH(int, lifetime);
    QFETCH(int, refreshAfter);
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    QCOMPARE(t0.secsTo(AccessToken::refreshTime(t0, t0.addSecs(lifetime))), refreshAfter);
}

void TestTokenCache::refreshesBeforeExpiry()
{
    Amo::ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
    CapturedLog log;
    ScriptedCredential credential(clock);
    TokenCache cache(&credential, clock, log.logger());
    QCOMPARE(get(cache).token.token, "token-1");
    clock.advanceMs(3200 * 1000); // still before refresh (3300 s)
    QCOMPARE(get(cache).token.token, "token-1");
    QCOMPARE(credential.requests, 1);
    clock.advanceMs(101 * 1000); // inside the last five minutes: refreshed although still valid
    QCOMPARE(get(cache).token.token, "token-2");
    QCOMPARE(credential.requests, 2);
    // scopes are cached apart
    QCOMPARE(get(cache, u"other/.default"_s).token.token, "token-3");
    QCOMPARE(cache.credentialRequests(), 3);
}

void TestTokenCache::concurrentCallersShareOneRequest()
{
    Amo::ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
    CapturedLog log;
    ScriptedCredential credential(clock);
    TokenCache cache(&credential, clock, log.logger());
    for (int round = 1; round <= 2; ++round) {
        QList<TokenResult> results;
        for (int i = 0; i < 8; ++i) {
            TokenJob *job = cache.createJob(u"s/.default"_s, this);
            connect(job, &TokenJob::finished, this, [&results](const TokenResult &r) { results.append(r); });
            job->start();
        }
        QTRY_COMPARE(results.size(), 8);
        for (const TokenResult &r : std::as_const(results))
            QCOMPARE(r.token.token, "token-" + QByteArray::number(round));
        QCOMPARE(credential.requests, round);
        clock.advanceMs(3400 * 1000); // the refresh is shared the same way
    }
}

void TestTokenCache::failedRefreshKeepsValidToken()
{
    Amo::ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
    CapturedLog log;
    ScriptedCredential credential(clock);
    TokenCache cache(&credential, clock, log.logger());
    QVERIFY(get(cache).ok());
    credential.fail = true;
    clock.advanceMs(3400 * 1000);
    const TokenResult r = get(cache);
    QVERIFY(r.ok());
    QCOMPARE(r.token.token, "token-1");
    QVERIFY(log.text().contains(u"refresh failed"_s));
    clock.advanceMs(300 * 1000); // now expired: the failure comes through
    QCOMPARE(get(cache).error, u"ScriptedCredential: scripted failure"_s);
}

void TestTokenCache::invalidateOnlyDropsTheRejectedToken()
{
    Amo::ManualClock clock(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
    CapturedLog log;
    ScriptedCredential credential(clock);
    TokenCache cache(&credential, clock, log.logger());
    QCOMPARE(get(cache).token.token, "token-1");
    cache.invalidate(u"s/.default"_s, "token-1");
    QCOMPARE(get(cache).token.token, "token-2");
    cache.invalidate(u"s/.default"_s, "token-1"); // a late 401 for the old token changes nothing
    QCOMPARE(get(cache).token.token, "token-2");
    QCOMPARE(credential.requests, 2);
}

QTEST_GUILESS_MAIN(TestTokenCache)
#include "tst_tokencache.moc"
