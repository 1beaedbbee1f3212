// SPDX-License-Identifier: MIT
// The three pages of ProfileDialog: only layout and widgets, the logic is in profiledialog.cpp.
#include "gui/connect/profiledialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

namespace {

QLineEdit *lineEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    return edit;
}

// A line edit with a "Browse…" button beside it.
QWidget *withBrowse(QLineEdit *edit, QPushButton *button)
{
    auto *row = new QWidget(edit->parentWidget());
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    edit->setParent(row);
    button->setParent(row);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

} // namespace

QWidget *ProfileDialog::buildConnectionPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);

    m_name = lineEdit(page, u"nameEdit"_s);
    form->addRow(tr("&Name:"), m_name);

    m_cloud = new QComboBox(page);
    m_cloud->setObjectName(u"cloudCombo"_s);
    m_cloud->addItem(tr("Azure public cloud"), u"AZUREPUBLICCLOUD"_s);
    m_cloud->addItem(tr("Azure China"), u"AZURECHINACLOUD"_s);
    m_cloud->addItem(tr("Azure US Government"), u"AZUREUSGOVERNMENTCLOUD"_s);
    m_cloud->addItem(tr("Azure Stack"), u"AZURESTACKCLOUD"_s);
    form->addRow(tr("&Cloud:"), m_cloud);

    m_environmentFile = lineEdit(page, u"environmentFileEdit"_s);
    m_environmentFile->setPlaceholderText(tr("JSON file with the Azure Stack endpoints"));
    m_environmentFileButton = new QPushButton(tr("Browse…"), page);
    m_environmentFileButton->setObjectName(u"environmentFileButton"_s);
    form->addRow(tr("&Environment file:"), withBrowse(m_environmentFile, m_environmentFileButton));

    m_tenant = lineEdit(page, u"tenantEdit"_s);
    m_tenant->setPlaceholderText(u"00000000-0000-0000-0000-000000000000"_s);
    form->addRow(tr("&Tenant ID:"), m_tenant);

    m_authMethod = new QComboBox(page);
    m_authMethod->setObjectName(u"authMethodCombo"_s);
    m_authMethod->addItem(tr("Azure CLI (az login)"), int(Profile::AuthMethod::AzureCli));
    m_authMethod->addItem(tr("Client secret"), int(Profile::AuthMethod::ClientSecret));
    m_authMethod->addItem(tr("Client certificate"), int(Profile::AuthMethod::ClientCertificate));
    m_authMethod->addItem(tr("Managed identity"), int(Profile::AuthMethod::ManagedIdentity));
    form->addRow(tr("&Sign in with:"), m_authMethod);

    m_clientId = lineEdit(page, u"clientIdEdit"_s);
    form->addRow(tr("C&lient ID:"), m_clientId);

    m_secret = lineEdit(page, u"secretEdit"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("Stored in the system keychain"));
    form->addRow(tr("Client s&ecret:"), m_secret);

    m_certificatePath = lineEdit(page, u"certificatePathEdit"_s);
    m_certificateButton = new QPushButton(tr("Browse…"), page);
    m_certificateButton->setObjectName(u"certificateButton"_s);
    form->addRow(tr("Ce&rtificate:"), withBrowse(m_certificatePath, m_certificateButton));

    m_certificatePassword = lineEdit(page, u"certificatePasswordEdit"_s);
    m_certificatePassword->setEchoMode(QLineEdit::Password);
    m_certificatePassword->setPlaceholderText(tr("Optional; stored in the system keychain"));
    form->addRow(tr("Certificate &password:"), m_certificatePassword);

    m_allSubscriptions = new QRadioButton(tr("&All subscriptions the sign-in can see"), page);
    m_allSubscriptions->setObjectName(u"allSubscriptionsRadio"_s);
    m_listedSubscriptions = new QRadioButton(tr("&Only these (one ID per line):"), page);
    m_listedSubscriptions->setObjectName(u"listedSubscriptionsRadio"_s);
    m_subscriptions = new QPlainTextEdit(page);
    m_subscriptions->setObjectName(u"subscriptionsEdit"_s);
    m_subscriptions->setTabChangesFocus(true);
    m_subscriptions->setMaximumHeight(m_subscriptions->fontMetrics().lineSpacing() * 5);
    auto *subscriptions = new QVBoxLayout;
    subscriptions->addWidget(m_allSubscriptions);
    subscriptions->addWidget(m_listedSubscriptions);
    subscriptions->addWidget(m_subscriptions);
    form->addRow(tr("Subscriptions:"), subscriptions);
    return page;
}

QWidget *ProfileDialog::buildClusterPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);

    m_kubeconfig = lineEdit(page, u"kubeconfigEdit"_s);
    m_kubeconfig->setPlaceholderText(tr("Default: $KUBECONFIG, else ~/.kube/config"));
    auto *browse = new QPushButton(tr("Browse…"), page);
    browse->setObjectName(u"kubeconfigButton"_s);
    connect(browse, &QPushButton::clicked, this,
            [this] { chooseFile(m_kubeconfig, tr("Choose Kubeconfig"), tr("All files (*)")); });
    form->addRow(tr("&Kubeconfig:"), withBrowse(m_kubeconfig, browse));

    m_context = new QComboBox(page);
    m_context->setObjectName(u"contextCombo"_s);
    m_context->setEditable(true);
    m_context->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *reload = new QToolButton(page);
    reload->setObjectName(u"reloadContextsButton"_s);
    reload->setText(tr("Reload"));
    connect(reload, &QToolButton::clicked, this, &ProfileDialog::refreshContexts);
    auto *contextRow = new QHBoxLayout;
    contextRow->addWidget(m_context, 1);
    contextRow->addWidget(reload);
    auto *contextLabel = new QLabel(tr("C&ontext:"), page);
    contextLabel->setBuddy(m_context); // a row of widgets gets no buddy by itself
    form->addRow(contextLabel, contextRow);

    m_contextHint = new QLabel(page);
    m_contextHint->setObjectName(u"contextHint"_s);
    m_contextHint->setWordWrap(true);
    form->addRow(QString(), m_contextHint);
    m_readOnly = new QCheckBox(tr("Rea&d only: show the plan, never offer Approve && Sync"), page);
    m_readOnly->setObjectName(u"readOnlyCheck"_s);
    m_readOnly->setToolTip(tr("Hides every write action for this profile, like k9s's readOnly"));
    form->addRow(QString(), m_readOnly);
    return page;
}

QWidget *ProfileDialog::buildOptionsPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);

    m_templateNamespace = lineEdit(page, u"templateNamespaceEdit"_s);
    form->addRow(tr("Namespace &template:"), m_templateNamespace);
    m_templateResourceName = lineEdit(page, u"templateResourceNameEdit"_s);
    form->addRow(tr("&Resource name template:"), m_templateResourceName);
    m_namespaceIgnore = lineEdit(page, u"namespaceIgnoreEdit"_s);
    m_namespaceIgnore->setToolTip(tr("Namespaces separated by spaces"));
    form->addRow(tr("&Ignored namespaces:"), m_namespaceIgnore);
    m_labelFormat = lineEdit(page, u"labelFormatEdit"_s);
    m_labelFormat->setToolTip(tr("A printf format with one %s; empty sets no label"));
    form->addRow(tr("&Label format:"), m_labelFormat);

    m_namespaced = new QCheckBox(tr("&Namespaced AzureIdentities (Behavior=namespaced)"), page);
    m_namespaced->setObjectName(u"namespacedCheck"_s);
    form->addRow(QString(), m_namespaced);
    m_bindingSync = new QCheckBox(tr("Re-point labelled AzureIdentity&Bindings"), page);
    m_bindingSync->setObjectName(u"bindingSyncCheck"_s);
    form->addRow(QString(), m_bindingSync);

    m_expiry = new QCheckBox(tr("Set an e&xpiry date (for kube-janitor)"), page);
    m_expiry->setObjectName(u"expiryCheck"_s);
    form->addRow(QString(), m_expiry);
    m_expiryAnnotation = lineEdit(page, u"expiryAnnotationEdit"_s);
    form->addRow(tr("Expiry &annotation:"), m_expiryAnnotation);
    m_expiryDuration = lineEdit(page, u"expiryDurationEdit"_s);
    m_expiryDuration->setToolTip(tr("A Go duration, e.g. 2190h"));
    form->addRow(tr("Expiry &duration:"), m_expiryDuration);
    m_expiryTimeFormat = lineEdit(page, u"expiryTimeFormatEdit"_s);
    m_expiryTimeFormat->setToolTip(tr("A Go time layout, e.g. 2006-01-02"));
    form->addRow(tr("Expiry time &format:"), m_expiryTimeFormat);
    return page;
}

} // namespace Amo::Gui
