// SPDX-License-Identifier: MIT
#include "shared/metrics/registry.h"

#include <prometheus/counter.h>
#include <prometheus/registry.h>

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Metrics::Registry;

class TestMetricsRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void counterAndGauge();
    void histogramIsCumulative();
    void labelValuesAreEscaped();
    void sameNameSameFamily();
    void afterScrapeHookRuns();
    void familyWithoutSeriesKeepsItsHeader();
    void seriesAreSortedByLabelValues();
    void prometheusCppFamiliesAreServed();
    void promtoolAcceptsExposition();
};

void TestMetricsRegistry::counterAndGauge()
{
    Registry registry;
    auto &errors = registry.counter(u"azuremsi_sync_resources_errors"_s, u"Failed resource syncs"_s,
                                    {u"subscription"_s, u"resource"_s});
    errors.inc({u"s1"_s, u"AzureIdentity"_s});
    errors.inc({u"s1"_s, u"AzureIdentity"_s}, 2);
    errors.inc({u"s1"_s, u"AzureIdentity"_s}, -5); // ignored: counters never go down
    auto &time = registry.gauge(u"azuremsi_sync_time"_s, u"Last sync"_s, {u"subscription"_s});
    time.set({u"s1"_s}, 1700000000);
    time.set({u"s2"_s}, 0.25);
    QCOMPARE(QString::fromUtf8(registry.exposition()),
             u"# HELP azuremsi_sync_resources_errors Failed resource syncs\n"
             "# TYPE azuremsi_sync_resources_errors counter\n"
             "azuremsi_sync_resources_errors{subscription=\"s1\",resource=\"AzureIdentity\"} 3\n"
             "# HELP azuremsi_sync_time Last sync\n"
             "# TYPE azuremsi_sync_time gauge\n"
             "azuremsi_sync_time{subscription=\"s1\"} 1700000000\n"
             "azuremsi_sync_time{subscription=\"s2\"} 0.25\n"_s);
}

void TestMetricsRegistry::histogramIsCumulative()
{
    Registry registry;
    auto &h = registry.histogram(u"req_seconds"_s, u"Latency"_s, {u"code"_s}, {1, 0.1, 0.5});
    h.observe({u"200"_s}, 0.05);
    h.observe({u"200"_s}, 0.3);
    h.observe({u"200"_s}, 0.5); // upper bounds are inclusive
    h.observe({u"200"_s}, 7);
    QCOMPARE(h.count({u"200"_s}), quint64(4));
    QCOMPARE(QString::fromUtf8(registry.exposition()),
             u"# HELP req_seconds Latency\n"
             "# TYPE req_seconds histogram\n"
             "req_seconds_count{code=\"200\"} 4\n"
             "req_seconds_sum{code=\"200\"} 7.85\n"
             "req_seconds_bucket{code=\"200\",le=\"0.1\"} 1\n"
             "req_seconds_bucket{code=\"200\",le=\"0.5\"} 3\n"
             "req_seconds_bucket{code=\"200\",le=\"1\"} 3\n"
             "req_seconds_bucket{code=\"200\",le=\"+Inf\"} 4\n"_s);
}

void TestMetricsRegistry::labelValuesAreEscaped()
{
    Registry registry;
    registry.gauge(u"g"_s, u"help with \\ and\nnewline"_s, {u"v"_s}).set({u"a\"b\\c\nd"_s}, 1);
    const QString text = QString::fromUtf8(registry.exposition());
    QVERIFY(text.contains(u"# HELP g help with \\\\ and\\nnewline\n"_s));
    QVERIFY(text.contains(u"g{v=\"a\\\"b\\\\c\\nd\"} 1\n"_s));
}

void TestMetricsRegistry::sameNameSameFamily()
{
    Registry registry;
    auto &a = registry.counter(u"c_total"_s, u"x"_s);
    auto &b = registry.counter(u"c_total"_s, u"x"_s);
    QCOMPARE(&a, &b);
    a.inc();
    QCOMPARE(b.value(), 1.0);
}

void TestMetricsRegistry::afterScrapeHookRuns()
{
    Registry registry;
    auto &limit = registry.gauge(u"azurerm_api_ratelimit"_s, u"Remaining"_s, {u"type"_s});
    limit.set({u"reads"_s}, 11999);
    registry.addAfterScrapeHook([&limit] { limit.clear(); });
    QVERIFY(registry.exposition().contains("azurerm_api_ratelimit{type=\"reads\"} 11999"));
    QVERIFY(!registry.exposition().contains("azurerm_api_ratelimit{"));
}

void TestMetricsRegistry::familyWithoutSeriesKeepsItsHeader()
{
    Registry registry;
    auto &errors = registry.gauge(u"azuremsi_sync_resources_errors"_s, u"Failed"_s, {u"subscription"_s});
    errors.set({u"s1"_s}, 2);
    errors.remove({u"s1"_s});
    QCOMPARE(errors.value({u"s1"_s}), 0.0);
    QCOMPARE(QString::fromUtf8(registry.exposition()),
             u"# HELP azuremsi_sync_resources_errors Failed\n# TYPE azuremsi_sync_resources_errors gauge\n"_s);
}

void TestMetricsRegistry::seriesAreSortedByLabelValues()
{
    Registry registry;
    auto &actions = registry.gauge(u"azuremsi_plan_actions"_s, u"Actions"_s, {u"kind"_s, u"a"_s});
    for (const QString &kind : {u"Skip"_s, u"Conflict"_s, u"Orphan"_s, u"CreateIdentity"_s})
        actions.set({kind, u"x"_s}, 1);
    const QByteArray text = registry.exposition();
    QCOMPARE(text, registry.exposition()); // the same scrape twice, byte for byte
    const QStringList lines = QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts).mid(2);
    QCOMPARE(lines,
             QStringList({u"azuremsi_plan_actions{kind=\"Conflict\",a=\"x\"} 1"_s,
                          u"azuremsi_plan_actions{kind=\"CreateIdentity\",a=\"x\"} 1"_s,
                          u"azuremsi_plan_actions{kind=\"Orphan\",a=\"x\"} 1"_s,
                          u"azuremsi_plan_actions{kind=\"Skip\",a=\"x\"} 1"_s}));
}

void TestMetricsRegistry::prometheusCppFamiliesAreServed()
{
    Registry registry;
    registry.gauge(u"azuremsi_leader"_s, u"Leader"_s).set({}, 1);
    prometheus::BuildCounter()
        .Name("azuremsi_native_total")
        .Help("Built with prometheus-cpp")
        .Register(registry.prometheusRegistry())
        .Add({{"queue", "sync"}})
        .Increment(2);
    QCOMPARE(QString::fromUtf8(registry.exposition()),
             u"# HELP azuremsi_leader Leader\n# TYPE azuremsi_leader gauge\nazuremsi_leader 1\n"
             "# HELP azuremsi_native_total Built with prometheus-cpp\n# TYPE azuremsi_native_total counter\n"
             "azuremsi_native_total{queue=\"sync\"} 2\n"_s);
}

void TestMetricsRegistry::promtoolAcceptsExposition()
{
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    QVERIFY2(!promtool.isEmpty(),
             "promtool (Debian package prometheus) is required; scripts/install-deps.sh installs it");
    Registry registry;
    registry.counter(u"azuremsi_example_total"_s, u"An example counter"_s, {u"a"_s}).inc({u"x\"y"_s});
    registry.gauge(u"azuremsi_example_seconds"_s, u"An example gauge"_s).set({}, 1.5);
    registry.histogram(u"azuremsi_example_duration_seconds"_s, u"An example histogram"_s, {u"code"_s})
        .observe({u"200"_s}, 0.2);
    QProcess process;
    process.start(promtool, {u"check"_s, u"metrics"_s});
    QVERIFY(process.waitForStarted());
    process.write(registry.exposition());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
