// SPDX-License-Identifier: MIT
#include "gui/connect/profiledialog.h"

#include "gui/connect/envimport.h"
#include "gui/connect/envimportdialog.h"
#include "gui/connect/kubecontexts.h"
#include "gui/connect/planoptions.h"
#include "gui/connect/secretstore.h"

#include "shared/config/optionparser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

ProfileDialog::ProfileDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"profileDialog"_s);
    setWindowTitle(tr("Connection Profile"));

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(u"profileTabs"_s);
    tabs->addTab(buildConnectionPage(), tr("Azure"));
    tabs->addTab(buildClusterPage(), tr("Cluster"));
    tabs->addTab(buildOptionsPage(), tr("Plan Options"));

    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(u"buttonBox"_s);
    QPushButton *import = m_buttons->addButton(tr("Import from Env…"), QDialogButtonBox::ActionRole);
    import->setObjectName(u"importEnvButton"_s);
    connect(import, &QPushButton::clicked, this, &ProfileDialog::showImportDialog);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_cloud, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateFieldStates);
    connect(m_authMethod, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateFieldStates);
    connect(m_listedSubscriptions, &QRadioButton::toggled, this, &ProfileDialog::updateFieldStates);
    connect(m_expiry, &QCheckBox::toggled, this, &ProfileDialog::updateFieldStates);
    connect(m_kubeconfig, &QLineEdit::editingFinished, this, &ProfileDialog::refreshContexts);
    connect(m_environmentFileButton, &QPushButton::clicked, this, [this] {
        chooseFile(m_environmentFile, tr("Choose Azure Stack Environment File"),
                   tr("JSON files (*.json);;All files (*)"));
    });
    connect(m_certificateButton, &QPushButton::clicked, this, [this] {
        chooseFile(m_certificatePath, tr("Choose Client Certificate"),
                   tr("Certificates (*.pem *.pfx *.p12);;All files (*)"));
    });

    setProfile(Profile());
}

void ProfileDialog::setProfile(const Profile &profile, const QString &secret)
{
    m_original = profile;
    m_name->setText(profile.name);
    m_cloud->setCurrentIndex(qMax(0, m_cloud->findData(profile.cloud)));
    m_environmentFile->setText(profile.environmentFile);
    m_tenant->setText(profile.tenantId);
    m_authMethod->setCurrentIndex(qMax(0, m_authMethod->findData(int(profile.authMethod))));
    m_clientId->setText(profile.clientId);
    m_secret->setText(profile.authMethod == Profile::AuthMethod::ClientSecret ? secret : QString());
    m_certificatePath->setText(profile.certificatePath);
    m_certificatePassword->setText(profile.authMethod == Profile::AuthMethod::ClientCertificate ? secret : QString());
    m_allSubscriptions->setChecked(profile.subscriptions.isEmpty());
    m_listedSubscriptions->setChecked(!profile.subscriptions.isEmpty());
    m_subscriptions->setPlainText(profile.subscriptions.join(u'\n'));
    m_kubeconfig->setText(profile.kubeconfig);
    refreshContexts();
    m_context->setCurrentText(profile.context);
    m_readOnly->setChecked(profile.readOnly);

    const Config::OperatorConfig &o = profile.options;
    m_templateNamespace->setText(o.azureIdentityTemplateNamespace);
    m_templateResourceName->setText(o.azureIdentityTemplateResourceName);
    m_namespaceIgnore->setText(o.kubernetesNamespaceIgnore.join(u' '));
    m_labelFormat->setText(o.kubernetesLabelFormat);
    m_namespaced->setChecked(o.azureIdentityNamespaced);
    m_bindingSync->setChecked(o.azureIdentityBindingSync);
    m_expiry->setChecked(o.azureIdentityExpiry);
    m_expiryAnnotation->setText(o.azureIdentityExpiryAnnotation);
    m_expiryDuration->setText(o.azureIdentityExpiryDuration.toString());
    m_expiryTimeFormat->setText(o.azureIdentityExpiryTimeFormat);

    showMessage({}, false);
    updateFieldStates();
    if (m_secrets && secret.isEmpty() && Profile::usesSecret(profile.authMethod) && !profile.name.isEmpty())
        m_secrets->read(profile.name);
}

Config::OperatorConfig ProfileDialog::formOptions(QString *error) const
{
    // The form speaks the agent's env text, so the agent's parser judges it.
    QHash<QString, QString> env = PlanOptions::toEnv(m_original.options);
    env.insert(u"AZUREIDENTITY_TEMPLATE_NAMESPACE"_s, m_templateNamespace->text());
    env.insert(u"AZUREIDENTITY_TEMPLATE_RESOURCENAME"_s, m_templateResourceName->text());
    env.insert(u"KUBERNETES_NAMESPACE_IGNORE"_s, m_namespaceIgnore->text().simplified());
    env.insert(u"KUBERNETES_LABEL_FORMAT"_s, m_labelFormat->text());
    env.insert(u"AZUREIDENTITY_NAMESPACED"_s, m_namespaced->isChecked() ? u"true"_s : u"false"_s);
    env.insert(u"AZUREIDENTITY_BINDING_SYNC"_s, m_bindingSync->isChecked() ? u"true"_s : u"false"_s);
    env.insert(u"AZUREIDENTITY_EXPIRY"_s, m_expiry->isChecked() ? u"true"_s : u"false"_s);
    env.insert(u"AZUREIDENTITY_EXPIRY_ANNOTATION"_s, m_expiryAnnotation->text().trimmed());
    env.insert(u"AZUREIDENTITY_EXPIRY_DURATION"_s, m_expiryDuration->text().trimmed());
    env.insert(u"AZUREIDENTITY_EXPIRY_TIMEFORMAT"_s, m_expiryTimeFormat->text());
    const Config::ParseResult parsed = Config::OptionParser().parse({}, env);
    if (error)
        *error = parsed.error;
    Config::OperatorConfig options = m_original.options;
    if (parsed.ok())
        PlanOptions::copy(parsed.config, &options);
    return options;
}

Profile ProfileDialog::profile() const
{
    Profile p = m_original;
    p.name = m_name->text().trimmed();
    p.cloud = m_cloud->currentData().toString();
    p.environmentFile = p.cloud == u"AZURESTACKCLOUD" ? m_environmentFile->text().trimmed() : QString();
    p.tenantId = m_tenant->text().trimmed();
    p.authMethod = Profile::AuthMethod(m_authMethod->currentData().toInt());
    const bool withClient = p.authMethod != Profile::AuthMethod::AzureCli;
    p.clientId = withClient ? m_clientId->text().trimmed() : QString();
    p.certificatePath
        = p.authMethod == Profile::AuthMethod::ClientCertificate ? m_certificatePath->text().trimmed() : QString();
    p.subscriptions.clear();
    if (m_listedSubscriptions->isChecked()) {
        static const QRegularExpression separators(u"[\\s,;]+"_s);
        p.subscriptions = m_subscriptions->toPlainText().split(separators, Qt::SkipEmptyParts);
    }
    p.kubeconfig = m_kubeconfig->text().trimmed();
    p.context = m_context->currentText().trimmed();
    p.readOnly = m_readOnly->isChecked();
    p.options = formOptions(nullptr);
    return p;
}

QString ProfileDialog::secret() const
{
    switch (Profile::AuthMethod(m_authMethod->currentData().toInt())) {
    case Profile::AuthMethod::ClientSecret:
        return m_secret->text();
    case Profile::AuthMethod::ClientCertificate:
        return m_certificatePassword->text();
    case Profile::AuthMethod::AzureCli:
    case Profile::AuthMethod::ManagedIdentity:
        break;
    }
    return {};
}

void ProfileDialog::setSecretStore(SecretStore *store)
{
    if (m_secrets)
        disconnect(m_secrets, nullptr, this, nullptr);
    m_secrets = store;
    if (m_secrets)
        connect(m_secrets, &SecretStore::secretRead, this, &ProfileDialog::onSecretRead);
}

void ProfileDialog::onSecretRead(const QString &profile, const QString &secret, const QString &error)
{
    if (profile != m_original.name)
        return;
    if (!error.isEmpty()) {
        showMessage(tr("The secret could not be read from the keychain: %1").arg(error), true);
        return;
    }
    // Keep what the user typed meanwhile.
    QLineEdit *field
        = m_original.authMethod == Profile::AuthMethod::ClientCertificate ? m_certificatePassword : m_secret;
    if (field->text().isEmpty())
        field->setText(secret);
}

bool ProfileDialog::importEnvText(const QString &text)
{
    QString secret;
    QString error;
    QStringList warnings;
    std::optional<Profile> imported = EnvImport::fromEnvText(text, &secret, &error, &warnings);
    if (!imported) {
        showMessage(tr("Import failed: %1").arg(error), true);
        return false;
    }
    imported->name = m_name->text().trimmed();
    imported->demo = false;
    setProfile(*imported, secret);
    if (!warnings.isEmpty())
        showMessage(warnings.join(u'\n'), false);
    return true;
}

QString ProfileDialog::message() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

void ProfileDialog::accept()
{
    QString optionError;
    formOptions(&optionError);
    const Profile p = profile();
    QString error = optionError.isEmpty() ? p.validate() : tr("Plan options: %1").arg(optionError);
    if (error.isEmpty() && p.authMethod == Profile::AuthMethod::ClientSecret && secret().isEmpty())
        error = tr("Client secret: enter the secret of the app registration.");
    if (!error.isEmpty()) {
        showMessage(error, true);
        return;
    }
    if (m_secrets && Profile::usesSecret(p.authMethod) && !secret().isEmpty()) {
        // a secret the keychain refused must fail here, not be missed at the next start
        const QString name = p.name;
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_secrets, &SecretStore::secretWritten, this,
                              [this, name, connection](const QString &written, const QString &writeError) {
                                  if (written != name)
                                      return;
                                  disconnect(*connection);
                                  setEnabled(true);
                                  if (!writeError.isEmpty()) {
                                      showMessage(tr("The secret could not be stored in the keychain, so the "
                                                     "profile was not saved: %1")
                                                      .arg(writeError),
                                                  true);
                                      return;
                                  }
                                  QDialog::accept();
                              });
        setEnabled(false);
        m_secrets->write(name, secret());
        return;
    }
    if (m_secrets)
        m_secrets->remove(p.name);
    QDialog::accept();
}

void ProfileDialog::updateFieldStates()
{
    const bool demo = m_original.demo;
    const auto method = Profile::AuthMethod(m_authMethod->currentData().toInt());
    const bool stack = m_cloud->currentData().toString() == u"AZURESTACKCLOUD";
    const bool app = method == Profile::AuthMethod::ClientSecret || method == Profile::AuthMethod::ClientCertificate;
    const bool certificate = method == Profile::AuthMethod::ClientCertificate;
    const bool expiry = m_expiry->isChecked();

    // The demo profile talks to the embedded simulator: only its plan options mean anything.
    for (QWidget *w :
         {static_cast<QWidget *>(m_cloud), static_cast<QWidget *>(m_tenant), static_cast<QWidget *>(m_authMethod),
          static_cast<QWidget *>(m_allSubscriptions), static_cast<QWidget *>(m_listedSubscriptions),
          static_cast<QWidget *>(m_kubeconfig), static_cast<QWidget *>(m_context)})
        w->setEnabled(!demo);
    m_name->setReadOnly(demo);
    m_environmentFile->setEnabled(!demo && stack);
    m_environmentFileButton->setEnabled(!demo && stack);
    m_clientId->setEnabled(!demo && method != Profile::AuthMethod::AzureCli);
    m_clientId->setPlaceholderText(
        method == Profile::AuthMethod::ManagedIdentity ? tr("Empty for the system-assigned identity") : QString());
    m_tenant->setPlaceholderText(app ? u"00000000-0000-0000-0000-000000000000"_s : tr("Optional"));
    m_secret->setEnabled(!demo && method == Profile::AuthMethod::ClientSecret);
    m_certificatePath->setEnabled(!demo && certificate);
    m_certificateButton->setEnabled(!demo && certificate);
    m_certificatePassword->setEnabled(!demo && certificate);
    m_subscriptions->setEnabled(!demo && m_listedSubscriptions->isChecked());
    m_expiryAnnotation->setEnabled(expiry);
    m_expiryDuration->setEnabled(expiry);
    m_expiryTimeFormat->setEnabled(expiry);
}

void ProfileDialog::refreshContexts()
{
    const QString chosen = m_context->currentText();
    const KubeContexts contexts = KubeContexts::list(m_kubeconfig->text().trimmed());
    m_context->clear();
    m_context->addItem(QString()); // empty: the kubeconfig's current-context
    m_context->addItems(contexts.names);
    m_context->setCurrentText(chosen);
    if (m_original.demo)
        m_contextHint->setText(tr("The Demo profile reads the embedded simulator, not a kubeconfig, Azure CLI or "
                                  "any cloud: only its plan options can be changed."));
    else if (!contexts.error.isEmpty())
        m_contextHint->setText(tr("Cannot read the kubeconfig: %1").arg(contexts.error));
    else if (contexts.files.isEmpty())
        m_contextHint->setText(tr("No kubeconfig found in %1.")
                                   .arg(KubeContexts::candidateFiles(m_kubeconfig->text().trimmed()).join(u", "_s)));
    else if (contexts.current.isEmpty())
        m_contextHint->setText(tr("Leave empty to use the current context; none is set."));
    else
        m_contextHint->setText(tr("Leave empty to use the current context (%1).").arg(contexts.current));
}

void ProfileDialog::chooseFile(QLineEdit *edit, const QString &title, const QString &filter)
{
    const QString path = QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (path.isEmpty())
        return;
    edit->setText(path);
    if (edit == m_kubeconfig)
        refreshContexts();
}

void ProfileDialog::showImportDialog()
{
    EnvImportDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        importEnvText(dialog.text());
}

void ProfileDialog::showMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setStyleSheet(isError ? u"color: palette(highlighted-text); background: #b3261e; padding: 4px;"_s
                                     : QString());
    m_message->setVisible(!text.isEmpty());
}

} // namespace Amo::Gui
