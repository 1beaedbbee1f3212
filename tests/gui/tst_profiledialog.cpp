// SPDX-License-Identifier: MIT
#include "gui/connect/profiledialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Amo::Gui::Profile;
using Amo::Gui::ProfileDialog;

class TestProfileDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fillsFromProfileAndBack();
    void fieldsFollowAuthMethod();
    void rejectsInvalidInputInline();
    void importFillsForm();
    void listsKubeconfigContexts();
    void demoProfileLocksConnection();

private:
    template<typename T> T *field(ProfileDialog &dialog, const char *name)
    {
        T *w = dialog.findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no widget %s", name);
        return w;
    }

    QTemporaryDir m_dir;
    QString m_kubeconfig;
};

void TestProfileDialog::initTestCase()
{
    m_kubeconfig = m_dir.filePath(u"config"_s);
    QFile file(m_kubeconfig);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: v1\nkind: Config\ncurrent-context: dev\n"
               "clusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:6443\n"
               "users:\n- name: u\n  user:\n    token: t\n"
               "contexts:\n- name: dev\n  context:\n    cluster: c\n    user: u\n"
               "- name: prod\n  context:\n    cluster: c\n    user: u\n");
}

void TestProfileDialog::fillsFromProfileAndBack()
{
    Profile p;
    p.name = u"Prod"_s;
    p.cloud = u"AZURECHINACLOUD"_s;
    p.tenantId = u"11111111-2222-3333-4444-555555555555"_s;
    p.clientId = u"66666666-7777-8888-9999-000000000000"_s;
    p.authMethod = Profile::AuthMethod::ClientSecret;
    p.subscriptions = {u"aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"_s, u"bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb"_s};
    p.kubeconfig = m_kubeconfig;
    p.context = u"prod"_s;
    p.options.azureIdentityExpiry = true;
    p.options.azureIdentityExpiryDuration = Amo::Config::GoDuration::fromHours(24);
    p.options.kubernetesNamespaceIgnore = {u"kube-system"_s, u"legacy"_s};
    p.options.azureIdentityNamespaced = true;
    p.options.kubernetesLabelFormat.clear();

    ProfileDialog dialog;
    dialog.setProfile(p, u"s3cret"_s);
    QCOMPARE(field<QLineEdit>(dialog, "nameEdit")->text(), u"Prod"_s);
    QCOMPARE(field<QLineEdit>(dialog, "secretEdit")->echoMode(), QLineEdit::Password);
    QCOMPARE(field<QLineEdit>(dialog, "expiryDurationEdit")->text(), u"24h0m0s"_s);
    QCOMPARE(field<QComboBox>(dialog, "contextCombo")->currentText(), u"prod"_s);
    QCOMPARE(dialog.profile(), p);
    QCOMPARE(dialog.secret(), u"s3cret"_s);

    field<QLineEdit>(dialog, "namespaceIgnoreEdit")->setText(u"a  b"_s);
    field<QCheckBox>(dialog, "bindingSyncCheck")->setChecked(true);
    field<QRadioButton>(dialog, "allSubscriptionsRadio")->setChecked(true);
    const Profile edited = dialog.profile();
    QCOMPARE(edited.options.kubernetesNamespaceIgnore, (QStringList {u"a"_s, u"b"_s}));
    QVERIFY(edited.options.azureIdentityBindingSync);
    QVERIFY(edited.subscriptions.isEmpty());
}

void TestProfileDialog::fieldsFollowAuthMethod()
{
    ProfileDialog dialog;
    auto *method = field<QComboBox>(dialog, "authMethodCombo");
    auto *secret = field<QLineEdit>(dialog, "secretEdit");
    auto *certificate = field<QLineEdit>(dialog, "certificatePathEdit");
    auto *clientId = field<QLineEdit>(dialog, "clientIdEdit");

    method->setCurrentIndex(method->findData(int(Profile::AuthMethod::AzureCli)));
    QVERIFY(!secret->isEnabled() && !certificate->isEnabled() && !clientId->isEnabled());
    method->setCurrentIndex(method->findData(int(Profile::AuthMethod::ClientSecret)));
    QVERIFY(secret->isEnabled() && !certificate->isEnabled() && clientId->isEnabled());
    method->setCurrentIndex(method->findData(int(Profile::AuthMethod::ClientCertificate)));
    QVERIFY(!secret->isEnabled() && certificate->isEnabled());
    QVERIFY(field<QLineEdit>(dialog, "certificatePasswordEdit")->isEnabled());
    method->setCurrentIndex(method->findData(int(Profile::AuthMethod::ManagedIdentity)));
    QVERIFY(!secret->isEnabled() && clientId->isEnabled());

    auto *stackFile = field<QLineEdit>(dialog, "environmentFileEdit");
    QVERIFY(!stackFile->isEnabled());
    auto *cloud = field<QComboBox>(dialog, "cloudCombo");
    cloud->setCurrentIndex(cloud->findData(u"AZURESTACKCLOUD"_s));
    QVERIFY(stackFile->isEnabled());
}

void TestProfileDialog::rejectsInvalidInputInline()
{
    ProfileDialog dialog;
    dialog.show();
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.message().startsWith(u"Name"_s), qPrintable(dialog.message()));

    field<QLineEdit>(dialog, "nameEdit")->setText(u"x"_s);
    field<QCheckBox>(dialog, "expiryCheck")->setChecked(true);
    field<QLineEdit>(dialog, "expiryDurationEdit")->setText(u"soon"_s);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.message().contains(u"AZUREIDENTITY_EXPIRY_DURATION"_s), qPrintable(dialog.message()));

    field<QLineEdit>(dialog, "expiryDurationEdit")->setText(u"12h"_s);
    dialog.accept();
    QVERIFY2(!dialog.isVisible(), qPrintable(dialog.message()));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestProfileDialog::importFillsForm()
{
    ProfileDialog dialog;
    field<QLineEdit>(dialog, "nameEdit")->setText(u"Imported"_s);
    QVERIFY(dialog.importEnvText(u"export AZURE_TENANT_ID=11111111-2222-3333-4444-555555555555\n"
                                 "export AZURE_CLIENT_ID=66666666-7777-8888-9999-000000000000\n"
                                 "export AZURE_CLIENT_SECRET=\"pa ss\"\nAZUREIDENTITY_EXPIRY=true\nFOO=1\n"_s));
    const Profile p = dialog.profile();
    QCOMPARE(p.name, u"Imported"_s);
    QCOMPARE(p.authMethod, Profile::AuthMethod::ClientSecret);
    QVERIFY(p.options.azureIdentityExpiry);
    QCOMPARE(dialog.secret(), u"pa ss"_s);
    QVERIFY(dialog.message().contains(u"FOO"_s));

    QVERIFY(!dialog.importEnvText(u"AZUREIDENTITY_EXPIRY=perhaps"_s));
    QVERIFY(dialog.message().contains(u"AZUREIDENTITY_EXPIRY"_s));
    QCOMPARE(dialog.profile().authMethod, Profile::AuthMethod::ClientSecret); // the form is left alone
}

void TestProfileDialog::listsKubeconfigContexts()
{
    ProfileDialog dialog;
    auto *kubeconfig = field<QLineEdit>(dialog, "kubeconfigEdit");
    kubeconfig->setText(m_kubeconfig);
    Q_EMIT kubeconfig->editingFinished();
    auto *contexts = field<QComboBox>(dialog, "contextCombo");
    QCOMPARE(contexts->count(), 3);
    QCOMPARE(contexts->itemText(1), u"dev"_s);
    QCOMPARE(contexts->itemText(2), u"prod"_s);
    QVERIFY(field<QLabel>(dialog, "contextHint")->text().contains(u"dev"_s));
}

void TestProfileDialog::demoProfileLocksConnection()
{
    ProfileDialog dialog;
    dialog.setProfile(Profile::demoProfile());
    QVERIFY(!field<QComboBox>(dialog, "cloudCombo")->isEnabled());
    QVERIFY(!field<QComboBox>(dialog, "authMethodCombo")->isEnabled());
    QVERIFY(field<QCheckBox>(dialog, "expiryCheck")->isEnabled());
    QVERIFY(dialog.profile().demo);
}

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
