// SPDX-License-Identifier: MIT
#include "shared/sync/action.h"

using namespace Qt::StringLiterals;

namespace Amo::Sync {

namespace {
constexpr Action::Kind kAllKinds[] = {
    Action::Kind::CreateIdentity, Action::Kind::UpdateIdentity,
    Action::Kind::RepointBinding, Action::Kind::WaitForNamespace,
    Action::Kind::Conflict,       Action::Kind::Orphan,
    Action::Kind::Skip,
};
} // namespace

QString Action::resourceKind() const
{
    if (aboutBinding)
        return u"AzureIdentityBinding"_s;
    switch (kind) {
    case Kind::RepointBinding:
        return u"AzureIdentityBinding"_s;
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
