// SPDX-License-Identifier: MIT
#pragma once

#include "gui/connect/profile.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace Amo::Gui {

class SecretStore;

/**
 * Edits one profile: connection, sign-in, cluster and plan options. The secret is shown as a
 * password field and, when a SecretStore is set, written to the keychain on accept (removed when
 * the sign-in method takes none); it never reaches QSettings. Saving the profile itself is the
 * caller's job (ProfileStore::save(dialog.profile())). Every input has an objectName for tests.
 */
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ProfileDialog(QWidget *parent = nullptr);

    /** Fills the form. With a SecretStore and an empty @p secret, the stored secret is read in. */
    void setProfile(const Profile &profile, const QString &secret = {});
    /** The form as a profile; plan options that do not parse keep their previous values. */
    Profile profile() const;
    /** The client secret or certificate password of the chosen method; empty for the others. */
    QString secret() const;
    void setSecretStore(SecretStore *store);

    /** Fills the form from the agent's env text, as the "Import from env…" button does; false on error. */
    bool importEnvText(const QString &text);
    /** The message shown under the form: a validation error, or import warnings. */
    QString message() const;

    void accept() override;

private:
    QWidget *buildConnectionPage();
    QWidget *buildClusterPage();
    QWidget *buildOptionsPage();
    void updateFieldStates();
    void refreshContexts();
    void chooseFile(QLineEdit *edit, const QString &title, const QString &filter);
    void showImportDialog();
    void showMessage(const QString &text, bool isError);
    /** The plan options in the form, parsed by the agent's OptionParser; *error names the option. */
    Config::OperatorConfig formOptions(QString *error) const;
    void onSecretRead(const QString &profile, const QString &secret, const QString &error);

    Profile m_original;
    QPointer<SecretStore> m_secrets;

    QLineEdit *m_name = nullptr;
    QComboBox *m_cloud = nullptr;
    QLineEdit *m_environmentFile = nullptr;
    QPushButton *m_environmentFileButton = nullptr;
    QLineEdit *m_tenant = nullptr;
    QComboBox *m_authMethod = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_secret = nullptr;
    QLineEdit *m_certificatePath = nullptr;
    QPushButton *m_certificateButton = nullptr;
    QLineEdit *m_certificatePassword = nullptr;
    QRadioButton *m_allSubscriptions = nullptr;
    QRadioButton *m_listedSubscriptions = nullptr;
    QPlainTextEdit *m_subscriptions = nullptr;
    QLineEdit *m_kubeconfig = nullptr;
    QComboBox *m_context = nullptr;
    QLabel *m_contextHint = nullptr;
    QCheckBox *m_readOnly = nullptr;
    QLineEdit *m_templateNamespace = nullptr;
    QLineEdit *m_templateResourceName = nullptr;
    QLineEdit *m_namespaceIgnore = nullptr;
    QLineEdit *m_labelFormat = nullptr;
    QCheckBox *m_namespaced = nullptr;
    QCheckBox *m_bindingSync = nullptr;
    QCheckBox *m_expiry = nullptr;
    QLineEdit *m_expiryAnnotation = nullptr;
    QLineEdit *m_expiryDuration = nullptr;
    QLineEdit *m_expiryTimeFormat = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Amo::Gui
