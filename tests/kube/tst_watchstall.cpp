// SPDX-License-Identifier: MIT
// A watch whose server stops sending is given up by the stall detector, so the informer can reconnect.
#include "kubetestenv.h"

#include "shared/kube/watchjob.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Kube;

class TestWatchStall : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void silentStreamIsAbandoned();
    void streamWithEventsIsKept();
};

void TestWatchStall::silentStreamIsAbandoned()
{
    KubeTest::Env env;
    auto client = env.client(env.load(env.kubeconfig(u"    token: t-admin\n"_s)));
    const QString rv = QString::number(env.handler.store().resourceVersion());
    // From the current version with no bookmarks: a healthy server sends nothing until its own timeout
    // (60 s here), so a stall limit of 300 ms must end the stream long before that.
    WatchJob *job = client->watch(Resource::Namespaces, {}, WatchOptions {rv, {}, {}, 60, false, 300});
    QSignalSpy finished(job, &WatchJob::finished);
    job->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    const auto result = finished.first().first().value<WatchResult>();
    QCOMPARE(result.error.type, KubeError::Type::Timeout);
    QVERIFY2(result.error.message.contains(u"stalled"_s), qPrintable(result.error.message));
}

void TestWatchStall::streamWithEventsIsKept()
{
    KubeTest::Env env;
    auto client = env.client(env.load(env.kubeconfig(u"    token: t-admin\n"_s)));
    const QString rv = QString::number(env.handler.store().resourceVersion());
    // Bookmarks keep bytes flowing; the same stall limit must not end this stream.
    WatchJob *job = client->watch(Resource::Namespaces, {}, WatchOptions {rv, {}, {}, 3, true, 2500});
    QSignalSpy finished(job, &WatchJob::finished);
    job->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000); // the server ends it after its 3 s timeout
    const auto result = finished.first().first().value<WatchResult>();
    QVERIFY2(!result.error, qPrintable(result.error.message));
}

QTEST_GUILESS_MAIN(TestWatchStall)
#include "tst_watchstall.moc"
