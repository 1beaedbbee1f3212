// SPDX-License-Identifier: MIT
#include "azuretestsupport.h"

#include "shared/azure/aadendpoint.h"
#include "shared/azure/armclient.h"
#include "shared/azure/armtracingsettings.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amo::Azure;
using namespace AzureTest;

class TestAzureConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cloudByName_data();
    void cloudByName();
    void cloudChoiceMovesAllThreeEndpoints();
    void stackCloudFile();
    void authorityOverride_data();
    void authorityOverride();
    void tracingSettings_data();
    void tracingSettings();
};

void TestAzureConfig::cloudByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("arm");
    QTest::addColumn<QString>("authority");
    QTest::addColumn<QString>("scope");
    const QString pub = u"https://management.azure.com/"_s;
    const QString china = u"https://management.chinacloudapi.cn/"_s;
    const QString gov = u"https://management.usgovcloudapi.net/"_s;
    const QString de = u"https://management.microsoftazure.de/"_s;
    QTest::newRow("empty") << QString() << pub << u"https://login.microsoftonline.com/"_s
                           << u"https://management.azure.com/.default"_s;
    QTest::newRow("AZUREPUBLICCLOUD") << u"AZUREPUBLICCLOUD"_s << pub << u"https://login.microsoftonline.com/"_s
                                      << u"https://management.azure.com/.default"_s;
    QTest::newRow("AzureCloud mixed case") << u"AzureCloud"_s << pub << u"https://login.microsoftonline.com/"_s
                                           << u"https://management.azure.com/.default"_s;
    QTest::newRow("azurechinacloud") << u"azurechinacloud"_s << china << u"https://login.chinacloudapi.cn/"_s
                                     << u"https://management.chinacloudapi.cn/.default"_s;
    QTest::newRow("AZUREUSGOVERNMENTCLOUD")
        << u"AZUREUSGOVERNMENTCLOUD"_s << gov << u"https://login.microsoftonline.us/"_s
        << u"https://management.usgovcloudapi.net/.default"_s;
    QTest::newRow("AZUREUSGOVERNMENT") << u" AZUREUSGOVERNMENT "_s << gov << u"https://login.microsoftonline.us/"_s
                                       << u"https://management.usgovcloudapi.net/.default"_s;
    QTest::newRow("AZUREGERMANCLOUD") << u"AZUREGERMANCLOUD"_s << de << u"https://login.microsoftonline.de/"_s
                                      << u"https://management.microsoftazure.de/.default"_s;
    QTest::newRow("unknown") << u"AZUREMOONCLOUD"_s << QString() << QString() << QString();
}

void TestAzureConfig::cloudByName()
{
    QFETCH(QString, name);
    QFETCH(QString, arm);
    QFETCH(QString, authority);
    QFETCH(QString, scope);
    QString error;
    const auto cloud = CloudEnvironment::fromName(name, QProcessEnvironment(), &error);
    QCOMPARE(cloud.has_value(), !arm.isEmpty());
    if (!cloud) {
        QCOMPARE(error, u"There is no cloud environment matching the name \"AZUREMOONCLOUD\""_s);
        return;
    }
    QCOMPARE(cloud->resourceManagerEndpoint.toString(), arm);
    QCOMPARE(cloud->authorityHost.toString(), authority);
    QCOMPARE(cloud->scope(), scope);
    QCOMPARE(cloud->resource(), arm);
}

void TestAzureConfig::cloudChoiceMovesAllThreeEndpoints()
{
    QNetworkAccessManager nam;
    CapturedLog log;
    for (const auto &[name, host] : {std::pair {u"AZURECHINACLOUD"_s, u"chinacloudapi.cn"_s},
                                     std::pair {u"AZUREUSGOVERNMENTCLOUD"_s, u"usgovcloudapi.net"_s},
                                     std::pair {u"AZUREPUBLICCLOUD"_s, u"azure.com"_s}}) {
        QString error;
        const auto cloud = CloudEnvironment::fromName(name, QProcessEnvironment(), &error);
        QVERIFY(cloud);
        ArmClient arm(&nam, *cloud, nullptr, Amo::Clock::system(), log.logger());
        const AadEndpoint aad {&nam, &Amo::Clock::system(), cloud->authorityHost, kTenant, 1000, {}};
        QVERIFY(arm.url(u"subscriptions"_s, u"2022-12-01"_s).host().endsWith(host));
        QVERIFY(cloud->scope().contains(host));
        // the authority never stays on the public cloud when another cloud is chosen
        QCOMPARE(aad.tokenUrl().host().endsWith(u"microsoftonline.com"_s), name == u"AZUREPUBLICCLOUD"_s);
    }
}

void TestAzureConfig::stackCloudFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"env.json"_s);
    QVERIFY(writeFile(
        path,
        "{\"name\":\"AzureStackCloud\",\"resourceManagerEndpoint\":\"https://management.local.azurestack.external\","
        "\"activeDirectoryEndpoint\":\"https://login.local.test/\","
        "\"tokenAudience\":\"https://management.adfs.local/\"}"));
    QProcessEnvironment env;
    env.insert(u"AZURE_ENVIRONMENT_FILEPATH"_s, path);
    QString error;
    auto cloud = CloudEnvironment::fromName(u"AzureStackCloud"_s, env, &error);
    QVERIFY2(cloud, qPrintable(error));
    QCOMPARE(cloud->resourceManagerEndpoint.toString(), u"https://management.local.azurestack.external/"_s);
    QCOMPARE(cloud->authorityHost.toString(), u"https://login.local.test/"_s);
    QCOMPARE(cloud->scope(), u"https://management.adfs.local/.default"_s);
    // the file is read only for AZURESTACKCLOUD
    QCOMPARE(CloudEnvironment::fromName(u"AZURECLOUD"_s, env, &error)->name, u"AzurePublicCloud"_s);
    env.insert(u"AZURE_ENVIRONMENT_FILEPATH"_s, dir.filePath(u"missing.json"_s));
    QVERIFY(!CloudEnvironment::fromName(u"AZURESTACKCLOUD"_s, env, &error));
    QVERIFY2(error.contains(u"cannot read Azure environment file"_s), qPrintable(error));
    QVERIFY(!CloudEnvironment::fromName(u"AZURESTACKCLOUD"_s, QProcessEnvironment(), &error));
    QVERIFY(error.contains(u"AZURE_ENVIRONMENT_FILEPATH is not set"_s));
    QVERIFY(writeFile(
        path, "{\"resourceManagerEndpoint\":\"http://arm.example.com/\",\"activeDirectoryEndpoint\":\"https://x/\"}"));
    env.insert(u"AZURE_ENVIRONMENT_FILEPATH"_s, path);
    QVERIFY(!CloudEnvironment::fromName(u"AZURESTACKCLOUD"_s, env, &error));
    QVERIFY2(error.contains(u"must use https"_s), qPrintable(error));
}

void TestAzureConfig::authorityOverride_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // empty: rejected
    QTest::newRow("https") << u"https://login.example.test"_s << u"https://login.example.test/"_s;
    QTest::newRow("http loopback v4") << u"http://127.0.0.1:8443/"_s << u"http://127.0.0.1:8443/"_s;
    QTest::newRow("http localhost") << u"http://localhost:1234"_s << u"http://localhost:1234/"_s;
    QTest::newRow("http ::1") << u"http://[::1]:99/"_s << u"http://[::1]:99/"_s;
    QTest::newRow("http remote") << u"http://login.example.test/"_s << QString();
    QTest::newRow("ftp") << u"ftp://login.example.test/"_s << QString();
    QTest::newRow("not a url") << u"login"_s << QString();
}

void TestAzureConfig::authorityOverride()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    env.insert(u"AZURE_AUTHORITY_HOST"_s, value);
    QString error;
    const auto cloud = CloudEnvironment::fromName(u"AZURECHINACLOUD"_s, env, &error);
    QCOMPARE(cloud.has_value(), !expected.isEmpty());
    if (cloud) {
        QCOMPARE(cloud->authorityHost.toString(), expected);
        QCOMPARE(cloud->resourceManagerEndpoint.toString(), u"https://management.chinacloudapi.cn/"_s);
    } else {
        QVERIFY2(error.startsWith(u"AZURE_AUTHORITY_HOST"_s), qPrintable(error));
    }
}

void TestAzureConfig::tracingSettings_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // "error: …" or a summary
    QTest::newRow("defaults") << QString() << QString()
                              << u"req=1 rl=1 reset=1 buckets=1,2.5,5,10,30,60,90,120 labels=apiEndpoint,routingRegion,"
                                 "subscriptionID,tenantID,resourceProvider,method,statusCode"_s;
    QTest::newRow("request off") << u"METRIC_AZURERM_API_REQUEST_ENABLE"_s << u"false"_s
                                 << u"req=0 rl=1 reset=1 buckets=1,2.5,5,10,30,60,90,120 labels=apiEndpoint,"
                                    "routingRegion,subscriptionID,tenantID,resourceProvider,method,statusCode"_s;
    QTest::newRow("ratelimit disabled") << u"METRIC_AZURERM_API_RATELIMIT_ENABLE"_s << u" Disabled "_s
                                        << u"req=1 rl=0 reset=1 buckets=1,2.5,5,10,30,60,90,120 labels=apiEndpoint,"
                                           "routingRegion,subscriptionID,tenantID,resourceProvider,method,"
                                           "statusCode"_s;
    QTest::newRow("autoreset 0") << u"METRIC_AZURERM_API_RATELIMIT_AUTORESET"_s << u"0"_s
                                 << u"req=1 rl=1 reset=0 buckets=1,2.5,5,10,30,60,90,120 labels=apiEndpoint,"
                                    "routingRegion,subscriptionID,tenantID,resourceProvider,method,statusCode"_s;
    QTest::newRow("buckets") << u"METRIC_AZURERM_API_REQUEST_BUCKETS"_s << u"0.5, 1  2,4"_s
                             << u"req=1 rl=1 reset=1 buckets=0.5,1,2,4 labels=apiEndpoint,routingRegion,"
                                "subscriptionID,tenantID,resourceProvider,method,statusCode"_s;
    QTest::newRow("labels any case, canonical order")
        << u"METRIC_AZURERM_API_REQUEST_LABELS"_s << u"statuscode, APIENDPOINT method"_s
        << u"req=1 rl=1 reset=1 buckets=1,2.5,5,10,30,60,90,120 labels=apiEndpoint,method,statusCode"_s;
    QTest::newRow("labels as exposed (snake_case)")
        << u"METRIC_AZURERM_API_REQUEST_LABELS"_s << u"subscription_id,status_code"_s
        << u"req=1 rl=1 reset=1 buckets=1,2.5,5,10,30,60,90,120 labels=subscriptionID,statusCode"_s;
    QTest::newRow("bad bool") << u"METRIC_AZURERM_API_REQUEST_ENABLE"_s << u"maybe"_s
                              << u"error: METRIC_AZURERM_API_REQUEST_ENABLE=\"maybe\" is not a boolean"_s;
    QTest::newRow("bad bucket") << u"METRIC_AZURERM_API_REQUEST_BUCKETS"_s << u"1,two"_s
                                << u"error: METRIC_AZURERM_API_REQUEST_BUCKETS=\"1,two\": \"two\" is not a number"_s;
    QTest::newRow("unsorted buckets") << u"METRIC_AZURERM_API_REQUEST_BUCKETS"_s << u"5,1"_s
                                      << u"error: METRIC_AZURERM_API_REQUEST_BUCKETS=\"5,1\": buckets must be"_s;
    QTest::newRow("unknown label") << u"METRIC_AZURERM_API_REQUEST_LABELS"_s << u"method,region"_s
                                   << u"error: METRIC_AZURERM_API_REQUEST_LABELS=\"method,region\": unknown label "
                                      "\"region\""_s;
}

void TestAzureConfig::tracingSettings()
{
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    if (!variable.isEmpty())
        env.insert(variable, value);
    QString error;
    const auto s = ArmTracingSettings::fromEnvironment(env, &error);
    if (expected.startsWith(u"error: "_s)) {
        QVERIFY(!s);
        QVERIFY2(error.startsWith(expected.mid(7)), qPrintable(error));
        return;
    }
    QVERIFY2(s, qPrintable(error));
    QStringList buckets;
    for (double b : s->buckets)
        buckets << QString::number(b);
    QCOMPARE(u"req=%1 rl=%2 reset=%3 buckets=%4 labels=%5"_s.arg(int(s->requestEnabled))
                 .arg(int(s->ratelimitEnabled))
                 .arg(int(s->ratelimitAutoreset))
                 .arg(buckets.join(u','), s->labels.join(u',')),
             expected);
}

QTEST_GUILESS_MAIN(TestAzureConfig)
#include "tst_azureconfig.moc"
