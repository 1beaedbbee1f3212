// SPDX-License-Identifier: MIT
// MainWindow: the profile picker and the New/Edit/Delete profile actions.
#include "gui/connect/profiledialog.h"
#include "gui/connect/profilestore.h"
#include "gui/connect/secretstore.h"
#include "gui/models/dashboardtablemodel.h"
#include "gui/session/dashboardsession.h"
#include "gui/session/profileopener.h"
#include "gui/views/dashboardicons.h"
#include "gui/views/mainwindow.h"
#include "gui/views/userprompt.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QMenu>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

void MainWindow::buildProfileBar(QToolBar *bar)
{
    m_ownedProfiles = std::make_unique<ProfileStore>();
    m_profiles = m_ownedProfiles.get();
    m_secrets = new SecretStore(this);
    m_opener = new ProfileOpener(m_secrets, this);
    connect(m_opener, &ProfileOpener::opened, this, &MainWindow::onProfileOpened);
    connect(m_opener, &ProfileOpener::failed, this, &MainWindow::onProfileFailed);

    auto *label = new QLabel(tr("P&rofile:"), bar);
    label->setContentsMargins(4, 0, 4, 0);
    m_profilePicker = new QComboBox(bar);
    m_profilePicker->setObjectName(u"profilePicker"_s);
    m_profilePicker->setToolTip(tr("The connection profile: which cloud, tenant and cluster to read"));
    m_profilePicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profilePicker->setMinimumContentsLength(12);
    m_profilePicker->setAccessibleName(tr("Connection profile"));
    label->setBuddy(m_profilePicker);
    connect(m_profilePicker, &QComboBox::activated, this,
            [this](int index) { openProfile(m_profilePicker->itemData(index).toString()); });

    m_newProfileAction = new QAction(tr("New profile…"), this);
    m_newProfileAction->setObjectName(u"newProfileAction"_s);
    m_newProfileAction->setToolTip(tr("Create a connection profile, or import one from the agent's env settings"));
    m_editProfileAction = new QAction(tr("Edit profile…"), this);
    m_editProfileAction->setObjectName(u"editProfileAction"_s);
    m_editProfileAction->setToolTip(tr("Change the current profile's connection and plan options"));
    m_deleteProfileAction = new QAction(tr("Delete profile"), this);
    m_deleteProfileAction->setObjectName(u"deleteProfileAction"_s);
    m_deleteProfileAction->setToolTip(tr("Delete the current profile and its secret in the keychain"));
    connect(m_newProfileAction, &QAction::triggered, this, &MainWindow::newProfile);
    connect(m_editProfileAction, &QAction::triggered, this, &MainWindow::editProfile);
    connect(m_deleteProfileAction, &QAction::triggered, this, &MainWindow::deleteProfile);

    auto *menu = new QMenu(this);
    menu->addAction(m_newProfileAction);
    menu->addAction(m_editProfileAction);
    menu->addAction(m_deleteProfileAction);
    auto *button = new QToolButton(bar);
    button->setObjectName(u"profileMenuButton"_s);
    button->setIcon(DashboardIcons::icon(u"user-identity"_s, QStyle::SP_DirIcon));
    button->setToolTip(tr("Manage connection profiles (Ctrl+Shift+M)"));
    button->setAccessibleName(tr("Manage connection profiles"));
    auto *openMenu = new QAction(this);
    openMenu->setObjectName(u"profileMenuAction"_s);
    openMenu->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(openMenu, &QAction::triggered, button, &QToolButton::showMenu);
    addAction(openMenu);
    button->setMenu(menu);
    button->setPopupMode(QToolButton::InstantPopup);

    bar->addWidget(label);
    bar->addWidget(m_profilePicker);
    bar->addWidget(button);
    reloadProfileList();
}

void MainWindow::setProfileStore(ProfileStore *store)
{
    m_ownedProfiles.reset();
    m_profiles = store;
    reloadProfileList();
}

void MainWindow::reloadProfileList()
{
    const QSignalBlocker blocker(m_profilePicker);
    m_profilePicker->clear();
    const QString demo = Profile::demoProfile().name;
    m_profilePicker->addItem(DashboardIcons::icon(u"user-identity"_s, QStyle::SP_DirIcon), demo, demo);
    for (const QString &name : m_profiles->profileNames()) {
        if (name != demo) // a saved Demo only carries the demo's edited plan options
            m_profilePicker->addItem(name, name);
    }
    m_profilePicker->setCurrentIndex(qMax(0, m_profilePicker->findData(m_profileName)));
    m_deleteProfileAction->setEnabled(!m_profileName.isEmpty() && m_profileName != demo);
    m_editProfileAction->setEnabled(!m_profileName.isEmpty());
}

std::optional<Profile> MainWindow::findProfile(const QString &name) const
{
    if (name == Profile::demoProfile().name) {
        const std::optional<Profile> saved = m_profiles->load(name);
        return saved && saved->demo ? saved : Profile::demoProfile();
    }
    return m_profiles->load(name);
}

QString MainWindow::initialProfile() const
{
    const QString last = m_profiles->lastUsed();
    return !last.isEmpty() && findProfile(last) ? last : Profile::demoProfile().name;
}

void MainWindow::openProfile(const QString &name, bool remember)
{
    const std::optional<Profile> profile = findProfile(name);
    if (!profile) {
        onProfileFailed(name, tr("There is no profile of that name."));
        return;
    }
    m_profileName = name;
    m_profileReadOnly = profile->readOnly;
    reloadProfileList();
    updateTitle();
    updateActions();
    if (remember)
        m_profiles->setLastUsed(name);
    setStatus(tr("Opening profile %1…").arg(name));
    m_opener->open(*profile);
}

void MainWindow::onProfileOpened(const QString &name, DashboardSession *session)
{
    if (name != m_profileName) {
        delete session; // the user picked another profile meanwhile
        return;
    }
    setSession(session);
    Q_EMIT profileOpened(name);
    session->refresh();
}

void MainWindow::onProfileFailed(const QString &name, const QString &error)
{
    setStatus(tr("Cannot open the profile %1: %2").arg(name, error));
    Q_EMIT profileFailed(name, error);
    if (!m_screenshot.isEmpty()) {
        qWarning("%s", qPrintable(m_status->text()));
        QCoreApplication::exit(1);
    }
}

void MainWindow::newProfile()
{
    ProfileDialog dialog(this);
    dialog.setSecretStore(m_secrets);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Profile profile = dialog.profile();
    if (m_profiles->profileNames().contains(profile.name)
        && !UserPrompt::confirm(this, tr("New profile"),
                                tr("A profile named %1 exists already. Replace it?").arg(profile.name)))
        return;
    saveProfile(profile, dialog.secret());
}

void MainWindow::editProfile()
{
    const std::optional<Profile> current = findProfile(m_profileName);
    if (!current)
        return;
    ProfileDialog dialog(this);
    dialog.setSecretStore(m_secrets);
    dialog.setProfile(*current); // reads the stored secret into the form
    if (dialog.exec() != QDialog::Accepted)
        return;
    saveProfile(dialog.profile(), dialog.secret(), current->name);
}

void MainWindow::saveProfile(const Profile &profile, const QString &secret, const QString &previousName)
{
    if (!previousName.isEmpty() && previousName != profile.name) {
        m_profiles->remove(previousName);
        m_secrets->remove(previousName);
    }
    m_profiles->save(profile);
    m_profileName = profile.name;
    reloadProfileList();
    m_profiles->setLastUsed(profile.name);
    setStatus(tr("Opening profile %1…").arg(profile.name));
    // The keychain write may still be under way: hand the secret over directly.
    m_opener->open(profile, secret);
}

void MainWindow::deleteProfile()
{
    const QString name = m_profileName;
    if (name.isEmpty() || name == Profile::demoProfile().name)
        return;
    if (!UserPrompt::confirm(this, tr("Delete profile"),
                             tr("Delete the profile %1 and its secret in the keychain?").arg(name), true))
        return;
    m_profiles->remove(name);
    m_secrets->remove(name);
    openProfile(Profile::demoProfile().name);
}

} // namespace Amo::Gui
