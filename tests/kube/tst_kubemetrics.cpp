// SPDX-License-Identifier: MIT
// The client counts and times its requests by verb, resource and status code.
#include "kubetestenv.h"

#include "shared/metrics/registry.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Kube;

class TestKubeMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestsAreCountedAndTimed();
};

void TestKubeMetrics::requestsAreCountedAndTimed()
{
    KubeTest::Env env;
    auto client = env.client(env.load(env.kubeconfig(u"    token: t-admin\n"_s)));
    Amo::Metrics::Registry registry;
    client->setMetrics(registry);

    for (int i = 0; i < 3; ++i)
        QVERIFY(KubeTest::run(client->get(Resource::Namespaces, {}, u"team-a"_s)).ok());
    QCOMPARE(KubeTest::run(client->get(Resource::Namespaces, {}, u"missing"_s)).httpStatus, 404);

    const QStringList labels {u"verb"_s, u"resource"_s, u"code"_s};
    auto &count = registry.counter(u"azuremsi_kube_api_requests_total"_s, QString(), labels);
    auto &latency = registry.histogram(u"azuremsi_kube_api_request_duration_seconds"_s, QString(), labels);
    QCOMPARE(count.value({u"GET"_s, u"namespaces"_s, u"200"_s}), 3.0);
    QCOMPARE(count.value({u"GET"_s, u"namespaces"_s, u"404"_s}), 1.0);
    QCOMPARE(latency.count({u"GET"_s, u"namespaces"_s, u"200"_s}), quint64(3));
    QVERIFY(latency.sum({u"GET"_s, u"namespaces"_s, u"200"_s}) > 0);
    QVERIFY(registry.exposition().contains(
        "azuremsi_kube_api_requests_total{verb=\"GET\",resource=\"namespaces\",code=\"200\"} 3\n"));
}

QTEST_GUILESS_MAIN(TestKubeMetrics)
#include "tst_kubemetrics.moc"
