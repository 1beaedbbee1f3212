// SPDX-License-Identifier: MIT
// The client-go workqueue contract the sync engine relies on: a key is queued once, never handed
// out twice at once, runs again when marked during its work, and comes back after a per-key
// exponential backoff bounded by an overall token bucket. Delays are checked as computed values,
// never as measured time.
#include "shared/sync/ratelimiter.h"
#include "shared/sync/workqueue.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Amo::Sync::RateLimiter;
using Amo::Sync::WorkQueue;

class TestWorkQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffDoublesFromFiveMsToTheCap();
    void forgetStartsTheBackoffOver();
    void keysBackOffIndependently();
    void bucketBoundsAStormOfRetries();
    void aKeyIsQueuedOnce();
    void aKeyInProgressIsNotHandedOutAgain();
    void aKeyMarkedDuringItsWorkRunsAgainAfterwards();
    void aFailedKeyReturnsAfterItsBackoff();
    void addAfterKeepsTheEarlierTime();
    void clearDropsEverything();
    void longestRunningFollowsTheOldestKey();
};

void TestWorkQueue::backoffDoublesFromFiveMsToTheCap()
{
    RateLimiter limiter; // client-go's DefaultControllerRateLimiter
    const auto now = RateLimiter::Clock::now();
    QList<qint64> delays;
    for (int i = 0; i < 20; ++i)
        delays << limiter.when(u"ns"_s, now).count();
    QCOMPARE(delays.mid(0, 5), (QList<qint64> {5, 10, 20, 40, 80}));
    QCOMPARE(delays.at(17), 5LL << 17); // 655,360 ms: still below the cap
    QCOMPARE(delays.at(18), 1000LL * 1000); // capped at 1000 s
    QCOMPARE(delays.at(19), 1000LL * 1000);
    QCOMPARE(limiter.failures(u"ns"_s), 20);
}

void TestWorkQueue::forgetStartsTheBackoffOver()
{
    RateLimiter limiter;
    const auto now = RateLimiter::Clock::now();
    limiter.when(u"ns"_s, now);
    limiter.when(u"ns"_s, now);
    QCOMPARE(limiter.when(u"ns"_s, now).count(), 20);
    limiter.forget(u"ns"_s);
    QCOMPARE(limiter.failures(u"ns"_s), 0);
    QCOMPARE(limiter.when(u"ns"_s, now).count(), 5);
}

void TestWorkQueue::keysBackOffIndependently()
{
    RateLimiter limiter;
    const auto now = RateLimiter::Clock::now();
    for (int i = 0; i < 4; ++i)
        limiter.when(u"a"_s, now);
    QCOMPARE(limiter.when(u"a"_s, now).count(), 80);
    QCOMPARE(limiter.when(u"b"_s, now).count(), 5);
}

void TestWorkQueue::bucketBoundsAStormOfRetries()
{
    RateLimiter limiter; // 10 per second, burst 100
    const auto now = RateLimiter::Clock::now();
    // 100 different keys fail at once: the burst covers them, each waits its own 5 ms.
    for (int i = 0; i < 100; ++i)
        QCOMPARE(limiter.when(u"k%1"_s.arg(i), now).count(), 5);
    // Beyond the burst every retry waits for a token: 100 ms more each at 10 per second.
    QCOMPARE(limiter.when(u"k100"_s, now).count(), 100);
    QCOMPARE(limiter.when(u"k101"_s, now).count(), 200);
    // One second later ten tokens are back, so the debt of two leaves room for eight.
    const auto later = now + 1s;
    for (int i = 0; i < 8; ++i)
        QCOMPARE(limiter.when(u"l%1"_s.arg(i), later).count(), 5);
    QCOMPARE(limiter.when(u"l8"_s, later).count(), 100);
}

void TestWorkQueue::aKeyIsQueuedOnce()
{
    WorkQueue queue;
    queue.add(u"a"_s);
    queue.add(u"a"_s);
    queue.add(u"b"_s);
    QCOMPARE(queue.depth(), 2);
    QCOMPARE(queue.take(), std::optional<QString>(u"a"_s));
    QCOMPARE(queue.take(), std::optional<QString>(u"b"_s));
    QCOMPARE(queue.take(), std::nullopt);
}

void TestWorkQueue::aKeyInProgressIsNotHandedOutAgain()
{
    WorkQueue queue;
    queue.add(u"a"_s);
    QCOMPARE(queue.take(), std::optional<QString>(u"a"_s));
    QVERIFY(queue.isProcessing(u"a"_s));
    queue.add(u"a"_s);
    QCOMPARE(queue.depth(), 0);
    QCOMPARE(queue.take(), std::nullopt);
}

void TestWorkQueue::aKeyMarkedDuringItsWorkRunsAgainAfterwards()
{
    WorkQueue queue;
    QSignalSpy ready(&queue, &WorkQueue::keyReady);
    queue.add(u"a"_s);
    QCOMPARE(queue.take(), std::optional<QString>(u"a"_s));
    queue.add(u"a"_s); // a change seen while "a" is worked on
    queue.add(u"a"_s);
    queue.done(u"a"_s);
    QCOMPARE(queue.depth(), 1);
    QVERIFY(ready.wait(1000)); // the consumer hears of it
    QCOMPARE(queue.take(), std::optional<QString>(u"a"_s));
    queue.done(u"a"_s); // not marked this time: gone
    QCOMPARE(queue.depth(), 0);
    QVERIFY(!queue.isProcessing(u"a"_s));
}

void TestWorkQueue::aFailedKeyReturnsAfterItsBackoff()
{
    WorkQueue queue;
    QSignalSpy retried(&queue, &WorkQueue::retried);
    queue.add(u"a"_s);
    QCOMPARE(queue.take(), std::optional<QString>(u"a"_s));
    queue.addRateLimited(u"a"_s);
    queue.done(u"a"_s);
    QCOMPARE(queue.depth(), 0); // not before its backoff
    QCOMPARE(queue.waiting(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(queue.depth(), 1, 5000);
    QCOMPARE(queue.waiting(), 0);
    QCOMPARE(queue.retries(), 1);
    QCOMPARE(retried.count(), 1);
    QCOMPARE(queue.numRequeues(u"a"_s), 1);
    QCOMPARE(queue.take(), std::optional<QString>(u"a"_s));
    queue.forget(u"a"_s);
    queue.done(u"a"_s);
    QCOMPARE(queue.numRequeues(u"a"_s), 0);
    QCOMPARE(queue.depth(), 0);
}

void TestWorkQueue::addAfterKeepsTheEarlierTime()
{
    WorkQueue queue;
    queue.addAfter(u"a"_s, 1h);
    queue.addAfter(u"a"_s, 10ms);
    queue.addAfter(u"a"_s, 1h); // later: ignored
    QCOMPARE(queue.waiting(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(queue.depth(), 1, 5000);
    // An add() makes a waiting key ready at once.
    queue.addAfter(u"b"_s, 1h);
    queue.add(u"b"_s);
    QCOMPARE(queue.depth(), 2);
    QCOMPARE(queue.waiting(), 0);
}

void TestWorkQueue::clearDropsEverything()
{
    WorkQueue queue;
    queue.add(u"a"_s);
    queue.add(u"b"_s);
    QCOMPARE(queue.take(), std::optional<QString>(u"a"_s));
    queue.add(u"a"_s); // dirty while in progress
    queue.addRateLimited(u"c"_s);
    queue.clear();
    QCOMPARE(queue.depth(), 0);
    QCOMPARE(queue.waiting(), 0);
    QCOMPARE(queue.numRequeues(u"c"_s), 0);
    queue.done(u"a"_s); // its mark went with the clear
    QCOMPARE(queue.depth(), 0);
}

void TestWorkQueue::longestRunningFollowsTheOldestKey()
{
    WorkQueue queue;
    QCOMPARE(queue.longestRunningSeconds(), 0.0);
    queue.add(u"a"_s);
    queue.take();
    const double running = queue.longestRunningSeconds(WorkQueue::Clock::now() + 3s);
    QVERIFY2(running >= 3.0 && running < 60.0, qPrintable(QString::number(running)));
    queue.done(u"a"_s);
    QCOMPARE(queue.longestRunningSeconds(WorkQueue::Clock::now() + 3s), 0.0);
}

QTEST_GUILESS_MAIN(TestWorkQueue)
#include "tst_workqueue.moc"
