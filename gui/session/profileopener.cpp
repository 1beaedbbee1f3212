// SPDX-License-Identifier: MIT
#include "gui/session/profileopener.h"

#include "gui/connect/secretstore.h"
#include "gui/session/dashboardsession.h"

#include <QTimer>

namespace Amo::Gui {

ProfileOpener::ProfileOpener(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{
    if (m_secrets)
        connect(m_secrets, &SecretStore::secretRead, this, &ProfileOpener::onSecretRead);
}

void ProfileOpener::open(const Profile &profile, const std::optional<QString> &secret)
{
    m_pending = profile;
    if (secret || profile.demo || !Profile::usesSecret(profile.authMethod) || !m_secrets) {
        // Queued, so that callers always get their answer after open() returned, as with the keychain.
        QTimer::singleShot(0, this, [this, profile, known = secret.value_or(QString())] {
            if (m_pending && *m_pending == profile)
                finish(profile, known);
        });
        return;
    }
    m_secrets->read(profile.name);
}

void ProfileOpener::onSecretRead(const QString &profile, const QString &secret, const QString &error)
{
    if (!m_pending || m_pending->name != profile)
        return; // superseded, or read for someone else (e.g. the profile dialog)
    if (!error.isEmpty()) {
        const QString name = m_pending->name;
        m_pending.reset();
        Q_EMIT failed(name, tr("The secret could not be read from the keychain: %1").arg(error));
        return;
    }
    finish(*m_pending, secret);
}

void ProfileOpener::finish(Profile profile, const QString &secret)
{
    m_pending.reset();
    QString error;
    DashboardSession *session = createSession(profile, secret, &error);
    if (session)
        Q_EMIT opened(profile.name, session);
    else
        Q_EMIT failed(profile.name, error);
}

DashboardSession *ProfileOpener::createSession(const Profile &profile, const QString &secret, QString *error)
{
    // The demo never sees the user's environment or credentials: DemoHost supplies both.
    auto *session = new DashboardSession(
        profile.toConfig(), profile.demo ? Sync::ClientEnvironment {} : profile.toClientEnvironment(secret),
        profile.demo);
    if (!session->open(error)) {
        delete session;
        return nullptr;
    }
    return session;
}

} // namespace Amo::Gui
