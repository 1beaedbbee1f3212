// SPDX-License-Identifier: MIT
// Kubeconfigs in the shapes that real tools write (tests/data/kubeconfig/): anchors, aliases and
// merge keys, exec plugins, inline credentials, tags and several documents, read through
// KubeConfigLoader into a RestConfig; malformed files fail naming the file, the line and the column.
#include "shared/kube/kubeconfigloader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Kube::KubeConfigLoader;
using Amo::Kube::RestConfig;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(AMO_TEST_DATA_DIR "/kubeconfig/") + QString::fromLatin1(name);
}

} // namespace

class TestKubeconfigYaml : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anchorsAndMergeKeys();
    void aliasReusesTheWholeStanza();
    void execPluginWithTagsAndDocuments();
    void inlineData();
    void malformedFileNamesFileLineAndColumn_data();
    void malformedFileNamesFileLineAndColumn();
};

void TestKubeconfigYaml::anchorsAndMergeKeys()
{
    const auto r = KubeConfigLoader::load({fixture("anchors-aliases.yaml")}, QString());
    QVERIFY2(r.ok(), qPrintable(r.error));
    const RestConfig &c = *r.config;
    QCOMPARE(c.contextName, u"prod"_s);
    QCOMPARE(c.namespaceName, u"team-a"_s); // an alias of a scalar anchored inside a flow mapping
    QCOMPARE(c.server, QUrl(u"https://prod.example.com:443"_s)); // the key written next to << wins
    QVERIFY(c.insecureSkipTlsVerify); // merged from the anchor
    QCOMPARE(c.tlsServerName, u"api.prod.internal"_s);
    QVERIFY(c.exec);
    QCOMPARE(c.exec->command, u"kubelogin"_s);
    QCOMPARE(c.exec->apiVersion, u"client.authentication.k8s.io/v1beta1"_s);
    QCOMPARE(c.exec->args, QStringList({u"get-token"_s, u"--server-id"_s, u"6dae42f8-4368-4678-94ff-3960e28e3630"_s}));
    QCOMPARE(c.exec->env.size(), 1);
    QCOMPARE(c.exec->env[0].first, u"AAD_LOGIN_METHOD"_s);
    QCOMPARE(c.exec->env[0].second, u"workloadidentity"_s);
}

void TestKubeconfigYaml::aliasReusesTheWholeStanza()
{
    const auto r = KubeConfigLoader::load({fixture("anchors-aliases.yaml")}, u"dev"_s);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.config->server, QUrl(u"https://10.0.0.1:6443"_s));
    QVERIFY(r.config->insecureSkipTlsVerify);
    QCOMPARE(r.config->exec->args, QStringList({u"get-token"_s, u"--login"_s, u"azurecli"_s}));
    QVERIFY(!r.config->exec->provideClusterInfo);
}

void TestKubeconfigYaml::execPluginWithTagsAndDocuments()
{
    const auto r = KubeConfigLoader::load({fixture("exec-plugin.yaml")}, QString());
    QVERIFY2(r.ok(), qPrintable(r.error));
    const RestConfig &c = *r.config;
    QCOMPARE(c.server, QUrl(u"https://aks-dns-1234.hcp.westeurope.azmk8s.io:443"_s));
    QCOMPARE(c.proxyUrl, QUrl(u"http://proxy.example.com:3128"_s)); // the comment is not part of it
    QVERIFY(c.exec);
    QCOMPARE(c.exec->apiVersion, u"client.authentication.k8s.io/v1"_s);
    QCOMPARE(c.exec->command, fixture("bin/credential-helper")); // relative to the file's folder
    QCOMPARE(c.exec->args,
             QStringList({u"--tenant"_s, u"72f988bf-86f1-41af-91ab-2d7cd011db47"_s, u"--timeout"_s, u"30"_s}));
    QCOMPARE(c.exec->env.size(), 2);
    QCOMPARE(c.exec->env[1].second, u"false"_s); // !!str keeps it a string
    QCOMPARE(c.exec->interactiveMode, u"Never"_s);
    QVERIFY(c.exec->provideClusterInfo); // !!bool "true"
    QCOMPARE(c.exec->installHint,
             u"credential-helper is needed to reach this cluster; install it from the team's "
             u"tool repository.\nAsk #platform when in doubt.\n"_s);
}

void TestKubeconfigYaml::inlineData()
{
    auto r = KubeConfigLoader::load({fixture("inline-data.yaml")}, QString());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.config->namespaceName, u"default"_s);
    QVERIFY(r.config->clientCertificatePem.startsWith("-----BEGIN CERTIFICATE-----\nCERT\n"));
    QCOMPARE(r.config->clientKeyPem, QByteArray("-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n"));
    r = KubeConfigLoader::load({fixture("inline-data.yaml")}, u"with-token"_s);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.config->token,
             u"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDpvcGVyYXRvciJ9.c2ln"_s);
}

void TestKubeconfigYaml::malformedFileNamesFileLineAndColumn_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("position");
    QTest::addColumn<QString>("what");
    QTest::newRow("indentation") << u"malformed.yaml"_s << u"line 7, column 4"_s << u"end of map not found"_s;
    QTest::newRow("unknown alias") << u"unknown-alias.yaml"_s << u"line 5, column 12"_s
                                   << u"the referenced anchor is not defined"_s;
}

void TestKubeconfigYaml::malformedFileNamesFileLineAndColumn()
{
    QFETCH(QString, file);
    QFETCH(QString, position);
    QFETCH(QString, what);
    const QString path = fixture(file.toLatin1().constData());
    const auto r = KubeConfigLoader::load({path}, QString());
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(u"cannot parse kubeconfig \"%1\": %2: "_s.arg(path, position)), qPrintable(r.error));
    QVERIFY2(r.error.contains(what), qPrintable(r.error));
}

QTEST_GUILESS_MAIN(TestKubeconfigYaml)
#include "tst_kubeconfigyaml.moc"
