// SPDX-License-Identifier: MIT
#pragma once

#include "gui/connect/profile.h"

#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace Amo::Gui {

/**
 * Saved profiles in QSettings, one group per profile under "profiles/". The plan options are stored
 * as the agent's env text and read back through its OptionParser. Never writes a secret: those
 * belong to SecretStore.
 */
class ProfileStore
{
public:
    /** Uses QSettings with the application's organisation and name. */
    ProfileStore();
    /** Uses @p settings (not owned), e.g. an ini file in a temporary folder for tests. */
    explicit ProfileStore(QSettings *settings);
    ~ProfileStore();

    /** The saved profiles, sorted; the built-in demo profile is not among them. */
    QStringList profileNames() const;
    std::optional<Profile> load(const QString &name) const;
    /** Replaces any profile of the same name. */
    void save(const Profile &profile);
    void remove(const QString &name);

    QString lastUsed() const;
    void setLastUsed(const QString &name);

private:
    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings = nullptr;
};

} // namespace Amo::Gui
