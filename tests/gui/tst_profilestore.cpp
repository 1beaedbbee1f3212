// SPDX-License-Identifier: MIT
#include "gui/connect/envimport.h"
#include "gui/connect/profilestore.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Gui::Profile;
using Amo::Gui::ProfileStore;

class TestProfileStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripWithoutSecret();
    void defaultsForMissingOptions();
    void listRemoveAndLastUsed();
    void unknownProfile();

private:
    QTemporaryDir m_dir;
};

void TestProfileStore::roundTripWithoutSecret()
{
    const QString secretText = u"Very-Secret-Value-42"_s;
    const QString env = u"AZURE_TENANT_ID=11111111-2222-3333-4444-555555555555\n"
                        "AZURE_CLIENT_ID=66666666-7777-8888-9999-000000000000\n"
                        "AZURE_CLIENT_SECRET="_s
        + secretText
        + u"\n"
          "AZURE_SUBSCRIPTION_ID=aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb\n"
          "AZUREIDENTITY_EXPIRY=true\nAZUREIDENTITY_EXPIRY_DURATION=720h\nKUBERNETES_LABEL_FORMAT=\n"
          "KUBERNETES_NAMESPACE_IGNORE=kube-system team-x\nAZUREIDENTITY_NAMESPACED=true\n"_s;
    QString secret;
    QString error;
    std::optional<Profile> imported = Amo::Gui::EnvImport::fromEnvText(env, &secret, &error);
    QVERIFY2(imported, qPrintable(error));
    QCOMPARE(secret, secretText);
    imported->name = u"Prod West"_s;
    imported->kubeconfig = u"/home/u/.kube/prod"_s;
    imported->context = u"prod"_s;

    const QString path = m_dir.filePath(u"roundtrip.ini"_s);
    {
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(&settings);
        store.save(*imported);
    }
    QSettings settings(path, QSettings::IniFormat);
    ProfileStore store(&settings);
    const std::optional<Profile> loaded = store.load(u"Prod West"_s);
    QVERIFY(loaded);
    QCOMPARE(loaded->authMethod, Profile::AuthMethod::ClientSecret);
    QCOMPARE(loaded->subscriptions.size(), 2);
    QVERIFY(loaded->options.azureIdentityExpiry);
    QCOMPARE(loaded->options.azureIdentityExpiryDuration.toString(), u"720h0m0s"_s);
    QVERIFY(loaded->options.kubernetesLabelFormat.isEmpty());
    QCOMPARE(*loaded, *imported);

    QFile ini(path);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray contents = ini.readAll();
    QVERIFY(contents.contains("66666666-7777-8888-9999-000000000000"));
    QVERIFY2(!contents.contains(secretText.toUtf8()), "the secret reached the settings file");
}

void TestProfileStore::defaultsForMissingOptions()
{
    const QString path = m_dir.filePath(u"defaults.ini"_s);
    {
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(u"profiles/old/cloud"_s, u"AZURECHINACLOUD"_s);
        settings.setValue(u"profiles/old/options/AZUREIDENTITY_BINDING_SYNC"_s, u"true"_s);
    }
    QSettings settings(path, QSettings::IniFormat);
    const std::optional<Profile> loaded = ProfileStore(&settings).load(u"old"_s);
    QVERIFY(loaded);
    QCOMPARE(loaded->cloud, u"AZURECHINACLOUD"_s);
    QVERIFY(loaded->options.azureIdentityBindingSync);
    QCOMPARE(loaded->options.kubernetesNamespaceIgnore, Amo::Config::OperatorConfig().kubernetesNamespaceIgnore);
    QCOMPARE(loaded->authMethod, Profile::AuthMethod::AzureCli);
}

void TestProfileStore::listRemoveAndLastUsed()
{
    QSettings settings(m_dir.filePath(u"list.ini"_s), QSettings::IniFormat);
    ProfileStore store(&settings);
    QVERIFY(store.profileNames().isEmpty());
    Profile a;
    a.name = u"beta"_s;
    Profile b;
    b.name = u"Alpha"_s;
    store.save(a);
    store.save(b);
    QCOMPARE(store.profileNames(), (QStringList {u"Alpha"_s, u"beta"_s}));
    store.setLastUsed(u"beta"_s);
    QCOMPARE(store.lastUsed(), u"beta"_s);
    store.remove(u"beta"_s);
    QCOMPARE(store.profileNames(), QStringList {u"Alpha"_s});
    store.remove(QString()); // must not wipe everything
    QCOMPARE(store.profileNames(), QStringList {u"Alpha"_s});
}

void TestProfileStore::unknownProfile()
{
    QSettings settings(m_dir.filePath(u"unknown.ini"_s), QSettings::IniFormat);
    QCOMPARE(ProfileStore(&settings).load(u"nope"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
