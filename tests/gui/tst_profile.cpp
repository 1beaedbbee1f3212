// SPDX-License-Identifier: MIT
#include "gui/connect/profile.h"

#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Gui::Profile;

class TestProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void toConfigCarriesConnectionAndPlanOptions();
    void clientEnvironment_data();
    void clientEnvironment();
    void dropsShellCredentials();
    void validate_data();
    void validate();
    void authMethodKeys();
};

namespace {

const QString tenant = u"11111111-2222-3333-4444-555555555555"_s;
const QString client = u"66666666-7777-8888-9999-000000000000"_s;

Profile secretProfile()
{
    Profile p;
    p.name = u"prod"_s;
    p.tenantId = tenant;
    p.clientId = client;
    p.authMethod = Profile::AuthMethod::ClientSecret;
    return p;
}

} // namespace

void TestProfile::toConfigCarriesConnectionAndPlanOptions()
{
    Profile p = secretProfile();
    p.cloud = u"AZURECHINACLOUD"_s;
    p.subscriptions = {u"aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"_s};
    p.kubeconfig = u"/tmp/kc"_s;
    p.context = u"prod-ctx"_s;
    p.options.azureIdentityExpiry = true;
    p.options.kubernetesLabelFormat = u"x/%s"_s;
    p.options.serverBind = u":9999"_s; // not plan-shaping: must not leak into the config

    const Amo::Config::OperatorConfig c = p.toConfig();
    QCOMPARE(c.azureEnvironment, u"AZURECHINACLOUD"_s);
    QCOMPARE(c.azureSubscriptions, p.subscriptions);
    QCOMPARE(c.kubeconfig, u"/tmp/kc"_s);
    QCOMPARE(c.kubernetesContext, u"prod-ctx"_s);
    QVERIFY(c.azureIdentityExpiry);
    QCOMPARE(c.kubernetesLabelFormat, u"x/%s"_s);
    QCOMPARE(c.serverBind, Amo::Config::OperatorConfig().serverBind);
}

void TestProfile::clientEnvironment_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<QString>("cloud");
    QTest::addColumn<QStringList>("expected"); // NAME=value
    QTest::addColumn<QStringList>("absent");

    QTest::newRow("azure cli") << int(Profile::AuthMethod::AzureCli) << u"AZUREPUBLICCLOUD"_s << QStringList {}
                               << QStringList {u"AZURE_TENANT_ID"_s, u"AZURE_CLIENT_ID"_s, u"AZURE_CLIENT_SECRET"_s};
    QTest::newRow("client secret") << int(Profile::AuthMethod::ClientSecret) << u"AZUREPUBLICCLOUD"_s
                                   << QStringList {u"AZURE_TENANT_ID="_s + tenant, u"AZURE_CLIENT_ID="_s + client,
                                                   u"AZURE_CLIENT_SECRET=pw"_s}
                                   << QStringList {u"AZURE_CLIENT_CERTIFICATE_PATH"_s, u"AZURE_ENVIRONMENT_FILEPATH"_s};
    QTest::newRow("certificate") << int(Profile::AuthMethod::ClientCertificate) << u"AZUREPUBLICCLOUD"_s
                                 << QStringList {u"AZURE_CLIENT_CERTIFICATE_PATH=/certs/app.pem"_s,
                                                 u"AZURE_CLIENT_CERTIFICATE_PASSWORD=pw"_s}
                                 << QStringList {u"AZURE_CLIENT_SECRET"_s};
    QTest::newRow("managed identity") << int(Profile::AuthMethod::ManagedIdentity) << u"AZUREPUBLICCLOUD"_s
                                      << QStringList {u"AZURE_CLIENT_ID="_s + client}
                                      << QStringList {u"AZURE_CLIENT_SECRET"_s};
    QTest::newRow("azure stack") << int(Profile::AuthMethod::AzureCli) << u"AZURESTACKCLOUD"_s
                                 << QStringList {u"AZURE_ENVIRONMENT_FILEPATH=/etc/stack.json"_s}
                                 << QStringList {u"AZURE_CLIENT_SECRET"_s};
}

void TestProfile::clientEnvironment()
{
    QFETCH(int, method);
    QFETCH(QString, cloud);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);

    Profile p = secretProfile();
    p.authMethod = Profile::AuthMethod(method);
    p.cloud = cloud;
    p.certificatePath = u"/certs/app.pem"_s;
    p.environmentFile = u"/etc/stack.json"_s;
    const QProcessEnvironment env = p.toClientEnvironment(u"pw"_s).environment;
    for (const QString &pair : expected) {
        const qsizetype eq = pair.indexOf(u'=');
        QCOMPARE(env.value(pair.left(eq)), pair.mid(eq + 1));
    }
    for (const QString &name : absent)
        QVERIFY2(!env.contains(name), qPrintable(name));
}

void TestProfile::dropsShellCredentials()
{
    qputenv("AZURE_CLIENT_SECRET", "from-the-shell");
    qputenv("AZURE_TENANT_ID", "shell-tenant");
    qputenv("AMO_UNRELATED", "kept");
    Profile p = secretProfile();
    p.authMethod = Profile::AuthMethod::AzureCli;
    const QProcessEnvironment env = p.toClientEnvironment({}).environment;
    QVERIFY(!env.contains(u"AZURE_CLIENT_SECRET"_s));
    QVERIFY(!env.contains(u"AZURE_TENANT_ID"_s));
    QCOMPARE(env.value(u"AMO_UNRELATED"_s), u"kept"_s);
    qunsetenv("AZURE_CLIENT_SECRET");
    qunsetenv("AZURE_TENANT_ID");
    qunsetenv("AMO_UNRELATED");
}

void TestProfile::validate_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<QString>("fieldAtFault"); // empty: valid

    QTest::newRow("valid secret profile") << secretProfile() << QString();
    QTest::newRow("demo") << Profile::demoProfile() << QString();
    Profile p = secretProfile();
    p.name.clear();
    QTest::newRow("no name") << p << u"Name"_s;
    p = secretProfile();
    p.name = u"a/b"_s;
    QTest::newRow("slash in name") << p << u"Name"_s;
    p = secretProfile();
    p.name = u"Demo"_s;
    QTest::newRow("reserved name") << p << u"Name"_s;
    p = secretProfile();
    p.cloud = u"MARS"_s;
    QTest::newRow("unknown cloud") << p << u"Cloud"_s;
    p = secretProfile();
    p.cloud = u"AZURESTACKCLOUD"_s;
    QTest::newRow("stack without file") << p << u"Environment file"_s;
    p = secretProfile();
    p.tenantId = u"contoso"_s;
    QTest::newRow("tenant not a guid") << p << u"Tenant ID"_s;
    p = secretProfile();
    p.clientId.clear();
    QTest::newRow("secret without client") << p << u"Client ID"_s;
    p = secretProfile();
    p.authMethod = Profile::AuthMethod::ClientCertificate;
    p.certificatePath = u"/no/such/cert.pem"_s;
    QTest::newRow("missing certificate") << p << u"Certificate"_s;
    p = secretProfile();
    p.subscriptions = {u"not-a-guid"_s};
    QTest::newRow("bad subscription") << p << u"Subscriptions"_s;
    p = secretProfile();
    p.kubeconfig = u"/no/such/kubeconfig"_s;
    QTest::newRow("missing kubeconfig") << p << u"Kubeconfig"_s;
    p = secretProfile();
    p.options.azureIdentityTemplateNamespace = u"{{ .Tags "_s;
    QTest::newRow("bad template") << p << u"AZUREIDENTITY_TEMPLATE_NAMESPACE"_s;
    p = secretProfile();
    p.options.kubernetesNamespaceIgnore = {u"Not_A_Namespace!"_s};
    QTest::newRow("bad ignore list") << p << u"KUBERNETES_NAMESPACE_IGNORE"_s;
    p = Profile();
    p.name = u"cli"_s;
    QTest::newRow("azure cli needs no ids") << p << QString();
}

void TestProfile::validate()
{
    QFETCH(Profile, profile);
    QFETCH(QString, fieldAtFault);
    const QString error = profile.validate();
    if (fieldAtFault.isEmpty())
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.contains(fieldAtFault), qPrintable(error));
}

void TestProfile::authMethodKeys()
{
    for (auto m : {Profile::AuthMethod::AzureCli, Profile::AuthMethod::ClientSecret,
                   Profile::AuthMethod::ClientCertificate, Profile::AuthMethod::ManagedIdentity})
        QCOMPARE(Profile::authMethodFromKey(Profile::authMethodKey(m)), std::optional(m));
    QCOMPARE(Profile::authMethodFromKey(u"password"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
