// SPDX-License-Identifier: MIT
// Workload identity mode end to end: the real agent (in-process) against the simulator, which serves the
// cluster's issuer, ServiceAccounts, ARM's federated identity credentials and AAD's token exchange.
#include "agentrun.h"

#include "agent/demoenvironment.h"
#include "shared/sandbox/clusterbridge.h"
#include "shared/sandbox/kubeapihandler.h"
#include "shared/sandbox/kuberesourcetype.h"
#include "shared/sandbox/kubestore.h"
#include "shared/sandbox/requestlog.h"
#include "shared/sandbox/sandbox.h"
#include "shared/sandbox/scenario.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString kDemoScenario = QStringLiteral(AMO_SOURCE_DIR "/resources/sandbox/demo-scenario.json");
const QString kForeignClient = u"99999999-9999-4999-8999-999999999999"_s;
const QString kExchange = u"api://AzureADTokenExchange"_s;
const QString kClientIdAnnotation = u"azure.workload.identity/client-id"_s;
// Pairs the test looks at: a plain one, one whose ServiceAccount someone else annotated, one at the cap.
const QString kPlainMsi = u"id-payments-worker"_s;
const QString kForeignMsi = u"id-checkout-api"_s;
const QString kFullMsi = u"id-payments-api"_s;

// A high client-side limit: --sync.once waits for its Events, and there are a few hundred of them here.
const QStringList kWorkload {u"--workloadidentity.enable"_s, u"--workloadidentity.clustername=demo"_s,
                             u"--kubernetes.qps=500"_s, u"--kubernetes.burst=500"_s};

/** The demo scenario with every subscription listable, a foreign ServiceAccount and an MSI at Azure's cap. */
QString writeScenario(const QTemporaryDir &dir)
{
    QFile demo(kDemoScenario);
    if (!demo.open(QIODevice::ReadOnly))
        return {};
    QJsonObject scenario = QJsonDocument::fromJson(demo.readAll()).object();
    QJsonArray subscriptions = scenario.value(u"subscriptions"_s).toArray();
    for (QJsonValueRef entry : subscriptions) {
        QJsonObject subscription = entry.toObject();
        subscription.remove(u"forbidden"_s);
        entry = subscription;
    }
    scenario.insert(u"subscriptions"_s, subscriptions);
    QJsonArray msis = scenario.value(u"msis"_s).toArray();
    for (QJsonValueRef entry : msis) {
        QJsonObject msi = entry.toObject();
        if (msi.value(u"name"_s).toString() != kFullMsi)
            continue;
        QJsonArray credentials;
        for (int i = 0; i < 20; ++i) {
            credentials.append(QJsonObject {{u"name"_s, u"elsewhere-%1"_s.arg(i)},
                                            {u"issuer"_s, u"https://oidc.elsewhere.example/"_s},
                                            {u"subject"_s, u"system:serviceaccount:apps:app-%1"_s.arg(i)},
                                            {u"audiences"_s, QJsonArray {kExchange}}});
        }
        msi.insert(u"federatedIdentityCredentials"_s, credentials);
        entry = msi;
    }
    scenario.insert(u"msis"_s, msis);
    QJsonObject kubernetes = scenario.value(u"kubernetes"_s).toObject();
    QJsonArray accounts = kubernetes.value(u"serviceAccounts"_s).toArray();
    accounts.append(QJsonObject {{u"name"_s, kForeignMsi},
                                 {u"namespace"_s, u"checkout"_s},
                                 {u"annotations"_s, QJsonObject {{kClientIdAnnotation, kForeignClient}}}});
    kubernetes.insert(u"serviceAccounts"_s, accounts);
    scenario.insert(u"kubernetes"_s, kubernetes);
    QFile out(dir.filePath(u"workload-scenario.json"_s));
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(QJsonDocument(scenario).toJson());
    return out.fileName();
}
} // namespace

class TestWorkloadSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void syncWritesAccountsAndCredentialsOnce();
    void writtenCredentialExchangesOnlyForItsServiceAccount();
    void workloadAloneWritesNoAzureIdentity();
    void issuerDiscoveryFailureIsAClearStartupError();
    void givenIssuerSkipsDiscovery();

private:
    Amo::Sandbox::KubeStore &store()
    {
        return static_cast<Amo::Sandbox::KubeApiHandler *>(m_simulator->sandbox().cluster().native())->store();
    }
    QJsonObject serviceAccount(const QString &ns, const QString &name)
    {
        const auto *type = Amo::Sandbox::KubeResourceType::find({}, u"v1"_s, u"serviceaccounts"_s);
        const auto object = store().object(*type, ns, name);
        return object ? object->json() : QJsonObject();
    }
    const Amo::Sandbox::ScenarioMsi *msi(const QString &name)
    {
        for (const Amo::Sandbox::ScenarioMsi &m : m_simulator->sandbox().scenario().msis)
            if (m.name == name)
                return &m;
        return nullptr;
    }
    int identities()
    {
        const auto *type
            = Amo::Sandbox::KubeResourceType::find(u"aadpodidentity.k8s.io"_s, u"v1"_s, u"azureidentities"_s);
        return int(store().objects(*type).size());
    }
    /** AAD's client-credentials grant with a ServiceAccount token as the assertion; the HTTP status. */
    int exchange(const QString &clientId, const QByteArray &assertion)
    {
        const QString tenant = m_simulator->sandbox().scenario().tenants.value(0).id;
        QNetworkRequest request(QUrl(m_simulator->sandbox().endpoint() + tenant + u"/oauth2/v2.0/token"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QUrlQuery form;
        form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
        form.addQueryItem(u"client_id"_s, clientId);
        form.addQueryItem(u"scope"_s, u"https://management.azure.com/.default"_s);
        form.addQueryItem(u"client_assertion_type"_s, u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s);
        form.addQueryItem(u"client_assertion"_s, QString::fromLatin1(assertion));
        QNetworkReply *reply = m_nam.post(request, form.toString(QUrl::FullyEncoded).toLatin1());
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    int puts()
    {
        int n = 0;
        const auto counters = m_simulator->sandbox().requestLog().counters();
        for (auto it = counters.cbegin(); it != counters.cend(); ++it)
            n += it.key().method == "PUT" ? it.value() : 0;
        return n;
    }
    AgentRun agent(const QStringList &args) { return AgentRun::exec(kWorkload + args, m_simulator->environment()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Amo::Agent::DemoEnvironment> m_simulator;
    QNetworkAccessManager m_nam;
};

void TestWorkloadSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString scenario = writeScenario(*m_dir);
    QVERIFY(!scenario.isEmpty());
    m_simulator = std::make_unique<Amo::Agent::DemoEnvironment>();
    QString error;
    QVERIFY2(m_simulator->start(&error, scenario), qPrintable(error));
}

void TestWorkloadSync::syncWritesAccountsAndCredentialsOnce()
{
    const QString issuer = m_simulator->sandbox().serviceAccountIssuer();
    // --dry-run shows every new kind and exits 2: there is work.
    const AgentRun dry = agent({u"--dry-run"_s});
    QVERIFY2(dry.exitCode == 2, qPrintable(dry.err));
    QVERIFY2(dry.out.contains(u"+ serviceaccount payments/"_s + kPlainMsi + u'\n'), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(u"+ [azure] credential "_s + kPlainMsi + u"/demo-payments-"_s), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(u"x [azure] credential "_s + kFullMsi + u'/'), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(u"! serviceaccount checkout/"_s + kForeignMsi + u": "_s), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(u"federated credentials to write in Azure"_s), qPrintable(dry.out));
    const AgentRun json = agent({u"--dry-run"_s, u"--plan.output=json"_s});
    QCOMPARE(json.exitCode, 2);
    const QJsonObject summary = QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"summary"_s).toObject();
    QVERIFY(summary.value(u"createServiceAccount"_s).toInt() > 0);
    QCOMPARE(summary.value(u"createCredential"_s).toInt() + summary.value(u"updateCredential"_s).toInt(),
             summary.value(u"azureWrites"_s).toInt());
    QVERIFY(summary.value(u"blocked"_s).toInt() >= 1);

    const AgentRun once = agent({u"--sync.once"_s});
    QVERIFY2(once.exitCode == 0, qPrintable(once.err.right(2500)));

    // The plain pair: its ServiceAccount, annotated and labelled, and its credential on the MSI in Azure.
    const QJsonObject account = serviceAccount(u"payments"_s, kPlainMsi);
    QVERIFY2(!account.isEmpty(), "the ServiceAccount was not created");
    const QJsonObject metadata = account.value(u"metadata"_s).toObject();
    QCOMPARE(metadata.value(u"annotations"_s).toObject().value(kClientIdAnnotation).toString(),
             msi(kPlainMsi)->clientId);
    QCOMPARE(metadata.value(u"labels"_s).toObject().value(u"app.kubernetes.io/managed-by"_s).toString(),
             u"azure-msi-operator"_s);
    const QList<Amo::Sandbox::ScenarioFederatedCredential> written = msi(kPlainMsi)->federatedIdentityCredentials;
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.first().issuer, issuer);
    QCOMPARE(written.first().subject, u"system:serviceaccount:payments:"_s + kPlainMsi);
    QCOMPARE(written.first().audiences, QStringList {kExchange});

    // Someone else's ServiceAccount is left exactly as it was, and its MSI is not federated with it.
    const QJsonObject foreign = serviceAccount(u"checkout"_s, kForeignMsi);
    QCOMPARE(foreign.value(u"metadata"_s).toObject().value(u"annotations"_s).toObject().value(kClientIdAnnotation),
             QJsonValue(kForeignClient));
    QVERIFY(!foreign.value(u"metadata"_s)
                 .toObject()
                 .value(u"labels"_s)
                 .toObject()
                 .contains(u"app.kubernetes.io/managed-by"_s));
    QVERIFY(msi(kForeignMsi)->federatedIdentityCredentials.isEmpty());
    // The identity at the cap got no 21st credential, and its ServiceAccount's owners hear why.
    QCOMPARE(msi(kFullMsi)->federatedIdentityCredentials.size(), 20);
    const auto *events = Amo::Sandbox::KubeResourceType::find(u"events.k8s.io"_s, u"v1"_s, u"events"_s);
    QString blocked;
    for (const auto &event : store().objects(*events, u"payments"_s)) {
        const QJsonObject object = event->json();
        const QJsonObject regarding = object.value(u"regarding"_s).toObject();
        if (object.value(u"reason"_s).toString() == u"Blocked"
            && regarding.value(u"kind"_s).toString() == u"ServiceAccount"
            && regarding.value(u"name"_s).toString() == kFullMsi)
            blocked = object.value(u"note"_s).toString();
    }
    QVERIFY2(blocked.contains(u"20 of the 20"_s), qPrintable(blocked));

    // A second sync writes nothing anywhere.
    const int armPuts = puts();
    QVERIFY(armPuts > 0);
    const AgentRun again = agent({u"--dry-run"_s});
    QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
    const AgentRun second = agent({u"--sync.once"_s});
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(puts(), armPuts);
    QCOMPARE(msi(kPlainMsi)->federatedIdentityCredentials.size(), 1);
}

void TestWorkloadSync::writtenCredentialExchangesOnlyForItsServiceAccount()
{
    const AgentRun once = agent({u"--sync.once"_s});
    QVERIFY2(once.exitCode == 0, qPrintable(once.err.right(2500)));
    const QString clientId = msi(kPlainMsi)->clientId;
    Amo::Sandbox::Sandbox &sandbox = m_simulator->sandbox();
    QCOMPARE(exchange(clientId, sandbox.mintServiceAccountToken(u"payments"_s, kPlainMsi)), 200);
    // The same ServiceAccount name in another namespace is another subject: refused.
    QCOMPARE(exchange(clientId, sandbox.mintServiceAccountToken(u"checkout"_s, kPlainMsi)), 400);
    // And an identity the agent did not federate refuses the token too.
    QCOMPARE(exchange(msi(kForeignMsi)->clientId, sandbox.mintServiceAccountToken(u"checkout"_s, kForeignMsi)), 400);
}

void TestWorkloadSync::workloadAloneWritesNoAzureIdentity()
{
    const int before = identities();
    const AgentRun dry = agent({u"--dry-run"_s, u"--azureidentity.enable=false"_s});
    QVERIFY2(dry.exitCode == 2, qPrintable(dry.err));
    QVERIFY2(!dry.out.contains(u"+ identity "_s), qPrintable(dry.out));
    const AgentRun once = agent({u"--sync.once"_s, u"--azureidentity.enable=false"_s});
    QVERIFY2(once.exitCode == 0, qPrintable(once.err.right(2500)));
    QCOMPARE(identities(), before);
    QVERIFY(!serviceAccount(u"payments"_s, kPlainMsi).isEmpty());
    // Without workload identity mode there would be nothing left to do: a usage error, not a silent no-op.
    const AgentRun nothing
        = AgentRun::exec({u"--dry-run"_s, u"--azureidentity.enable=false"_s}, m_simulator->environment());
    QCOMPARE(nothing.exitCode, Amo::Agent::AgentApp::ExitUsage);
    QVERIFY2(nothing.err.contains(u"--workloadidentity.enable"_s), qPrintable(nothing.err));
}

void TestWorkloadSync::issuerDiscoveryFailureIsAClearStartupError()
{
    m_simulator->sandbox().setServiceAccountIssuerDiscovery(false);
    const AgentRun dry = agent({u"--dry-run"_s});
    QCOMPARE(dry.exitCode, 1);
    QVERIFY2(dry.out.isEmpty(), qPrintable(dry.out));
    QVERIFY2(dry.err.contains(u"/.well-known/openid-configuration"_s), qPrintable(dry.err));
    QVERIFY2(dry.err.contains(u"--workloadidentity.issuer"_s), qPrintable(dry.err));
}

void TestWorkloadSync::givenIssuerSkipsDiscovery()
{
    m_simulator->sandbox().setServiceAccountIssuerDiscovery(false);
    const QString issuer = u"https://oidc.prod.example/abc/"_s;
    const AgentRun once = agent({u"--sync.once"_s, u"--workloadidentity.issuer="_s + issuer});
    QVERIFY2(once.exitCode == 0, qPrintable(once.err.right(2500)));
    QCOMPARE(msi(kPlainMsi)->federatedIdentityCredentials.value(0).issuer, issuer);
}

QTEST_GUILESS_MAIN(TestWorkloadSync)
#include "tst_workloadsync.moc"
