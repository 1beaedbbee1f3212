// SPDX-License-Identifier: MIT
#include "azuretestsupport.h"

#include "shared/azure/armclient.h"
#include "shared/azure/armlistjob.h"
#include "shared/azure/armtracing.h"
#include "shared/azure/clientsecretcredential.h"
#include "shared/azure/httpjob.h"
#include "shared/azure/msiinventoryjob.h"
#include "shared/azure/tokencache.h"
#include "shared/metrics/registry.h"
#include "shared/sandbox/armhandler.h"
#include "shared/sandbox/faultinjector.h"
#include "shared/sandbox/requestlog.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Azure;
using namespace AzureTest;

namespace {

const QString kIdentityRoute
    = u"/subscriptions/{subscriptionId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities"_s;

QString subId(int i)
{
    return u"aaaaaaaa-0000-0000-0000-%1"_s.arg(i, 12, 10, QLatin1Char('0'));
}

QString identityPath(int sub)
{
    return u"/subscriptions/"_s + subId(sub) + u"/providers/Microsoft.ManagedIdentity/userAssignedIdentities"_s;
}

/** Calls a hook just before each request is sent, e.g. to arm a sandbox fault for one page. */
class HookedNetwork : public QNetworkAccessManager
{
public:
    std::function<void(const QUrl &)> hook;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *body) override
    {
        if (hook)
            hook(request.url());
        return QNetworkAccessManager::createRequest(op, request, body);
    }
};

} // namespace

class TestArmClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void pagesAcrossSixPages();
    void pageFailingMidListingFailsWhole_data();
    void pageFailingMidListingFailsWhole();
    void honoursRetryAfterOn429();
    void retriesResetConnectionsAnd5xx();
    void oneForbiddenSubscriptionAmongSeveral();
    void listsAllSubscriptionsAcrossPagesSkippingDisabled();
    void unauthorizedFetchesOneFreshToken();
    void unauthorizedTwiceFailsClearly();
    void metricsFollowAzuretracing();
    void ratelimitAutoresetCanBeOff();
    void opaqueTokenFallsBackToTheConfiguredTenant();

private:
    void start(QJsonObject scenario, const Amo::Clock *sandboxClock = nullptr);
    void makeClient(const CloudEnvironment &cloud);

    Amo::Sandbox::IssuedCertificate m_appCert;
    Amo::Sandbox::IssuedCertificate m_issuerKey;
    std::unique_ptr<Amo::Sandbox::Sandbox> m_sandbox;
    HookedNetwork m_nam;
    CapturedLog m_log;
    std::unique_ptr<ClientSecretCredential> m_credential;
    std::unique_ptr<TokenCache> m_tokens;
    std::unique_ptr<ArmClient> m_arm;
};

void TestArmClient::initTestCase()
{
    m_appCert = Amo::Sandbox::CertificateAuthority::selfSigned(u"cert-app"_s);
    m_issuerKey = Amo::Sandbox::CertificateAuthority::selfSigned(u"oidc-issuer"_s);
}

void TestArmClient::cleanup()
{
    m_nam.hook = nullptr;
    m_arm.reset();
    m_tokens.reset();
    m_credential.reset();
    m_sandbox.reset();
}

void TestArmClient::start(QJsonObject scenario, const Amo::Clock *sandboxClock)
{
    QString error;
    const auto parsed = Amo::Sandbox::Scenario::fromJson(scenario, &error);
    QVERIFY2(parsed, qPrintable(error));
    m_sandbox = std::make_unique<Amo::Sandbox::Sandbox>();
    Amo::Sandbox::SandboxOptions options;
    options.clock = sandboxClock;
    QVERIFY2(m_sandbox->start(*parsed, options), qPrintable(m_sandbox->errorString()));
    makeClient(sandboxCloud(*m_sandbox));
}

void TestArmClient::makeClient(const CloudEnvironment &cloud)
{
    m_arm.reset();
    m_tokens.reset();
    m_credential = std::make_unique<ClientSecretCredential>(
        AadEndpoint {&m_nam, &Amo::Clock::system(), cloud.authorityHost, kTenant, 10000, {}}, kSecretApp, kSecret);
    m_tokens = std::make_unique<TokenCache>(m_credential.get(), Amo::Clock::system(), m_log.logger());
    ArmClientOptions options;
    options.retry.baseDelayMs = 5; // keep backoff short; Retry-After is still honoured in full
    m_arm = std::make_unique<ArmClient>(&m_nam, cloud, m_tokens.get(), Amo::Clock::system(), m_log.logger(), options);
}

void TestArmClient::pagesAcrossSixPages()
{
    start(scenarioJson(m_appCert, m_issuerKey, 1, 23, 4));
    const ArmListResult r
        = run<ArmListResult>(m_arm->listUserAssignedIdentities(subId(0), this), &ArmListJob::finished);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.pages, 6);
    QCOMPARE(r.items.size(), 23);
    QSet<QString> names;
    for (const QJsonObject &o : r.items)
        names.insert(o.value(u"name"_s).toString());
    QCOMPARE(names.size(), 23);
    QCOMPARE(m_sandbox->requestLog().count("GET", kIdentityRoute, 200), 6);
    QCOMPARE(m_arm->requestsSent(), 6);
}

void TestArmClient::pageFailingMidListingFailsWhole_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("times"); // -1: the page keeps failing
    QTest::addColumn<bool>("ok");
    QTest::newRow("page 3 keeps answering 500") << u"status"_s << -1 << false;
    QTest::newRow("page 3 keeps sending broken JSON") << u"malformed"_s << -1 << false;
    QTest::newRow("page 3 keeps being cut off") << u"truncate"_s << -1 << false;
    QTest::newRow("page 3 fails once, retried") << u"status"_s << 1 << true;
    QTest::newRow("page 3 reset once, retried") << u"reset"_s << 1 << true;
}

void TestArmClient::pageFailingMidListingFailsWhole()
{
    QFETCH(QString, fault);
    QFETCH(int, times);
    QFETCH(bool, ok);
    start(scenarioJson(m_appCert, m_issuerKey, 1, 23, 4));
    int skipTokens = 0;
    m_nam.hook = [&](const QUrl &url) {
        if (!url.query().contains(u"skiptoken"_s) || ++skipTokens != 2)
            return;
        // armed just before page 3 goes out; pages 1 and 2 were fine
        Amo::Sandbox::FaultRule rule;
        rule.path = identityPath(0);
        rule.times = times;
        rule.status = 500;
        rule.kind = fault == u"malformed"_s ? Amo::Sandbox::FaultKind::MalformedJson
            : fault == u"truncate"_s        ? Amo::Sandbox::FaultKind::Truncate
            : fault == u"reset"_s           ? Amo::Sandbox::FaultKind::Reset
                                            : Amo::Sandbox::FaultKind::Status;
        m_sandbox->faults().add(rule);
    };
    const ArmListResult r
        = run<ArmListResult>(m_arm->listUserAssignedIdentities(subId(0), this), &ArmListJob::finished);
    QCOMPARE(r.ok, ok);
    if (ok) {
        QCOMPARE(r.items.size(), 23);
        QCOMPARE(r.pages, 6);
        return;
    }
    QVERIFY(r.items.isEmpty()); // never the first two pages alone
    QVERIFY2(r.error.startsWith(u"page 3 failed: "_s), qPrintable(r.error));
    QCOMPARE(r.failure.attempts, 4); // 1 + 3 retries
}

void TestArmClient::honoursRetryAfterOn429()
{
    start(scenarioJson(m_appCert, m_issuerKey, 1, 5, 100));
    Amo::Sandbox::FaultRule rule;
    rule.path = identityPath(0);
    rule.status = 429;
    rule.retryAfterSeconds = 1;
    rule.times = 1;
    m_sandbox->faults().add(rule);
    QElapsedTimer timer;
    timer.start();
    const ArmListResult r
        = run<ArmListResult>(m_arm->listUserAssignedIdentities(subId(0), this), &ArmListJob::finished);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.items.size(), 5);
    QCOMPARE(m_sandbox->requestLog().count("GET", identityPath(0), 429), 1); // faults answer before routing
    // the backoff alone would be a few ms: waiting a second means Retry-After was read
    QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));

    // the sandbox's own throttle (per subscription + principal) ends the same way
    m_sandbox->arm().configureThrottle(2, 1.0);
    const ArmListResult again
        = run<ArmListResult>(m_arm->listUserAssignedIdentities(subId(0), this), &ArmListJob::finished);
    QVERIFY2(again.ok, qPrintable(again.error));
    QVERIFY(m_arm->rateLimitRemaining().contains(u"subscription-reads"_s));
}

void TestArmClient::retriesResetConnectionsAnd5xx()
{
    start(scenarioJson(m_appCert, m_issuerKey, 1, 5, 2));
    Amo::Sandbox::FaultRule reset;
    reset.path = identityPath(0);
    reset.kind = Amo::Sandbox::FaultKind::Reset;
    reset.times = 1;
    m_sandbox->faults().add(reset);
    Amo::Sandbox::FaultRule unavailable;
    unavailable.path = identityPath(0);
    unavailable.status = 502;
    unavailable.times = 2;
    m_sandbox->faults().add(unavailable);
    const ArmListResult r
        = run<ArmListResult>(m_arm->listUserAssignedIdentities(subId(0), this), &ArmListJob::finished);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.items.size(), 5);
}

void TestArmClient::oneForbiddenSubscriptionAmongSeveral()
{
    QJsonObject json = scenarioJson(m_appCert, m_issuerKey, 4, 3, 100);
    QJsonArray subs = json.value(u"subscriptions"_s).toArray();
    QJsonObject forbidden = subs.at(1).toObject();
    forbidden.insert(u"forbidden"_s, true);
    subs.replace(1, forbidden);
    json.insert(u"subscriptions"_s, subs);
    start(json);
    const QString missing = u"bbbbbbbb-0000-0000-0000-000000000000"_s;
    const MsiInventory inv = run<MsiInventory>(m_arm->listMsis({subId(0), subId(1), missing, subId(2), subId(3)}, this),
                                               &MsiInventoryJob::finished);
    QVERIFY(inv.ok);
    QCOMPARE(inv.subscriptions.size(), 5);
    QCOMPARE(inv.failedSubscriptions(), 2);
    QCOMPARE(inv.identityCount(), 9);
    const SubscriptionMsis &denied = inv.subscriptions.at(1);
    QVERIFY(!denied.ok);
    QVERIFY2(denied.error.contains(u"HTTP 403 AuthorizationFailed"_s), qPrintable(denied.error));
    QVERIFY2(denied.error.contains(u"x-ms-request-id: "_s), qPrintable(denied.error));
    QVERIFY2(inv.subscriptions.at(2).error.contains(u"HTTP 404 SubscriptionNotFound"_s),
             qPrintable(inv.subscriptions.at(2).error));
    for (int i : {0, 3, 4}) {
        QVERIFY(inv.subscriptions.at(i).ok);
        QCOMPARE(inv.subscriptions.at(i).msis.size(), 3);
        QCOMPARE(inv.subscriptions.at(i).subscription.displayName, u"sub-%1"_s.arg(i == 0 ? 0 : i - 1));
    }
    QVERIFY(m_log.text().contains(u"tried again on the next sync"_s));
}

void TestArmClient::listsAllSubscriptionsAcrossPagesSkippingDisabled()
{
    QJsonObject json = scenarioJson(m_appCert, m_issuerKey, 5, 4, 1);
    QJsonArray subs = json.value(u"subscriptions"_s).toArray();
    QJsonObject disabled = subs.at(3).toObject();
    disabled.insert(u"state"_s, u"Disabled"_s);
    subs.replace(3, disabled);
    json.insert(u"subscriptions"_s, subs);
    start(json);
    const MsiInventory inv = run<MsiInventory>(m_arm->listMsis({}, this), &MsiInventoryJob::finished);
    QVERIFY2(inv.ok, qPrintable(inv.error));
    QCOMPARE(inv.subscriptions.size(), 4); // five listed over five pages, one disabled
    QCOMPARE(inv.skipped.size(), 1);
    QCOMPARE(inv.skipped.first().id, subId(3));
    QCOMPARE(inv.identityCount(), 16);
    QCOMPARE(m_sandbox->requestLog().count("GET", u"/subscriptions"_s, 200), 5);
    QVERIFY(m_log.text().contains(u"skipping subscription"_s) && m_log.text().contains(u"state=Disabled"_s));
}

void TestArmClient::unauthorizedFetchesOneFreshToken()
{
    Amo::ManualClock sandboxClock(QDateTime::currentDateTimeUtc());
    start(scenarioJson(m_appCert, m_issuerKey, 1, 3, 100), &sandboxClock);
    QVERIFY(run<ArmListResult>(m_arm->listUserAssignedIdentities(subId(0), this), &ArmListJob::finished).ok);
    QCOMPARE(m_tokens->credentialRequests(), 1);
    // ARM sees the token as expired although our clock still trusts it (clock skew, early revocation)
    sandboxClock.advanceMs(2 * 3600 * 1000);
    const ArmListResult r
        = run<ArmListResult>(m_arm->listUserAssignedIdentities(subId(0), this), &ArmListJob::finished);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(m_tokens->credentialRequests(), 2);
    QCOMPARE(m_sandbox->requestLog().count("GET", kIdentityRoute, 401), 1);
}

void TestArmClient::unauthorizedTwiceFailsClearly()
{
    start(scenarioJson(m_appCert, m_issuerKey, 1, 3, 100));
    CloudEnvironment cloud = sandboxCloud(*m_sandbox);
    cloud.tokenAudience = u"https://vault.azure.net/"_s; // tokens ARM will never accept
    makeClient(cloud);
    const ArmListResult r
        = run<ArmListResult>(m_arm->listUserAssignedIdentities(subId(0), this), &ArmListJob::finished);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(u"ARM rejected a freshly issued token: HTTP 401 InvalidAuthenticationToken"_s),
             qPrintable(r.error));
    QCOMPARE(m_tokens->credentialRequests(), 2);
    QCOMPARE(m_sandbox->requestLog().count("GET", kIdentityRoute, 401), 2);
}

void TestArmClient::metricsFollowAzuretracing()
{
    start(scenarioJson(m_appCert, m_issuerKey, 1, 3, 2));
    Amo::Metrics::Registry registry;
    QString error;
    const auto settings = ArmTracingSettings::fromEnvironment(QProcessEnvironment(), &error);
    QVERIFY(settings);
    ArmTracing tracing(registry, *settings);
    m_arm->setTracing(&tracing);
    QVERIFY(run<ArmListResult>(m_arm->listUserAssignedIdentities(subId(0), this), &ArmListJob::finished).ok);
    const QString text = QString::fromUtf8(registry.exposition());
    // the region comes from x-ms-routing-request-id (REGION:TIMESTAMP:ID)
    const QString labels
        = u"api_endpoint=\"127.0.0.1\",routing_region=\"westeurope\",subscription_id=\"%1\",tenant_id=\"%2\","
          "resource_provider=\"\",method=\"get\",status_code=\"200\""_s.arg(subId(0), kTenant);
    QVERIFY2(text.contains(u"azurerm_api_request_count{"_s + labels + u"} 2"_s), qPrintable(text));
    QVERIFY2(text.contains(u"azurerm_api_request_bucket{"_s + labels + u",le=\"120\"} 2"_s), qPrintable(text));
    QVERIFY2(text.contains(u"azurerm_api_ratelimit{api_endpoint=\"127.0.0.1\",subscription_id=\"%1\",tenant_id=\"%2\","
                           "scope=\"subscription\",type=\"reads\"}"_s.arg(subId(0), kTenant)),
             qPrintable(text));
    // the global per-subscription budget too
    QVERIFY2(text.contains(u"azurerm_api_ratelimit{api_endpoint=\"127.0.0.1\",subscription_id=\"%1\",tenant_id=\"%2\","
                           "scope=\"subscription\",type=\"global-reads\"}"_s.arg(subId(0), kTenant)),
             qPrintable(text));
    // autoreset: the remaining budget is gone after the scrape
    QVERIFY(!QString::fromUtf8(registry.exposition()).contains(u"azurerm_api_ratelimit{"_s));
    QVERIFY(!text.contains(kSecret));
}

void TestArmClient::ratelimitAutoresetCanBeOff()
{
    start(scenarioJson(m_appCert, m_issuerKey, 1, 3, 100));
    Amo::Metrics::Registry registry;
    QProcessEnvironment env;
    env.insert(u"METRIC_AZURERM_API_RATELIMIT_AUTORESET"_s, u"false"_s);
    env.insert(u"METRIC_AZURERM_API_REQUEST_ENABLE"_s, u"no"_s);
    QString error;
    ArmTracing tracing(registry, *ArmTracingSettings::fromEnvironment(env, &error));
    m_arm->setTracing(&tracing);
    QVERIFY(run<ArmListResult>(m_arm->listUserAssignedIdentities(subId(0), this), &ArmListJob::finished).ok);
    QVERIFY(QString::fromUtf8(registry.exposition()).contains(u"azurerm_api_ratelimit{"_s));
    const QString text = QString::fromUtf8(registry.exposition());
    QVERIFY(text.contains(u"azurerm_api_ratelimit{"_s));
    QVERIFY(!text.contains(u"azurerm_api_request"_s));
}

void TestArmClient::opaqueTokenFallsBackToTheConfiguredTenant()
{
    // Microsoft: access tokens are opaque to clients; one that is no JWT must not break the tenant label
    Amo::Metrics::Registry registry;
    QProcessEnvironment env;
    env.insert(u"AZURE_TENANT_ID"_s, kTenant);
    QString error;
    ArmTracing tracing(registry, *ArmTracingSettings::fromEnvironment(env, &error));
    HttpResult http;
    http.status = 200;
    http.headers = {{"x-ms-ratelimit-remaining-subscription-reads", "249"}};
    tracing.record("GET", QUrl(u"https://127.0.0.1/subscriptions/%1?api-version=2022-12-01"_s.arg(subId(0))),
                   "an-opaque-token-without-dots", http);
    const QString text = QString::fromUtf8(registry.exposition());
    QVERIFY2(text.contains(u"tenant_id=\"%1\""_s.arg(kTenant)), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestArmClient)
#include "tst_armclient.moc"
