// SPDX-License-Identifier: MIT
#include "gui/connect/profilestore.h"

#include "gui/connect/planoptions.h"

#include "shared/config/optionparser.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

namespace {

const QString profilesGroup = u"profiles"_s;
const QString lastUsedKey = u"lastUsedProfile"_s;

} // namespace

ProfileStore::ProfileStore()
    : m_owned(std::make_unique<QSettings>())
    , m_settings(m_owned.get())
{
}

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings)
{
}

ProfileStore::~ProfileStore() = default;

QStringList ProfileStore::profileNames() const
{
    m_settings->beginGroup(profilesGroup);
    QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    names.sort(Qt::CaseInsensitive);
    return names;
}

std::optional<Profile> ProfileStore::load(const QString &name) const
{
    if (!profileNames().contains(name))
        return std::nullopt;
    Profile profile;
    profile.name = name;
    m_settings->beginGroup(profilesGroup + u'/' + name);
    profile.demo = m_settings->value(u"demo"_s, false).toBool();
    profile.cloud = m_settings->value(u"cloud"_s, profile.cloud).toString();
    profile.environmentFile = m_settings->value(u"environmentFile"_s).toString();
    profile.tenantId = m_settings->value(u"tenantId"_s).toString();
    profile.authMethod = Profile::authMethodFromKey(m_settings->value(u"authMethod"_s).toString())
                             .value_or(Profile::AuthMethod::AzureCli);
    profile.clientId = m_settings->value(u"clientId"_s).toString();
    profile.certificatePath = m_settings->value(u"certificatePath"_s).toString();
    profile.subscriptions = m_settings->value(u"subscriptions"_s).toStringList();
    profile.kubeconfig = m_settings->value(u"kubeconfig"_s).toString();
    profile.context = m_settings->value(u"context"_s).toString();
    profile.readOnly = m_settings->value(u"readOnly"_s, false).toBool();

    // Read the options the way the agent reads its env: missing keys take the agent's defaults.
    QHash<QString, QString> env;
    m_settings->beginGroup(u"options"_s);
    for (const QString &key : PlanOptions::envNames()) {
        if (m_settings->contains(key))
            env.insert(key, m_settings->value(key).toString());
    }
    m_settings->endGroup();
    m_settings->endGroup();
    const Config::ParseResult parsed = Config::OptionParser().parse({}, env);
    // A hand-edited bad value falls back to the defaults; validate() would flag it otherwise.
    if (parsed.ok())
        PlanOptions::copy(parsed.config, &profile.options);
    return profile;
}

void ProfileStore::save(const Profile &profile)
{
    remove(profile.name);
    m_settings->beginGroup(profilesGroup + u'/' + profile.name);
    m_settings->setValue(u"demo"_s, profile.demo);
    m_settings->setValue(u"cloud"_s, profile.cloud);
    m_settings->setValue(u"environmentFile"_s, profile.environmentFile);
    m_settings->setValue(u"tenantId"_s, profile.tenantId);
    m_settings->setValue(u"authMethod"_s, Profile::authMethodKey(profile.authMethod));
    m_settings->setValue(u"clientId"_s, profile.clientId);
    m_settings->setValue(u"certificatePath"_s, profile.certificatePath);
    m_settings->setValue(u"subscriptions"_s, profile.subscriptions);
    m_settings->setValue(u"kubeconfig"_s, profile.kubeconfig);
    m_settings->setValue(u"context"_s, profile.context);
    m_settings->setValue(u"readOnly"_s, profile.readOnly);
    m_settings->beginGroup(u"options"_s);
    const QHash<QString, QString> env = PlanOptions::toEnv(profile.options);
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        m_settings->setValue(it.key(), it.value());
    m_settings->endGroup();
    m_settings->endGroup();
    m_settings->sync();
}

void ProfileStore::remove(const QString &name)
{
    if (name.isEmpty())
        return; // an empty group name would address every profile
    m_settings->remove(profilesGroup + u'/' + name);
    m_settings->sync();
}

QString ProfileStore::lastUsed() const
{
    return m_settings->value(lastUsedKey).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    m_settings->setValue(lastUsedKey, name);
    m_settings->sync();
}

} // namespace Amo::Gui
