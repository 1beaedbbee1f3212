// SPDX-License-Identifier: MIT
// Every metric family the agent registers (sync, Kubernetes and ARM), fed with fixed samples and
// scraped; the scrape's families, types, HELP texts, label sets and values must equal the fixture in
// tests/data/metrics/scrape-fixture.prom. Line order, label order and number formatting may differ:
// Prometheus reads them as the same scrape. AMO_WRITE_SCRAPE_FIXTURE=1 rewrites the fixture.
#include "agent/syncmetrics.h"
#include "shared/azure/armtracing.h"
#include "shared/azure/httpjob.h"
#include "shared/kube/kubemetrics.h"
#include "shared/metrics/registry.h"
#include "shared/sync/plan.h"

#include <QFile>
#include <QMap>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kFixture = QStringLiteral(AMO_TEST_DATA_DIR "/metrics/scrape-fixture.prom");
const QString kSub1 = u"34aba136-51c8-5f3e-90fa-769b41bec319"_s;
const QString kSub2 = u"9759b033-491a-5eaa-af94-3c8721bf83d2"_s;

struct Family
{
    QString type;
    QString help;
    QMap<QString, double> samples; // "name{a="x",b="y"}" with labels sorted by name
};
using Scrape = QMap<QString, Family>;

QString unescape(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && i + 1 < text.size()) {
            ++i;
            out += text[i] == u'n' ? u'\n' : text[i];
        } else {
            out += text[i];
        }
    }
    return out;
}

/** A small reader of text format 0.0.4, enough to compare two scrapes; fails the test on a bad line. */
Scrape parse(const QByteArray &body)
{
    Scrape scrape;
    QString current;
    const QStringList lines = QString::fromUtf8(body).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (line.startsWith(u"# HELP "_s) || line.startsWith(u"# TYPE "_s)) {
            const QString rest = line.mid(7);
            const QString name = rest.section(u' ', 0, 0);
            const QString text = rest.section(u' ', 1);
            if (line.startsWith(u"# HELP "_s))
                scrape[name].help = unescape(text);
            else
                scrape[name].type = text;
            current = name;
            continue;
        }
        const qsizetype brace = line.indexOf(u'{');
        const qsizetype space = line.lastIndexOf(u' ');
        QString name = line.left(brace >= 0 ? brace : space);
        QStringList labels;
        if (brace >= 0) {
            const qsizetype close = line.lastIndexOf(u'}');
            const QString inner = line.mid(brace + 1, close - brace - 1);
            qsizetype i = 0;
            while (i < inner.size()) {
                const qsizetype eq = inner.indexOf(u"=\""_s, i);
                if (eq < 0)
                    break;
                QString key = inner.mid(i, eq - i);
                qsizetype j = eq + 2;
                QString value;
                while (j < inner.size() && inner[j] != u'"') {
                    if (inner[j] == u'\\')
                        ++j;
                    value += inner[j++];
                }
                labels << key + u"=\""_s + value + u'"';
                i = j + 2; // past the quote and the comma
            }
        }
        labels.sort();
        bool ok = false;
        const double value = line.mid(space + 1).toDouble(&ok);
        if (!ok || current.isEmpty() || !name.startsWith(current)) {
            QTest::qFail(qPrintable(u"unexpected line: "_s + line), __FILE__, __LINE__);
            return {};
        }
        scrape[current].samples.insert(name + u'{' + labels.join(u',') + u'}', value);
    }
    return scrape;
}

QByteArray fakeToken(const QString &tenant)
{
    const QByteArray payload = u"{\"tid\":\"%1\"}"_s.arg(tenant).toUtf8().toBase64(QByteArray::Base64UrlEncoding);
    return "eyJhbGciOiJub25lIn0." + payload + ".c2ln";
}

QByteArray scrapeOfEveryFamily(Amo::Metrics::Registry &registry)
{
    Amo::Agent::SyncMetrics sync(registry, u"0.1.0"_s);
    sync.recordListing(kSub1, true, QDateTime::fromMSecsSinceEpoch(1795933809500), 0.25);
    sync.recordListing(kSub2, false, QDateTime::fromMSecsSinceEpoch(1795933809500), 1);
    sync.recordWrite(kSub1, u"AzureIdentity"_s, true);
    sync.recordWrite(kSub1, u"AzureIdentity"_s, true);
    sync.recordWrite(kSub1, u"AzureIdentityBinding"_s, false);
    sync.setLeader(true);

    Amo::Kube::KubeMetrics kube(registry);
    kube.record(u"GET"_s, u"namespaces"_s, 200, 0.5);
    kube.record(u"GET"_s, u"namespaces"_s, 200, 0.0625);
    kube.record(u"POST"_s, u"events"_s, 0, 30);

    Amo::Azure::ArmTracing arm(registry, Amo::Azure::ArmTracingSettings {});
    Amo::Azure::HttpResult http;
    http.status = 200;
    http.elapsedMs = 1500;
    http.headers = {{"x-ms-ratelimit-remaining-subscription-reads", "11999"},
                    {"x-ms-ratelimit-remaining-tenant-reads", "249"},
                    {"x-ms-routing-request-id", "WESTEUROPE:20261204T005000Z:0f1e"}};
    arm.record("GET",
               QUrl(u"https://management.azure.com/subscriptions/%1/resourceGroups/rg/providers/"
                    "Microsoft.ManagedIdentity/userAssignedIdentities/app"_s.arg(kSub1)),
               fakeToken(u"b1a95516-8bee-54e4-b288-4d676f028e71"_s), http);
    http.status = 403;
    http.elapsedMs = 250;
    http.headers = {};
    arm.record("GET", QUrl(u"https://management.azure.com/subscriptions/%1/providers/x"_s.arg(kSub2)),
               fakeToken(u"b1a95516-8bee-54e4-b288-4d676f028e71"_s), http);
    return registry.exposition();
}

} // namespace

class TestScrapeFixture : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scrapeMatchesFixture();
    void ratelimitIsResetAfterScrape();
};

void TestScrapeFixture::scrapeMatchesFixture()
{
    Amo::Metrics::Registry registry;
    const QByteArray body = scrapeOfEveryFamily(registry);
    if (qEnvironmentVariableIsSet("AMO_WRITE_SCRAPE_FIXTURE")) {
        QFile out(kFixture);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(body);
    }
    QFile file(kFixture);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(kFixture));
    const Scrape expected = parse(file.readAll());
    const Scrape actual = parse(body);
    QVERIFY(expected.size() >= 15);
    QCOMPARE(actual.keys(), expected.keys());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const Family &got = actual[it.key()];
        QVERIFY2(got.type == it->type, qPrintable(it.key() + u": "_s + got.type));
        QVERIFY2(got.help == it->help, qPrintable(it.key() + u": "_s + got.help));
        QCOMPARE(got.samples.keys(), it->samples.keys());
        for (auto s = it->samples.begin(); s != it->samples.end(); ++s)
            QVERIFY2(got.samples.value(s.key()) == s.value(), qPrintable(s.key()));
    }
}

void TestScrapeFixture::ratelimitIsResetAfterScrape()
{
    Amo::Metrics::Registry registry;
    const Scrape first = parse(scrapeOfEveryFamily(registry));
    QCOMPARE(first.value(u"azurerm_api_ratelimit"_s).samples.size(), 2);
    const Scrape second = parse(registry.exposition());
    QVERIFY(second.value(u"azurerm_api_ratelimit"_s).samples.isEmpty());
    QCOMPARE(second.value(u"azurerm_api_request"_s).samples, first.value(u"azurerm_api_request"_s).samples);
}

QTEST_GUILESS_MAIN(TestScrapeFixture)
#include "tst_scrapefixture.moc"
