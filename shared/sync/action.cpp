// SPDX-License-Identifier: MIT
#include "shared/sync/action.h"

using namespace Qt::StringLiterals;

namespace Amo::Sync {

namespace {
constexpr Action::Kind kAllKinds[] = {
    Action::Kind::CreateIdentity,
    Action::Kind::UpdateIdentity,
    Action::Kind::RepointBinding,
    Action::Kind::WaitForNamespace,
    Action::Kind::Conflict,
    Action::Kind::Orphan,
    Action::Kind::Skip,
    Action::Kind::CreateServiceAccount,
    Action::Kind::UpdateServiceAccount,
    Action::Kind::CreateFederatedCredential,
    Action::Kind::UpdateFederatedCredential,
    Action::Kind::Blocked,
};
} // namespace

QString Action::resourceKind() const
{
    if (!resource.isEmpty())
        return resource;
    if (aboutBinding)
        return u"AzureIdentityBinding"_s;
    switch (kind) {
    case Kind::RepointBinding:
        return u"AzureIdentityBinding"_s;
    case Kind::CreateServiceAccount:
    case Kind::UpdateServiceAccount:
        return u"ServiceAccount"_s;
    case Kind::CreateFederatedCredential:
    case Kind::UpdateFederatedCredential:
    case Kind::Blocked:
        return u"FederatedIdentityCredential"_s;
    case Kind::Skip:
        return QString();
    default:
        return u"AzureIdentity"_s;
    }
}

QString Action::kindName(Kind kind)
{
    switch (kind) {
    case Kind::CreateIdentity:
        return u"CreateIdentity"_s;
    case Kind::UpdateIdentity:
        return u"UpdateIdentity"_s;
    case Kind::RepointBinding:
        return u"RepointBinding"_s;
    case Kind::WaitForNamespace:
        return u"WaitForNamespace"_s;
    case Kind::Conflict:
        return u"Conflict"_s;
    case Kind::Orphan:
        return u"Orphan"_s;
    case Kind::Skip:
        return u"Skip"_s;
    case Kind::CreateServiceAccount:
        return u"CreateServiceAccount"_s;
    case Kind::UpdateServiceAccount:
        return u"UpdateServiceAccount"_s;
    case Kind::CreateFederatedCredential:
        return u"CreateFederatedCredential"_s;
    case Kind::UpdateFederatedCredential:
        return u"UpdateFederatedCredential"_s;
    case Kind::Blocked:
        return u"Blocked"_s;
    }
    return QString();
}

std::optional<Action::Kind> Action::kindFromName(const QString &name)
{
    for (const Kind kind : kAllKinds) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace Amo::Sync
