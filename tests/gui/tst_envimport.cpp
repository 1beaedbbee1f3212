// SPDX-License-Identifier: MIT
#include "gui/connect/envimport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Gui::EnvImport;
using Amo::Gui::Profile;

class TestEnvImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedVariables();
    void lineSyntax_data();
    void lineSyntax();
    void authMethod_data();
    void authMethod();
    void badValueNamesVariable_data();
    void badValueNamesVariable();
    void unknownAndAgentOnlyKeysWarn();
    void defaultsWhenAbsent();
    void fromFile();
};

void TestEnvImport::seedVariables()
{
    // The env names of the original's README, as a Deployment would set them.
    const QString text = uR"(# azure-msi-operator settings
AZURE_ENVIRONMENT=AZUREUSGOVERNMENTCLOUD
AZURE_SUBSCRIPTION_ID=aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
KUBERNETES_LABEL_FORMAT=team.example.com/%s
KUBERNETES_NAMESPACE_IGNORE=kube-system team-legacy
AZUREIDENTITY_NAMESPACED=true
AZUREIDENTITY_TEMPLATE_NAMESPACE={{ .Tags.namespace }}
AZUREIDENTITY_TEMPLATE_RESOURCENAME={{ .Name }}
AZUREIDENTITY_BINDING_SYNC=1
AZUREIDENTITY_EXPIRY=true
AZUREIDENTITY_EXPIRY_ANNOTATION=janitor/ttl
AZUREIDENTITY_EXPIRY_DURATION=48h
AZUREIDENTITY_EXPIRY_TIMEFORMAT=2006-01-02T15:04:05Z07:00
KUBERNETES_CONTEXT=prod
)"_s;
    QString secret;
    QString error;
    QStringList warnings;
    const std::optional<Profile> p = EnvImport::fromEnvText(text, &secret, &error, &warnings);
    QVERIFY2(p, qPrintable(error));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    QCOMPARE(p->cloud, u"AZUREUSGOVERNMENTCLOUD"_s);
    QCOMPARE(p->subscriptions, QStringList {u"aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"_s});
    QCOMPARE(p->context, u"prod"_s);
    QCOMPARE(p->authMethod, Profile::AuthMethod::AzureCli);
    QVERIFY(secret.isEmpty());
    const Amo::Config::OperatorConfig &o = p->options;
    QCOMPARE(o.kubernetesLabelFormat, u"team.example.com/%s"_s);
    QCOMPARE(o.kubernetesNamespaceIgnore, (QStringList {u"kube-system"_s, u"team-legacy"_s}));
    QVERIFY(o.azureIdentityNamespaced);
    QCOMPARE(o.azureIdentityTemplateNamespace, u"{{ .Tags.namespace }}"_s);
    QCOMPARE(o.azureIdentityTemplateResourceName, u"{{ .Name }}"_s);
    QVERIFY(o.azureIdentityBindingSync);
    QVERIFY(o.azureIdentityExpiry);
    QCOMPARE(o.azureIdentityExpiryAnnotation, u"janitor/ttl"_s);
    QCOMPARE(o.azureIdentityExpiryDuration.toString(), u"48h0m0s"_s);
    QCOMPARE(o.azureIdentityExpiryTimeFormat, u"2006-01-02T15:04:05Z07:00"_s);
}

void TestEnvImport::lineSyntax_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected"); // the label format it sets

    QTest::newRow("plain") << u"KUBERNETES_LABEL_FORMAT=a/%s"_s << u"a/%s"_s;
    QTest::newRow("export") << u"export KUBERNETES_LABEL_FORMAT=a/%s"_s << u"a/%s"_s;
    QTest::newRow("double quotes") << u"KUBERNETES_LABEL_FORMAT=\"a/%s\""_s << u"a/%s"_s;
    QTest::newRow("single quotes") << u"KUBERNETES_LABEL_FORMAT='a/%s'"_s << u"a/%s"_s;
    QTest::newRow("escaped quote") << u"AZUREIDENTITY_TEMPLATE_NAMESPACE=\"{{index .Tags \\\"ns\\\"}}\""_s
                                   << u"{{index .Tags \"ns\"}}"_s;
    QTest::newRow("trailing comment") << u"KUBERNETES_LABEL_FORMAT=a/%s # team label"_s << u"a/%s"_s;
    QTest::newRow("hash inside quotes") << u"AZUREIDENTITY_TEMPLATE_NAMESPACE=\"ns #x\""_s << u"ns #x"_s;
    QTest::newRow("spaces around") << u"   KUBERNETES_LABEL_FORMAT = a/%s   "_s << u"a/%s"_s;
    QTest::newRow("empty value") << u"KUBERNETES_LABEL_FORMAT="_s << QString();
    QTest::newRow("crlf") << u"# c\r\nKUBERNETES_LABEL_FORMAT=a/%s\r\n"_s << u"a/%s"_s;
}

void TestEnvImport::lineSyntax()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    QString error;
    const std::optional<Profile> p = EnvImport::fromEnvText(line, nullptr, &error);
    QVERIFY2(p, qPrintable(error));
    if (line.startsWith(u"AZUREIDENTITY_TEMPLATE_NAMESPACE"))
        QCOMPARE(p->options.azureIdentityTemplateNamespace, expected);
    else
        QCOMPARE(p->options.kubernetesLabelFormat, expected);
}

void TestEnvImport::authMethod_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("method");
    QTest::addColumn<QString>("secret");

    const QString ids = u"AZURE_TENANT_ID=11111111-2222-3333-4444-555555555555\n"
                        "AZURE_CLIENT_ID=66666666-7777-8888-9999-000000000000\n"_s;
    QTest::newRow("none") << QString() << int(Profile::AuthMethod::AzureCli) << QString();
    QTest::newRow("secret") << ids + u"AZURE_CLIENT_SECRET='p#w d'"_s << int(Profile::AuthMethod::ClientSecret)
                            << u"p#w d"_s;
    QTest::newRow("certificate") << ids + u"AZURE_CLIENT_CERTIFICATE_PATH=/c.pem\nAZURE_CLIENT_CERTIFICATE_PASSWORD=x"_s
                                 << int(Profile::AuthMethod::ClientCertificate) << u"x"_s;
    QTest::newRow("legacy certificate names") << ids + u"AZURE_CERTIFICATE_PATH=/c.pem\nAZURE_CERTIFICATE_PASSWORD=y"_s
                                              << int(Profile::AuthMethod::ClientCertificate) << u"y"_s;
    QTest::newRow("client id only") << u"AZURE_CLIENT_ID=66666666-7777-8888-9999-000000000000"_s
                                    << int(Profile::AuthMethod::ManagedIdentity) << QString();
}

void TestEnvImport::authMethod()
{
    QFETCH(QString, text);
    QFETCH(int, method);
    QFETCH(QString, secret);
    QString gotSecret;
    QString error;
    const std::optional<Profile> p = EnvImport::fromEnvText(text, &gotSecret, &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(int(p->authMethod), method);
    QCOMPARE(gotSecret, secret);
}

void TestEnvImport::badValueNamesVariable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named");

    QTest::newRow("bad bool") << u"AZUREIDENTITY_EXPIRY=maybe"_s << u"AZUREIDENTITY_EXPIRY"_s;
    QTest::newRow("bad duration") << u"AZUREIDENTITY_EXPIRY_DURATION=3 days"_s << u"AZUREIDENTITY_EXPIRY_DURATION"_s;
    QTest::newRow("bad cloud") << u"AZURE_ENVIRONMENT=MARS"_s << u"AZURE_ENVIRONMENT"_s;
    QTest::newRow("bad subscription") << u"AZURE_SUBSCRIPTION_ID=nope"_s << u"AZURE_SUBSCRIPTION_ID"_s;
    QTest::newRow("bad template") << u"AZUREIDENTITY_TEMPLATE_RESOURCENAME={{ .Name "_s
                                  << u"AZUREIDENTITY_TEMPLATE_RESOURCENAME"_s;
    QTest::newRow("bad namespace") << u"KUBERNETES_NAMESPACE_IGNORE=UPPER_case!"_s << u"KUBERNETES_NAMESPACE_IGNORE"_s;
    QTest::newRow("agent-only bad value") << u"SYNC_INTERVAL=soon"_s << u"SYNC_INTERVAL"_s;
    QTest::newRow("unclosed quote") << u"\nKUBERNETES_LABEL_FORMAT=\"a/%s"_s << u"Line 2 (KUBERNETES_LABEL_FORMAT)"_s;
    QTest::newRow("not an assignment") << u"just words"_s << u"Line 1"_s;
}

void TestEnvImport::badValueNamesVariable()
{
    QFETCH(QString, text);
    QFETCH(QString, named);
    QString error;
    QVERIFY(!EnvImport::fromEnvText(text, nullptr, &error));
    QVERIFY2(error.contains(named), qPrintable(error));
}

void TestEnvImport::unknownAndAgentOnlyKeysWarn()
{
    QString error;
    QStringList warnings;
    const std::optional<Profile> p
        = EnvImport::fromEnvText(u"FOO=bar\nSYNC_INTERVAL=5m\nAZURE_CLIENT_SECRET=s\n"_s, nullptr, &error, &warnings);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(warnings.size(), 2);
    QVERIFY(warnings.at(0).contains(u"FOO"_s));
    QVERIFY(warnings.at(1).contains(u"SYNC_INTERVAL"_s));
    for (const QString &w : std::as_const(warnings))
        QVERIFY2(!w.contains(u"AZURE_CLIENT_SECRET"_s), "a credential variable is not unknown");
}

void TestEnvImport::defaultsWhenAbsent()
{
    QString error;
    const std::optional<Profile> p = EnvImport::fromEnvText(u"# nothing\n\n"_s, nullptr, &error);
    QVERIFY(p);
    QCOMPARE(p->options, Amo::Config::OperatorConfig());
    QCOMPARE(p->cloud, u"AZUREPUBLICCLOUD"_s);
}

void TestEnvImport::fromFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"operator.env"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("AZUREIDENTITY_EXPIRY=true\n");
    file.close();
    QString error;
    const std::optional<Profile> p = EnvImport::fromEnvFile(path, nullptr, &error);
    QVERIFY2(p, qPrintable(error));
    QVERIFY(p->options.azureIdentityExpiry);
    QVERIFY(!EnvImport::fromEnvFile(dir.filePath(u"missing.env"_s), nullptr, &error));
    QVERIFY(error.contains(u"missing.env"_s));
}

QTEST_GUILESS_MAIN(TestEnvImport)
#include "tst_envimport.moc"
