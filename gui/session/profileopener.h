// SPDX-License-Identifier: MIT
#pragma once

#include "gui/connect/profile.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace Amo::Gui {

class DashboardSession;
class SecretStore;

/**
 * Turns a profile into an opened DashboardSession: reads the profile's secret from the keychain
 * (asynchronously), then builds the clients from Profile::toConfig() and toClientEnvironment().
 * The Demo profile starts the embedded simulator instead. A newer open() supersedes an older one.
 */
class ProfileOpener : public QObject
{
    Q_OBJECT
public:
    explicit ProfileOpener(SecretStore *secrets, QObject *parent = nullptr);

    /** With @p secret known (e.g. just typed into the dialog) the keychain is not asked. */
    void open(const Profile &profile, const std::optional<QString> &secret = std::nullopt);
    bool isOpening() const { return m_pending.has_value(); }

    /** Builds and opens the session synchronously; null with *error when the profile is unusable. */
    static DashboardSession *createSession(const Profile &profile, const QString &secret, QString *error);

Q_SIGNALS:
    /** The caller takes ownership of @p session. */
    void opened(const QString &profile, Amo::Gui::DashboardSession *session);
    void failed(const QString &profile, const QString &error);

private:
    void onSecretRead(const QString &profile, const QString &secret, const QString &error);
    void finish(Profile profile, const QString &secret); // a copy: it resets m_pending

    QPointer<SecretStore> m_secrets;
    std::optional<Profile> m_pending; // waiting for its secret
};

} // namespace Amo::Gui
